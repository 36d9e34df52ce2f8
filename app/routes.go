package app

import (
	"sync"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var (
	// shown is the catalog the routes' components show. go-app's routes are
	// global and can only be added, so they are registered once and read
	// the catalog when a page is made: a build can render a second site.
	shown      atomic.Pointer[Catalog]
	registered sync.Once
)

// Register routes every page of the explorer to its component, showing c.
// Call it before app.RunWhenOnBrowser in the browser, or before rendering
// pages on the server; a later call replaces the catalog. Any other address
// gets the not-found page.
func Register(c *Catalog) {
	shown.Store(c)
	registered.Do(func() {
		app.RouteFunc("/", func() app.Composer { return newHome(shown.Load()) })
		app.RouteWithRegexpFunc(`^/roles/[^/]+/?$`, func() app.Composer { return newRolePage(shown.Load()) })
		app.RouteWithRegexpFunc(`^/roles/[^/]+/[^/]+/?$`, func() app.Composer { return newLevelPage(shown.Load()) })
		app.RouteWithRegexpFunc(`.*`, func() app.Composer { return newNotFound(shown.Load()) })
	})
}
