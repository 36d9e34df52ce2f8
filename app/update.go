package app

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var watchUpdates sync.Once

// watchForUpdates catches the updates go-app misses. go-app hears of a new
// version when the browser reports a new service worker; if that happens
// while app.wasm is still starting, the report is lost, the new worker takes
// over anyway, and the page runs the old version with no notice. So, once
// the app runs, it asks the worker in charge which version it caches, and
// listens for a new worker taking over; either way, a version other than
// the page's own is go-app's update event, raised through go-app itself.
func watchForUpdates() {
	watchUpdates.Do(func() {
		sw := app.Window().Get("navigator").Get("serviceWorker")
		if !sw.Truthy() {
			return
		}
		sw.Call("addEventListener", "controllerchange", app.FuncOf(func(app.Value, []app.Value) any {
			announceUpdate()
			return nil
		}))
		worker := sw.Get("controller")
		if !worker.Truthy() {
			return // a first visit: no older version to replace
		}
		channel := app.Window().Get("MessageChannel").New()
		channel.Get("port1").Set("onmessage", app.FuncOf(func(_ app.Value, args []app.Value) any {
			if len(args) > 0 {
				v := args[0].Get("data").Get("version")
				if v.Truthy() && v.String() != app.Getenv("GOAPP_VERSION") {
					announceUpdate()
				}
			}
			return nil
		}))
		msg := app.Window().Get("Object").New()
		msg.Set("goapp", "version")
		worker.Call("postMessage", msg, app.Window().Get("Array").New(channel.Get("port2")))
	})
}

// announceUpdate raises go-app's update event, which every component sees
// in OnAppUpdate and ctx.AppUpdateAvailable.
func announceUpdate() {
	if f := app.Window().Get("goappOnUpdate"); f.Truthy() {
		f.Invoke()
	}
}
