// Command explorer is the browser side of the ladder explorer, compiled to
// WebAssembly as app.wasm.
//
// app.wasm is the same for any content: the content ships beside it as
// data, an index of every role's outline and a file per role (see
// app.IndexFile), which the app fetches as pages need them.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "github.com/ladder-explorer/ladder/app"
)

func main() {
	site := ui.Site{Prefix: app.Getenv("GOAPP_ROOT_PREFIX")}
	cat := ui.LoadCatalog(site, app.Window().URL())
	if err := cat.Err(); err != nil {
		app.Log("explorer: " + err.Error())
	}
	ui.Register(cat)
	ui.RememberScroll()
	ui.GuardStorage()
	app.RunWhenOnBrowser()
}
