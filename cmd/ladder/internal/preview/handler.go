package preview

import (
	"bytes"
	"html"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/host"
)

// workerFile is the site's service worker, which the preview replaces.
const workerFile = "app-worker.js"

// ServeHTTP answers GET and HEAD as ladder serve does for a built site (a
// page /a/b is a/b.html, / is index.html, a missing file is 404.html with
// status 404), from memory, plus the preview's own files under Base.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host.SetHeaders(w.Header())
	// Nothing is kept: a reload shows the last save. Responses carry no
	// validator either: a time has a second's precision, and two saves
	// can come within one.
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, ok := strings.CutPrefix(r.URL.Path, s.prefix)
	switch {
	case s.prefix != "" && r.URL.Path == s.prefix:
		http.Redirect(w, r, s.prefix+"/", http.StatusMovedPermanently)
		return
	case !ok || !strings.HasPrefix(p, "/"):
		http.NotFound(w, r)
		return
	}
	switch p {
	case Base + "events":
		s.events(w, r)
		return
	case Base + "live.js":
		serveBytes(w, r, "live.js", liveJS)
		return
	case "/" + workerFile:
		serveBytes(w, r, workerFile, workerJS)
		return
	}
	s.mu.Lock()
	st, problems, build := s.site, s.problems, s.current().Build
	s.mu.Unlock()
	if st == nil {
		s.serveProblems(w, problems, build)
		return
	}
	name, status := st.resolve(p)
	if status == http.StatusMovedPermanently {
		http.Redirect(w, r, s.prefix+strings.TrimSuffix(p, "/"), status)
		return
	}
	b := st.files[name]
	if strings.HasSuffix(name, ".html") {
		b = s.withLiveScript(b, build)
	}
	w.Header().Set("Content-Type", host.ContentType(name))
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(b)
		}
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(b))
}

// resolve returns the file that answers the site path p, and the status:
// 200, 301 for a page asked for as a folder, or 404 with the site's
// 404.html.
func (st *site) resolve(p string) (string, int) {
	rel := strings.TrimPrefix(path.Clean(p), "/")
	switch {
	case rel == "" || rel == ".":
		return "index.html", http.StatusOK
	case strings.HasSuffix(p, "/"):
		if _, ok := st.files[rel+".html"]; ok {
			return "", http.StatusMovedPermanently
		}
	default:
		if _, ok := st.files[rel+".html"]; ok {
			return rel + ".html", http.StatusOK
		}
		if _, ok := st.files[rel]; ok && path.Clean(p) == p {
			return rel, http.StatusOK
		}
	}
	return "404.html", http.StatusNotFound
}

// withLiveScript returns the page with live.js loaded at the end of its
// head, told which build the page is of: a rebuild that comes before
// live.js hears its first event still reloads the page. The site's
// Content-Security-Policy allows it: a script of the same origin, in a
// file.
func (s *Server) withLiveScript(page []byte, build string) []byte {
	tag := `<script defer src="` + s.prefix + Base + `live.js" data-build="` + html.EscapeString(build) + `"></script>`
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return append(page, tag...)
	}
	return bytes.Join([][]byte{page[:i], []byte(tag), page[i:]}, nil)
}

// serveBytes serves one of the preview's own files.
func serveBytes(w http.ResponseWriter, r *http.Request, name string, b []byte) {
	w.Header().Set("Content-Type", host.ContentType(name))
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(b))
}

// problemsPage is the page of every address while no build has succeeded:
// the problems, or that the first build is on its way.
var problemsPage = template.Must(template.New("problems").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The content has errors · Live preview</title>
<script defer src="{{.Script}}" data-build="{{.Build}}"></script></head>
<body><main><h1>{{if .Problems}}The content has errors{{else}}Building the site…{{end}}</h1>
{{if .Problems}}<p>Fix them and save: this page reloads with the site.</p>
<pre>{{range .Problems}}{{.}}
{{end}}</pre>{{end}}</main></body></html>
`))

// serveProblems answers while there is no site yet.
func (s *Server) serveProblems(w http.ResponseWriter, problems []string, build string) {
	w.Header().Set("Content-Type", host.ContentType("problems.html"))
	w.WriteHeader(http.StatusServiceUnavailable)
	_ = problemsPage.Execute(w, struct {
		Script, Build string
		Problems      []string
	}{s.prefix + Base + "live.js", build, problems})
}
