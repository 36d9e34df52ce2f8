// Command minimal is the smallest honest go-app v9 client: one component
// on one route. BenchmarkWasmSize compiles it for the browser as the
// yardstick app.wasm is measured against.
//
// go-app examples also serve the app with app.Handler and
// http.ListenAndServe; that server part is left out on purpose, not
// guarded by build tags, since only the browser binary is measured. It
// lives under testdata so that ./... ignores it; build it by naming its
// path: GOOS=js GOARCH=wasm go build ./testdata/minimal
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// hello shows one heading.
type hello struct {
	app.Compo
}

// Render returns the heading.
func (h *hello) Render() app.UI {
	return app.H1().Text("Hello")
}

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
}
