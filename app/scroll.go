package app

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var (
	// startScroll is how far the reader had scrolled the prerendered page
	// when the app started.
	startScroll float64
	settled     sync.Once
)

// RememberScroll notes how far the prerendered page is scrolled. Call it in
// the browser before app.RunWhenOnBrowser: go-app then replaces the page's
// DOM with its own, which puts the reader back at the top.
func RememberScroll() {
	startScroll = app.Window().Get("scrollY").Float()
}

// settle puts the reader back where they were once the app has rebuilt the
// page: at the skill the address names, or where they had scrolled to.
func settle(ctx app.Context) {
	settled.Do(func() {
		ctx.Defer(func(app.Context) {
			if id := app.Window().URL().Fragment; id != "" {
				app.Window().ScrollToID(id)
				return
			}
			app.Window().Call("scrollTo", 0, startScroll)
		})
	})
}
