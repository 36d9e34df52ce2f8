package site

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/ladder-explorer/ladder/web"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// notFoundFile is the page hosts serve for any address the site lacks.
const notFoundFile = "404.html"

// pageFile is the file a page is written to: the x.html layout, which
// nginx, GitHub Pages and most static hosts serve at /x.
func pageFile(path string) string {
	switch path {
	case "/":
		return "index.html"
	case "/" + notFoundFile:
		return notFoundFile
	}
	return strings.TrimPrefix(path, "/") + ".html"
}

// fileURL is the address a file is fetched at, the one the service worker
// caches it under: a page's own address, any other file's path.
func fileURL(o *Options, name string) string {
	switch {
	case name == "index.html":
		return o.path("/")
	case name == notFoundFile:
		return o.path("/" + name)
	case strings.HasSuffix(name, ".html"):
		return o.path("/" + strings.TrimSuffix(name, ".html"))
	}
	return o.path("/" + name)
}

// go-app's viewport forbids zooming, which fails people who need to zoom
// (WCAG 1.4.4); the pages allow it.
var lockedViewport = []byte(`maximum-scale=1, user-scalable=0, `)

// charsetMeta is the first tag go-app writes in a page's head; the page's
// Content-Security-Policy comes right after it, before anything it governs.
var charsetMeta = []byte("<meta charset=\"UTF-8\">\n")

// policyMeta is the page's own Content-Security-Policy, for hosts that send
// no headers.
var policyMeta = []byte(`<meta content="` + html.EscapeString(web.PagePolicy) + `" http-equiv="Content-Security-Policy">` + "\n")

// charsetAndPolicy replaces charsetMeta in every page.
var charsetAndPolicy = slices.Concat(charsetMeta, policyMeta)

// appScripts are the scripts go-app puts in every page, which start the
// app as the page loads.
func appScripts(o *Options) []byte {
	return slices.Concat(scriptTag(o.path("/wasm_exec.js")), scriptTag(o.path("/app.js")))
}

// loaderScript is the explorer's loader, which every page carries: a
// reading page starts the app only when the visitor uses it (see
// web/static/loader.js).
func loaderScript(o *Options) []byte {
	return scriptTag(o.path("/web/loader.js"))
}

// scriptTag is a deferred script's tag as fixMarkup writes it.
func scriptTag(src string) []byte {
	return []byte(`<script defer src="` + html.EscapeString(src) + `"></script>` + "\n")
}

// pageExtras are what a page carries beside what its component renders.
type pageExtras struct {
	// startsApp: the page keeps go-app's scripts, followed by the loader;
	// any other page carries the loader alone.
	startsApp bool
	// roleFile is, on the page of a role, its role's data file, which the
	// app fetches when it starts there (ui.RoleFileMeta).
	roleFile string
	// card is the page's share card, if it has one.
	card *card
	// head are more tags for the page's head, written as go-app writes its
	// own (attribute values quoted with strconv.Quote).
	head []string
}

// renderPage prerenders one page with go-app's handler: the components
// render on the server with the page's real content.
func renderPage(o *Options, path string, x pageExtras) (page []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render %s: %v\n%s", path, r, debug.Stack())
		}
	}()
	// A canonical link is an absolute address: without a base URL there is
	// none to give. The not-found page has none: hosts serve it, with
	// status 404, at every address the site lacks, which search engines
	// do not index; nothing links to its own file.
	canonical := ""
	if o.BaseURL != "" && path != "/"+notFoundFile {
		canonical = o.BaseURL + o.path(path)
	}
	h := handler(o, "", canonical, nil)
	if x.roleFile != "" {
		h.RawHeaders = append(h.RawHeaders, `<meta content=`+strconv.Quote(x.roleFile)+` name="`+ui.RoleFileMeta+`">`)
	}
	if x.card != nil && o.BaseURL != "" {
		// og:image must be absolute: a card needs the base URL.
		h.Image = o.BaseURL + o.path("/"+x.card.file())
		h.RawHeaders = append(h.RawHeaders,
			`<meta content="`+strconv.Itoa(cardWidth)+`" property="og:image:width">`,
			`<meta content="`+strconv.Itoa(cardHeight)+`" property="og:image:height">`,
			`<meta content=`+strconv.Quote(x.card.alt())+` property="og:image:alt">`,
			`<meta content="summary_large_image" name="twitter:card">`)
	}
	h.RawHeaders = append(h.RawHeaders, x.head...)
	b, err := get(h, path)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(b, lockedViewport) {
		return nil, fmt.Errorf("render %s: go-app's viewport meta has changed; update renderPage", path)
	}
	b, err = fixMarkup(bytes.Replace(b, lockedViewport, nil, 1))
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", path, err)
	}
	if !bytes.Contains(b, charsetMeta) {
		return nil, fmt.Errorf("render %s: go-app's charset meta has changed; update renderPage", path)
	}
	scripts := appScripts(o)
	if !bytes.Contains(b, scripts) {
		return nil, fmt.Errorf("render %s: go-app's script tags have changed; update renderPage", path)
	}
	loader := loaderScript(o)
	if x.startsApp {
		loader = slices.Concat(scripts, loader)
	}
	b = bytes.Replace(b, scripts, loader, 1)
	b = emptyMeta.ReplaceAll(b, nil)
	if o.BaseURL == "" {
		b = ogURLMeta.ReplaceAll(b, nil)
	}
	return bytes.Replace(b, charsetMeta, charsetAndPolicy, 1), nil
}

// emptyMeta is a meta tag go-app writes with nothing in it (author,
// keywords, og:image without a base URL): it says nothing.
var emptyMeta = regexp.MustCompile(`<meta content (?:name|property)="[^"]+">\n`)

// ogURLMeta is go-app's og:url, which must be an absolute address: without
// a base URL it is the address the page was rendered at, which no visitor
// can reach, so the page goes without one.
var ogURLMeta = regexp.MustCompile(`<meta content="[^"]*" property="og:url">\n`)

// get returns what h answers to a GET of path.
func get(h *app.Handler, path string) ([]byte, error) {
	rec := httptest.NewRecorder()
	// The path is escaped as a browser sends it: ids may hold letters
	// outside ASCII, and a request line holds no space.
	target := "http://prerender.invalid" + (&url.URL{Path: path}).EscapedPath()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("render %s: status %d", path, rec.Code)
	}
	return rec.Body.Bytes(), nil
}
