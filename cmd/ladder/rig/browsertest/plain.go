package browsertest

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"testing"
)

// PlainHost serves the folder root on a loopback port as the plainest
// static hosts do (GitHub Pages, a storage bucket): a page /x is x.html,
// an unknown address gets 404.html, and no response carries a security
// header, no Content-Security-Policy among them. It returns the origin,
// with no trailing slash; the server stops when the test ends.
func PlainHost(t testing.TB, root string) string {
	t.Helper()
	dir, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		for _, try := range []string{name, name + ".html", path.Join(name, "index.html")} {
			if serveFile(w, r, dir, try, http.StatusOK) {
				return
			}
		}
		serveFile(w, r, dir, "404.html", http.StatusNotFound)
	}))
	t.Cleanup(func() {
		srv.Close()
		dir.Close()
	})
	return srv.URL
}

// serveFile sends the regular file name of dir with status, and reports
// whether there was one.
func serveFile(w http.ResponseWriter, r *http.Request, dir *os.Root, name string, status int) bool {
	if name == "" || name == "." {
		return false
	}
	b, err := fs.ReadFile(dir.FS(), name)
	if err != nil {
		return false // missing, a folder, or outside the root
	}
	w.Header().Set("Content-Type", contentTypeOf(name))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
	return true
}

// contentTypeOf is the type a static host gives a file of the site.
func contentTypeOf(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	case ".webmanifest":
		return "application/manifest+json"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	}
	return "application/octet-stream"
}
