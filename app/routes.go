package app

import (
	"sync"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var (
	// shown is the catalog the routes' components show. go-app's routes are
	// global and can only be added, so a route reads the catalog when its
	// page is made: a build can render a second site.
	shown    atomic.Pointer[Catalog]
	fallback sync.Once
)

// Register routes every page of the explorer to its component, showing c.
// Call it before app.RunWhenOnBrowser in the browser, or before rendering
// pages on the server; a later call replaces the catalog.
//
// Each page that exists has a route of its own, which makes its component
// knowing what it shows: go-app mounts a page, and paints it, before it
// calls OnNav, and a component that waited for OnNav to read its URL would
// first replace the prerendered page with a wrong one. Other addresses get
// the not-found pages, which learn what was asked in OnNav.
func Register(c *Catalog) {
	shown.Store(c)
	app.RouteFunc("/", func() app.Composer { return newHome(shown.Load()) })
	app.RouteFunc(comparePage, func() app.Composer { return newComparePage(shown.Load()) })
	for _, r := range c.Outline().Roles {
		app.RouteFunc(rolePath(r.ID), func() app.Composer { return newRolePage(shown.Load(), r.ID) })
		app.RouteFunc(gridPath(r.ID), func() app.Composer { return newGridPage(shown.Load(), r.ID) })
		app.RouteFunc(assessPath(r.ID), func() app.Composer { return newAssessPage(shown.Load(), r.ID) })
		for _, l := range r.Levels {
			app.RouteFunc(levelPath(r.ID, l.ID), func() app.Composer { return newLevelPage(shown.Load(), r.ID, l.ID) })
		}
		for _, s := range r.Skills {
			app.RouteFunc(trackPath(r.ID, s.ID), func() app.Composer { return newTrackPage(shown.Load(), r.ID, s.ID) })
		}
	}
	if app.IsServer {
		app.RouteFunc(ShellPath, func() app.Composer { return &shell{cat: shown.Load()} })
	}
	fallback.Do(func() {
		app.RouteWithRegexpFunc(`^/roles/[^/]+/?$`, func() app.Composer { return newRolePage(shown.Load(), "") })
		app.RouteWithRegexpFunc(`^/roles/[^/]+/grid/?$`, func() app.Composer { return newGridPage(shown.Load(), "") })
		app.RouteWithRegexpFunc(`^/assess/[^/]+/?$`, func() app.Composer { return newAssessPage(shown.Load(), "") })
		app.RouteWithRegexpFunc(`^/roles/[^/]+/skills/[^/]+/?$`, func() app.Composer { return newTrackPage(shown.Load(), "", "") })
		app.RouteWithRegexpFunc(`^/roles/[^/]+/[^/]+/?$`, func() app.Composer { return newLevelPage(shown.Load(), "", "") })
		app.RouteWithRegexpFunc(`.*`, func() app.Composer { return newNotFound(shown.Load()) })
	})
}
