package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// status tells the page that the app has started, and offers the reload
// when a newer version of the site has been installed in the background.
type status struct {
	app.Compo
	updateAvailable bool
}

func newStatus() *status { return &status{} }

// OnMount marks the document as run by the app, which styles and tests
// rely on, and catches an update that arrived while the app was starting.
func (s *status) OnMount(ctx app.Context) {
	app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "ready")
	s.updateAvailable = ctx.AppUpdateAvailable()
	watchForUpdates()
	settle(ctx)
}

// OnAppUpdate shows the notice: the new version is cached and a reload
// shows it.
func (s *status) OnAppUpdate(ctx app.Context) {
	s.updateAvailable = ctx.AppUpdateAvailable()
}

func (s *status) Render() app.UI {
	return el("div", attrs{"class", "status", "aria-live", "polite"},
		when(s.updateAvailable, el("p", attrs{"class", "update"},
			txt("span", nil, "Update available — "),
			button(attrs{"id", "reload"}, "reload", s.reload),
		)),
	)
}

func (s *status) reload(ctx app.Context, _ app.Event) { ctx.Reload() }
