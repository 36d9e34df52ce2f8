// Package host is the small static web server behind "ladder serve": it
// serves the site the build writes, with the same URLs, headers and
// precompressed files a production host such as nginx would use.
//
// A page /a/b is the file a/b.html and / is index.html; other files are
// served at their own path; folders are never listed. Files are opened
// through an os.Root, so no request can reach a file outside the site.
package host

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"

	"github.com/ladder-explorer/ladder/web"
)

// Config says what to serve.
type Config struct {
	Dir    string       // the site's root folder
	Prefix string       // "" or a path like "/sub": the site lives under it (e.g. a GitHub Pages project site)
	Log    *slog.Logger // one line per request; nil means slog.Default()
}

// handler serves one site; it is safe for concurrent use.
type handler struct {
	root   *root
	prefix string
	log    *slog.Logger
	cache  cache
}

// New returns a handler serving the site in cfg.Dir. It fails if Dir is
// not a folder or Prefix is malformed.
func New(cfg Config) (http.Handler, error) {
	if err := checkPrefix(cfg.Prefix); err != nil {
		return nil, err
	}
	info, err := os.Stat(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("site folder %s is not a folder", cfg.Dir)
	}
	root, err := openRoot(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("site folder: %w", err)
	}
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	return &handler{root: root, prefix: cfg.Prefix, log: log, cache: cache{limit: maxCache}}, nil
}

// ServeHTTP answers GET and HEAD with the file the path resolves to.
func (h *handler) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	start := time.Now()
	w := &recorder{ResponseWriter: rw}
	defer h.logRequest(w, r, start)
	if len(requestTarget(r)) > maxTarget {
		writeStatus(w, r, http.StatusRequestURITooLong)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeStatus(w, r, http.StatusMethodNotAllowed)
		return
	}
	dir := h.root.get()
	switch t := h.resolve(dir, r.URL.Path); t.status {
	case http.StatusOK:
		h.serveFile(w, r, dir, t)
	case http.StatusMovedPermanently:
		u := url.URL{Path: t.location, RawQuery: r.URL.RawQuery}
		w.Header().Set("Location", u.String())
		writeStatus(w, r, t.status)
	case http.StatusNotFound:
		h.notFound(w, r, dir)
	default:
		writeStatus(w, r, t.status)
	}
}

// serveFile sends the variant of t the client accepts, with validators and
// ranges handled by http.ServeContent.
func (h *handler) serveFile(w *recorder, r *http.Request, dir *os.Root, t target) {
	v := chooseVariant(dir, t.name, t.info, r.Header["Accept-Encoding"])
	e, f, err := h.cache.open(dir, v.name, v.info)
	if err != nil {
		// The file went away between Stat and Open, typically during a rebuild.
		if errors.Is(err, fs.ErrNotExist) {
			h.notFound(w, r, dir)
			return
		}
		writeStatus(w, r, http.StatusInternalServerError)
		return
	}
	w.immutable = web.Immutable(t.name)
	hd := w.Header()
	hd.Set("Content-Type", ContentType(t.name))
	hd.Set("Etag", e.etag)
	if v.encoding != "" {
		hd.Set("Content-Encoding", v.encoding)
	}
	if v.vary {
		hd.Set("Vary", "Accept-Encoding")
	}
	w.length = strconv.FormatInt(e.size, 10)
	if f != nil {
		defer f.Close()
		http.ServeContent(w, r, "", e.mod, f)
		return
	}
	w.inMemory = true
	http.ServeContent(w, r, "", e.mod, e.reader())
}

// notFound answers 404 with the site's 404.html, or a short text if the
// site has none.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request, dir *os.Root) {
	t := file(dir, notFoundPage)
	if t.status != http.StatusOK {
		writeStatus(w, r, http.StatusNotFound)
		return
	}
	e, f, err := h.cache.open(dir, t.name, t.info)
	if f != nil {
		f.Close() // a 404 page too big to keep in memory is not worth streaming
	}
	if err != nil || !e.cached() {
		writeStatus(w, r, http.StatusNotFound)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", ContentType(t.name))
	hd.Set("Content-Length", strconv.Itoa(len(e.body)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(e.body)
	}
}

// writeStatus answers with code and its name as a plain-text body.
func writeStatus(w http.ResponseWriter, r *http.Request, code int) {
	msg := strconv.Itoa(code) + " " + http.StatusText(code) + "\n"
	hd := w.Header()
	hd.Set("Content-Type", "text/plain; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(len(msg)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		io.WriteString(w, msg)
	}
}
