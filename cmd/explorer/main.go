// Command explorer is the browser side of the ladder explorer, compiled to
// WebAssembly as app.wasm by `ladder build`.
//
// The content's model is embedded: data/model.json, empty in the
// repository, is replaced by the model with go build's -overlay while
// `ladder build` compiles, so the browser gets the model as data and never
// reads Markdown. Built any other way, the app says it carries no content.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "github.com/ladder-explorer/ladder/app"
)

// model is the content's model, empty unless ladder build compiled the
// explorer.
//
//go:embed data/model.json
var model []byte

func main() {
	fw, err := load(model)
	if err != nil {
		app.Log("explorer: " + err.Error())
	}
	ui.Register(ui.NewCatalog(fw, ui.Site{Prefix: app.Getenv("GOAPP_ROOT_PREFIX")}))
	if app.IsClient {
		ui.RememberScroll()
		ui.GuardStorage()
	}
	app.RunWhenOnBrowser()
}

// load reads the embedded model. Without one, the explorer shows no role.
func load(b []byte) (*ladder.Framework, error) {
	if len(b) == 0 {
		return nil, errors.New("this build carries no content: build it with ladder build")
	}
	var fw ladder.Framework
	if err := json.Unmarshal(b, &fw); err != nil {
		return nil, errors.New("read the embedded model: " + err.Error())
	}
	return &fw, nil
}
