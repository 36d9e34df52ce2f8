// Command explorer is the browser side of the ladder explorer, compiled to
// WebAssembly as app.wasm by `ladder build`.
//
// The content's model is embedded: `ladder build` adds data/model.json to
// this package with go build's -overlay while it compiles, so the browser
// gets the model as data and never reads Markdown. Built any other way, the
// app says it carries no content.
package main

import (
	"embed"
	"encoding/json"
	"errors"
	"io/fs"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "github.com/ladder-explorer/ladder/app"
)

//go:embed data
var data embed.FS

func main() {
	fw, err := load(data)
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
func load(fsys fs.FS) (*ladder.Framework, error) {
	b, err := fs.ReadFile(fsys, "data/model.json")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New("this build carries no content: build it with ladder build")
	}
	if err != nil {
		return nil, err
	}
	var fw ladder.Framework
	if err := json.Unmarshal(b, &fw); err != nil {
		return nil, errors.New("read the embedded model: " + err.Error())
	}
	return &fw, nil
}
