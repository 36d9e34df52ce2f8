package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/web"
)

// htmlPage wraps body in a page that axe-core finds nothing wrong with.
func htmlPage(title, head, body string) string {
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>` + title + `</title>` + head + `</head>
<body><main><h1>` + title + `</h1>` + body + `</main></body>
</html>
`
}

// writeFiles writes name → content into dir, making folders as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pngDot returns a 1×1 PNG.
func pngDot(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// strictCSP is the policy the test server sends with /csp.html.
const strictCSP = "default-src 'self'; script-src 'self'"

// testSite serves a tiny site from a temp folder; /csp.html comes with a
// policy that forbids its inline script.
func testSite(t *testing.T) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"index.html":   htmlPage("Home", `<link rel="stylesheet" href="/style.css">`, `<p>Hello.</p>`),
		"style.css":    "body { color: #111; background: #fff; }\n",
		"csp.html":     htmlPage("Policy", "", `<p>Inline.</p><script>window.inlineRan = true;</script><script src="/ok.js"></script>`),
		"ok.js":        "window.fileRan = true;\n",
		"bad.html":     htmlPage("Bad", "", `<p><img src="/dot.png"></p>`),
		"tiny.html":    htmlPage("Tiny", "", `<ol style="display: flex; list-style: none; padding: 0; font-size: 10px"><li><a href="/1">I</a><li><a href="/2">I</a><li><a href="/3">I</a></ol>`),
		"dot.png":      pngDot(t),
		"console.html": htmlPage("Console", `<script src="/log.js"></script>`, `<p>Logs.</p>`),
		"log.js":       "console.log('hello', 42);\nsetTimeout(() => { throw new Error('boom'); });\n",
		"sw.html":      htmlPage("Offline", `<script src="/register.js"></script>`, `<p>Cached.</p>`),
		"register.js":  "navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then(() => { window.swReady = true; });\n",
		"sw.js":        swScript,
	})
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/csp.html" {
			w.Header().Set("Content-Security-Policy", strictCSP)
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// swScript caches sw.html and register.js, then answers from the cache
// first and from the network otherwise.
const swScript = `self.addEventListener("install", (e) => e.waitUntil(
	caches.open("t").then((c) => c.addAll(["/sw.html", "/register.js"])).then(() => self.skipWaiting())));
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (e) => e.respondWith(caches.match(e.request).then((r) => r || fetch(e.request))));
`

// navigate loads url in the tab and waits for its load event.
func navigate(t *testing.T, tab context.Context, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate to %s: %v", url, err)
	}
}

func TestBrowser(t *testing.T) {
	srv := testSite(t)
	browser := Browser(t)

	t.Run("records the page's stylesheet request", func(t *testing.T) { testRecordsRequests(t, browser, srv) })
	t.Run("records console calls and exceptions", func(t *testing.T) { testRecordsConsole(t, browser, srv) })
	t.Run("reports an inline script that the policy blocks", func(t *testing.T) { testReportsBlockedScript(t, browser, srv) })
	t.Run("watches the page already loaded too", func(t *testing.T) { testWatchesLoadedPage(t, browser, srv) })
	t.Run("reports no violation on a page without a policy", func(t *testing.T) { testNoPolicyNoViolation(t, browser, srv) })
	t.Run("axe finds a missing alt and nothing on a good page", func(t *testing.T) { testAxe(t, browser, srv) })
	t.Run("axe finds tap targets too small and too close", func(t *testing.T) { testAxeTargetSize(t, browser, srv) })
	t.Run("offline makes a fetch fail, online again makes it work", func(t *testing.T) { testOffline(t, browser, srv) })
	t.Run("a service worker from one tab serves the next offline", func(t *testing.T) { testWorkerServesOffline(t, browser, srv) })
	t.Run("wait for gives up", func(t *testing.T) { testWaitForGivesUp(t, browser) })
	t.Run("ladder.conf's policy blocks inline scripts under nginx", func(t *testing.T) { testNginxPolicy(t, browser) })
}

// testRecordsRequests checks what its subtest says: records the page's stylesheet request.
func testRecordsRequests(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	navigate(t, tab, srv.URL+"/")
	got, want := Requests(tab), srv.URL+"/style.css"
	if !slices.Contains(got, want) {
		t.Errorf("requests %q, want one for %s", got, want)
	}
}

// testRecordsConsole checks what its subtest says: records console calls and exceptions.
func testRecordsConsole(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	navigate(t, tab, srv.URL+"/console.html")
	if err := WaitFor(tab, "document.readyState === 'complete'", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(Errors(tab)) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	var log, boom bool
	for _, m := range Console(tab) {
		log = log || m.Source == "console" && m.Level == "log" && m.Text == "hello 42"
		boom = boom || m.Source == "exception" && strings.Contains(m.Text, "boom")
	}
	if !log || !boom {
		t.Errorf("console %q, want the log call and the exception", Console(tab))
	}
}

// testReportsBlockedScript checks what its subtest says: reports an inline script that the policy blocks.
func testReportsBlockedScript(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	if err := WatchCSP(tab); err != nil {
		t.Fatal(err)
	}
	navigate(t, tab, srv.URL+"/csp.html")
	if err := WaitFor(tab, "window.fileRan", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	got, err := CSPViolations(tab)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got, "script-src-elem inline") {
		t.Errorf("violations %q, want script-src-elem inline", got)
	}
	if !slices.ContainsFunc(got, func(v string) bool { return strings.Contains(v, "Content Security Policy") }) {
		t.Errorf("violations %q, want the console's message too", got)
	}
	ran, err := chromedp.Run(tab, chromedp.Evaluate[bool]("window.inlineRan === true"))
	if err != nil || ran {
		t.Errorf("inline script ran = %t (%v), want blocked", ran, err)
	}
}

// testWatchesLoadedPage checks what its subtest says: watches the page already loaded too.
func testWatchesLoadedPage(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	navigate(t, tab, srv.URL+"/csp.html")
	if err := WatchCSP(tab); err != nil {
		t.Fatal(err)
	}
	inject := `document.body.append(Object.assign(document.createElement("script"), {textContent: "window.injected = true"}))`
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](inject)); err != nil {
		t.Fatal(err)
	}
	if err := WaitFor(tab, "window.__browsertestCSP.length > 0", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	got, err := CSPViolations(tab)
	if err != nil || !slices.Contains(got, "script-src-elem inline") {
		t.Errorf("violations %q (%v), want script-src-elem inline", got, err)
	}
}

// testNoPolicyNoViolation checks what its subtest says: reports no violation on a page without a policy.
func testNoPolicyNoViolation(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	if err := WatchCSP(tab); err != nil {
		t.Fatal(err)
	}
	navigate(t, tab, srv.URL+"/")
	got, err := CSPViolations(tab)
	if err != nil || len(got) > 0 {
		t.Errorf("violations %q (%v), want none", got, err)
	}
}

// testAxe checks what its subtest says: axe finds a missing alt and nothing on a good page.
func testAxe(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	navigate(t, tab, srv.URL+"/bad.html")
	got, err := Axe(tab)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(got, func(v Violation) bool { return v.ID == "image-alt" })
	if i < 0 {
		t.Fatalf("axe found %v, want image-alt", got)
	}
	if v := got[i]; v.Impact == "" || v.Help == "" || !slices.Equal(v.Nodes, []string{"img"}) {
		t.Errorf("image-alt = %+v, want an impact, a help and the node img", v)
	}
	navigate(t, tab, srv.URL+"/")
	if got, err := Axe(tab); err != nil || len(got) > 0 {
		t.Errorf("axe on the good page: %v (%v), want nothing", got, err)
	}
}

// testAxeTargetSize checks what its subtest says: axe finds tap targets
// too small and too close (WCAG 2.5.8), a rule axe-core leaves off unless
// asked.
func testAxeTargetSize(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	navigate(t, tab, srv.URL+"/tiny.html")
	got, err := Axe(tab)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(got, func(v Violation) bool { return v.ID == "target-size" && len(v.Nodes) == 3 }) {
		t.Errorf("axe found %v, want target-size on the three links", got)
	}
}

// testOffline checks what its subtest says: offline makes a fetch fail, online again makes it work.
func testOffline(t *testing.T, browser context.Context, srv *httptest.Server) {
	tab := NewTab(t, browser)
	navigate(t, tab, srv.URL+"/")
	fetch := `fetch("/style.css", {cache: "no-store"}).then((r) => r.ok, () => false)`
	if err := Offline(tab, true); err != nil {
		t.Fatal(err)
	}
	ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](fetch, chromedp.EvalAwaitPromise))
	if err != nil || ok {
		t.Errorf("offline fetch ok = %t (%v), want a failure", ok, err)
	}
	if err := WaitFor(tab, "navigator.onLine === false", 2*time.Second); err != nil {
		t.Error(err)
	}
	if err := Offline(tab, false); err != nil {
		t.Fatal(err)
	}
	ok, err = chromedp.Run(tab, chromedp.Evaluate[bool](fetch, chromedp.EvalAwaitPromise))
	if err != nil || !ok {
		t.Errorf("online fetch ok = %t (%v), want it to work", ok, err)
	}
}

// testWorkerServesOffline checks what its subtest says: a service worker from one tab serves the next offline.
func testWorkerServesOffline(t *testing.T, browser context.Context, srv *httptest.Server) {
	first := NewTab(t, browser)
	navigate(t, first, srv.URL+"/sw.html")
	if err := WaitFor(first, "window.swReady", 10*time.Second); err != nil {
		t.Fatal(err)
	}
	tab := NewTab(t, browser)
	if err := Offline(tab, true); err != nil {
		t.Fatal(err)
	}
	navigate(t, tab, srv.URL+"/sw.html")
	if err := WaitFor(tab, "navigator.serviceWorker.controller && document.querySelector('main p').textContent === 'Cached.'", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	// The worker's own fetch of what it has not cached is offline too.
	fetch := `fetch("/style.css", {cache: "no-store"}).then((r) => r.ok, () => false)`
	ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](fetch, chromedp.EvalAwaitPromise))
	if err != nil || ok {
		t.Errorf("offline fetch through the worker ok = %t (%v), want a failure", ok, err)
	}
	if err := Offline(tab, false); err != nil {
		t.Fatal(err)
	}
	ok, err = chromedp.Run(tab, chromedp.Evaluate[bool](fetch, chromedp.EvalAwaitPromise))
	if err != nil || !ok {
		t.Errorf("online fetch through the worker ok = %t (%v), want it to work", ok, err)
	}
}

// testWaitForGivesUp checks what its subtest says: wait for gives up.
func testWaitForGivesUp(t *testing.T, browser context.Context) {
	tab := NewTab(t, browser)
	start := time.Now()
	if err := WaitFor(tab, "false", 200*time.Millisecond); err == nil {
		t.Error("WaitFor(false) = nil, want a timeout")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("WaitFor(false) took %v, want about 200ms", d)
	}
}

// testNginxPolicy checks what its subtest says: ladder.conf's policy blocks inline scripts under nginx.
func testNginxPolicy(t *testing.T, browser context.Context) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"index.html": htmlPage("Home", `<link rel="stylesheet" href="/style.css"><script src="/ok.js"></script>`, `<p>Hi.</p><script>window.inlineRan = true;</script>`),
		"style.css":  "p { color: #111; }\n",
		"ok.js":      "window.fileRan = true;\n",
	})
	s := Nginx(t, dir)
	tab := NewTab(t, browser)
	if err := WatchCSP(tab); err != nil {
		t.Fatal(err)
	}
	navigate(t, tab, s.URL+"/")
	if err := WaitFor(tab, "window.fileRan", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	got, err := CSPViolations(tab)
	if err != nil || !slices.Contains(got, "script-src-elem inline") {
		t.Errorf("violations %q (%v), want script-src-elem inline", got, err)
	}
	if !slices.Contains(Requests(tab), s.URL+"/style.css") {
		t.Errorf("requests %q, want the stylesheet", Requests(tab))
	}
}

// wantCSP is the policy web/nginx/ladder.conf must send: the one ladder
// serve sends.
const wantCSP = web.ContentSecurityPolicy

// get fetches s.URL+path with the given Accept-Encoding, undecoded.
func get(t *testing.T, s *Server, path, encoding string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if encoding != "" {
		req.Header.Set("Accept-Encoding", encoding)
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// compressed returns text compressed with gzip or brotli.
func compressed(t *testing.T, encoding, text string) string {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser = gzip.NewWriter(&b)
	if encoding == "br" {
		w = brotli.NewWriter(&b)
	}
	if _, err := io.WriteString(w, text); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestNginx(t *testing.T) {
	dir := t.TempDir()
	css := "body { color: #111; }\n"
	wasm := "\x00asm\x01\x00\x00\x00"
	writeFiles(t, dir, map[string]string{
		"index.html":                "home page\n",
		"a.html":                    "page a\n",
		"404.html":                  "not here\n",
		"style.css":                 css,
		"style.css.gz":              compressed(t, "gzip", css),
		"app.wasm":                  wasm,
		"app.wasm.br":               compressed(t, "br", wasm),
		"app.webmanifest":           "{}\n",
		"empty/.keep":               "",
		"roles/writer.html":         "writer\n",
		"roles/writer/x.html":       "x\n",
		"sub/index.html":            "sub home\n",
		"sub/a.html":                "sub a\n",
		"data/r.0123456789.json":    "{}\n",
		"data/r.0123456789.json.gz": compressed(t, "gzip", "{}\n"),
		"data/index.json":           "[]\n",
	})
	if err := os.Symlink(filepath.Join(dir, "a.html"), filepath.Join(dir, "link.html")); err != nil {
		t.Fatal(err)
	}
	s := Nginx(t, dir)

	for _, tc := range []struct {
		name, path, encoding string
		status               int
		body, typ, coding    string
	}{
		{"slash is index.html", "/", "", 200, "home page\n", "text/html", ""},
		{"a pretty URL is its .html", "/a", "", 200, "page a\n", "text/html", ""},
		{"the .html itself", "/a.html", "", 200, "page a\n", "text/html", ""},
		{"a pretty URL beside a folder", "/roles/writer", "", 200, "writer\n", "text/html", ""},
		{"a folder is its index.html", "/sub/", "", 200, "sub home\n", "text/html", ""},
		{"a folder without the slash too", "/sub", "", 200, "sub home\n", "text/html", ""},
		{"a pretty URL in a folder, as under --prefix /sub", "/sub/a", "", 200, "sub a\n", "text/html", ""},
		{"unknown path is 404.html", "/missing", "", 404, "not here\n", "text/html", ""},
		{"unknown nested path is 404.html", "/roles/nobody", "", 404, "not here\n", "text/html", ""},
		{"plain without gzip", "/style.css", "", 200, css, "text/css", ""},
		{"gzip sibling when accepted", "/style.css", "gzip", 200, compressed(t, "gzip", css), "text/css", "gzip"},
		{"wasm type", "/app.wasm", "", 200, wasm, "application/wasm", ""},
		{"webmanifest type", "/app.webmanifest", "", 200, "{}\n", "application/manifest+json", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, s, tc.path, tc.encoding)
			if resp.StatusCode != tc.status || body != tc.body {
				t.Errorf("GET %s = %d %q, want %d %q", tc.path, resp.StatusCode, body, tc.status, tc.body)
			}
			if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, tc.typ) {
				t.Errorf("Content-Type %q, want %s", got, tc.typ)
			}
			if got := resp.Header.Get("Content-Encoding"); got != tc.coding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.coding)
			}
			checkHeaders(t, resp.Header)
		})
	}

	t.Run("a file named with its hash is kept for good", func(t *testing.T) {
		for _, tc := range []struct {
			path, encoding string
			status         int
			want           string
		}{
			{"/data/r.0123456789.json", "", 200, web.ImmutableCacheControl},
			{"/data/r.0123456789.json", "gzip", 200, web.ImmutableCacheControl},
			{"/data/index.json", "", 200, "no-cache"},
			{"/data/gone.0123456789.json", "", 404, "no-cache"},
		} {
			resp, _ := get(t, s, tc.path, tc.encoding)
			if resp.StatusCode != tc.status {
				t.Errorf("GET %s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
			}
			if got := resp.Header.Values("Cache-Control"); len(got) != 1 || got[0] != tc.want {
				t.Errorf("GET %s (%s): Cache-Control %q, want %q", tc.path, tc.encoding, got, tc.want)
			}
		}
	})

	t.Run("brotli sibling when accepted", func(t *testing.T) {
		if !s.Brotli {
			t.Skip("nginx has no brotli_static module here")
		}
		resp, body := get(t, s, "/app.wasm", "gzip, br")
		if got := resp.Header.Get("Content-Encoding"); got != "br" {
			t.Fatalf("Content-Encoding %q, want br", got)
		}
		plain, err := io.ReadAll(brotli.NewReader(strings.NewReader(body)))
		if err != nil || string(plain) != wasm {
			t.Errorf("decoded body %q (%v), want the wasm file", plain, err)
		}
		if got := resp.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("Content-Type %q, want application/wasm", got)
		}
	})

	t.Run("no listing and no symlinks", func(t *testing.T) {
		for path, want := range map[string]int{"/empty/": 403, "/link.html": 404, "/link": 404} {
			resp, body := get(t, s, path, "")
			if resp.StatusCode != want || strings.Contains(body, ".keep") || strings.Contains(body, "page a") {
				t.Errorf("GET %s = %d %q, want %d and no content", path, resp.StatusCode, body, want)
			}
			checkHeaders(t, resp.Header)
		}
	})

	t.Run("stop ends it early", func(t *testing.T) {
		s.Stop()
		client := &http.Client{Timeout: time.Second}
		if resp, err := client.Get(s.URL + "/"); err == nil {
			resp.Body.Close()
			t.Errorf("GET / after Stop answered %s, want no server", resp.Status)
		}
		s.Stop() // a second Stop, like the cleanup's, does nothing
	})
}

// A port taken by a listener that never answers is taken.
func TestNginxTakenPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	checkTakenPort(t, l.Addr().(*net.TCPAddr).Port)
}

// A server that took the port and answers is not mistaken for nginx.
func TestNginxPortAnsweredByAnother(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("another server"))
	}))
	defer other.Close()
	checkTakenPort(t, other.Listener.Addr().(*net.TCPAddr).Port)
}

// checkTakenPort starts nginx on a port something else holds: it must say
// the port is taken, so that Nginx tries another.
func checkTakenPort(t *testing.T, port int) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the nginx test in -short mode")
	}
	dir := t.TempDir()
	build := nginxBuild()
	snippet, err := siteSnippet(dir, dir, "", build.brotliModule() != "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := startNginx(dir, dir, snippet, build.brotliModule(), build, port)
	if err == nil {
		s.Stop()
	}
	if !errors.Is(err, errAddrInUse) {
		t.Errorf("start nginx on a taken port: %v, want %v", err, errAddrInUse)
	}
}

// checkHeaders checks the headers ladder.conf sends with every answer.
func checkHeaders(t *testing.T, h http.Header) {
	t.Helper()
	for name, want := range map[string]string{
		"Content-Security-Policy":    wantCSP,
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "no-referrer",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
		"Cache-Control":              "no-cache",
	} {
		if got := h.Values(name); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %q, want %q once", name, got, want)
		}
	}
}
