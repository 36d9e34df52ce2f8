package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// offlineState is what the footer says of the whole-site offline copy.
type offlineState int

const (
	// offerOffline: the prerendered page, before the app runs, offers to
	// keep the site. Pressing the button uses the page, which starts the
	// app (web/static/loader.js), and the app's service worker keeps every
	// page.
	offerOffline offlineState = iota
	// savingOffline: the app runs and its service worker is copying the site.
	savingOffline
	// keptOffline: the copy is made; every page works without a connection.
	keptOffline
	// noOffline: the browser has no service worker (a private window, an
	// old browser).
	noOffline
)

// offline is the footer's word on the offline copy, which the app's
// service worker makes once the visitor uses the site, never for a visitor
// who only reads.
type offline struct {
	app.Compo
	state offlineState
}

func newOffline() *offline { return &offline{} }

// OnMount follows the service worker that go-app's script registered when
// the app started: it is ready once it has copied the whole site.
func (o *offline) OnMount(ctx app.Context) {
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		o.state = noOffline
		return
	}
	o.state = savingOffline
	var ready app.Func
	ready = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(app.Context) { o.state = keptOffline })
		ready.Release()
		return nil
	})
	sw.Get("ready").Call("then", ready)
}

func (o *offline) Render() app.UI {
	const private = "Nothing you do here leaves your device."
	switch o.state {
	case offerOffline:
		return el("p", attrs{"class", "offline"},
			app.Text(private+" "),
			txt("button", attrs{"type", "button", "id", "keep-offline", "class", "keep-offline"}, "Keep available offline"),
		)
	case savingOffline:
		return txt("p", attrs{"class", "offline"}, private+" Keeping every page on this device for reading offline…")
	case keptOffline:
		return txt("p", attrs{"class", "offline"}, private+" Every page is kept on this device and works offline.")
	}
	return txt("p", attrs{"class", "offline"}, private+" This browser cannot keep the site for offline use.")
}
