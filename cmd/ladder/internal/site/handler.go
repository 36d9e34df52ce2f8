package site

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Colours of the installed app's window before its stylesheet loads.
const (
	backgroundColor = "#fbfaf7"
	themeColor      = "#1d4f4a"
)

// updateInterval is how often the open app asks for a newer version. go-app
// only hears of an update when the browser checks for one, and loses the
// event if it comes while the WebAssembly is starting: polling finds the
// next one.
const updateInterval = 15 * time.Minute

// description is the site's own description, in the manifest and on pages
// that have none.
const description = "Career ladders: every role's skills and what each level expects, offline and shareable."

// icons are the web assets the handler and the manifest point at.
var icons = app.Icon{
	Default:    "/web/icon-192.png",
	Large:      "/web/icon-512.png",
	SVG:        "/web/icon.svg",
	AppleTouch: "/web/icon-192.png",
}

// handler returns go-app's handler for the site: it renders pages and
// go-app's own files. canonical is the public address of the page it will
// render, or empty.
func handler(o *Options, version, canonical string, precache []cached) *app.Handler {
	h := &app.Handler{
		Name:                  ui.Name,
		ShortName:             "Ladders",
		Title:                 ui.Name,
		Description:           description,
		Lang:                  "en",
		Icon:                  icons,
		BackgroundColor:       backgroundColor,
		ThemeColor:            themeColor,
		LoadingLabel:          "Starting the app… {progress}%",
		Styles:                []string{"/web/style.css"},
		Resources:             resources(o),
		Version:               version,
		AutoUpdateInterval:    updateInterval,
		ServiceWorkerTemplate: workerTemplate(o, precache),
	}
	if o.BaseURL != "" {
		h.Image = o.BaseURL + o.path("/web/icon-512.png")
	}
	// Attributes are quoted as go-app quotes its own, for fixMarkup.
	h.RawHeaders = []string{`<noscript><link href=` + strconv.Quote(o.path("/web/noscript.css")) + ` rel="stylesheet"></noscript>`}
	if canonical != "" {
		h.RawHeaders = append(h.RawHeaders, `<link href=`+strconv.Quote(canonical)+` rel="canonical">`)
	}
	return h
}

// resources tells go-app where the site lives, at the root or under a
// prefix that every path it writes must carry, and the name of app.wasm.
func resources(o *Options) app.ResourceProvider {
	r := siteResources{ResourceProvider: app.LocalDir(""), wasm: o.path("/" + o.wasm)}
	if o.Prefix != "" {
		r.ResourceProvider = app.CustomProvider("", o.Prefix)
	}
	return r
}

// siteResources are go-app's resources with app.wasm under the name that
// carries its hash.
type siteResources struct {
	app.ResourceProvider
	wasm string
}

// AppWASM is the address app.js fetches app.wasm from.
func (r siteResources) AppWASM() string { return r.wasm }

// workerTemplate is the service worker's template with the files to keep
// filled in: at install, and when first used (the search's file). go-app
// fills in the version; go-app's own worker and list are replaced: it
// keeps every file of a version anew, and under a prefix names "/prefix"
// where the installed app starts at "/prefix/".
func workerTemplate(o *Options, precache []cached) string {
	entries := make([][2]string, len(precache))
	for i, c := range precache {
		entries[i] = [2]string{c.url, c.revision}
	}
	list, _ := json.Marshal(entries)
	shell, _ := json.Marshal(fileURL(o, shellFile))
	revisions, _ := json.Marshal(o.path("/" + workerFile + "-revisions"))
	var onUse []string
	if o.search != "" {
		onUse = append(onUse, fileURL(o, o.search))
	}
	kept, _ := json.Marshal(onUse)
	search, _ := json.Marshal(o.path(ui.SearchPath))
	return strings.NewReplacer("@PRECACHE@", string(list), "@SHELL@", string(shell), "@REVISIONS@", string(revisions),
		"@ONUSE@", string(kept), "@SEARCH@", string(search)).Replace(workerJS)
}
