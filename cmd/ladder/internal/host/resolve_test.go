package host

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// secret is the content of a file beside the site, which no request may
// read.
const secret = "TOP SECRET"

// writeJail writes the site into a folder beside a secret file, with
// hidden secrets inside it, and symbolic links pointing out of the site,
// to the hidden secrets, and one pointing within.
func writeJail(t testing.TB) (dir string) {
	t.Helper()
	parent := writeSite(t, map[string]string{"secret.txt": secret, "secret.html": secret})
	dir = filepath.Join(parent, "site")
	if err := os.CopyFS(dir, os.DirFS(writeSite(t, site))); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{".env": secret, ".private/secret.html": secret})
	links := map[string]string{
		"leak.html":   filepath.Join(parent, "secret.txt"), // absolute, outside
		"leak.txt":    "../secret.txt",                     // relative, outside
		"leakdir":     "..",                                // a folder outside
		"inside.txt":  "robots.txt",                        // within: followed
		"dotfile.txt": ".env",                              // within, to a hidden file
		"dotdir":      ".private",                          // within, to a hidden folder
		"deep.html":   ".private/secret.html",              // within, into a hidden folder
	}
	for name, to := range links {
		if err := os.Symlink(to, filepath.Join(dir, name)); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	return dir
}

// rawGet sends target on the request line as it is, bypassing the
// client's cleaning of paths, and returns the status and body.
func rawGet(t *testing.T, srv *httptest.Server, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestEscapes(t *testing.T) {
	h := newHandler(t, Config{Dir: writeJail(t)})
	srv := httptest.NewServer(h)
	defer srv.Close()
	tests := []struct {
		name       string
		target     string
		wantStatus int
	}{
		{name: "dot dot", target: "/../secret.txt", wantStatus: 400},
		{name: "many dot dots", target: "/../../../../../../etc/passwd", wantStatus: 400},
		{name: "dot dot inside", target: "/roles/../../secret.txt", wantStatus: 400},
		{name: "a trailing dot dot", target: "/roles/..", wantStatus: 400},
		{name: "encoded dot dot", target: "/%2e%2e/secret.txt", wantStatus: 400},
		{name: "upper-case encoded dot dot", target: "/%2E%2E/secret.txt", wantStatus: 400},
		{name: "half-encoded dot dot", target: "/.%2e/secret.txt", wantStatus: 400},
		{name: "dot dot and an encoded slash", target: "/..%2fsecret.txt", wantStatus: 400},
		{name: "an encoded slash and dot dot", target: "/roles%2f..%2f..%2fsecret.txt", wantStatus: 400},
		{name: "backslashes", target: `/..\..\secret.txt`, wantStatus: 400},
		{name: "encoded backslashes", target: "/..%5c..%5csecret.txt", wantStatus: 400},
		{name: "a lone encoded backslash", target: "/%5csecret.txt", wantStatus: 400},
		{name: "double-encoded dot dot", target: "/%252e%252e/secret.txt", wantStatus: 404},
		{name: "absolute form", target: "http://x/../secret.txt", wantStatus: 400},
		{name: "a NUL byte", target: "/index.html%00", wantStatus: 400},
		{name: "a NUL byte before an extension", target: "/secret%00.html", wantStatus: 400},
		{name: "a control byte", target: "/index%0a.html", wantStatus: 400},
		{name: "an absolute link out", target: "/leak", wantStatus: 404},
		{name: "a relative link out", target: "/leak.txt", wantStatus: 404},
		{name: "a folder link out", target: "/leakdir/secret.txt", wantStatus: 404},
		{name: "a folder link out as a page", target: "/leakdir/secret", wantStatus: 404},
		{name: "a hidden file", target: "/.env", wantStatus: 404},
		{name: "a hidden file in a folder", target: "/web/.hidden.css", wantStatus: 404},
		{name: "an encoded hidden file", target: "/%2eenv", wantStatus: 404},
		{name: "a target of the longest length", target: "/" + strings.Repeat("a", maxTarget-1), wantStatus: 404},
		{name: "a target too long", target: "/" + strings.Repeat("a", maxTarget), wantStatus: 414},
		{name: "a query too long", target: "/?" + strings.Repeat("a", maxTarget), wantStatus: 414},
		{name: "an asterisk", target: "*", wantStatus: 400},
		{name: "a link within is followed", target: "/inside.txt", wantStatus: 200},
		{name: "a link to a hidden file", target: "/dotfile.txt", wantStatus: 404},
		{name: "a link to a hidden folder", target: "/dotdir/secret", wantStatus: 404},
		{name: "a link to a hidden folder, as a file", target: "/dotdir/secret.html", wantStatus: 404},
		{name: "a link into a hidden folder", target: "/deep", wantStatus: 404},
		{name: "a link into a hidden folder, as a file", target: "/deep.html", wantStatus: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := rawGet(t, srv, tt.target)
			if got, want := status, tt.wantStatus; got != want {
				t.Errorf("GET %s: status %d, want %d", tt.target, got, want)
			}
			if strings.Contains(body, secret) || strings.Contains(body, "SECRET") {
				t.Errorf("GET %s: body %q shows a secret", tt.target, body)
			}
		})
	}
}

// FuzzPath checks that no request target resolves to a file outside the
// site, redirects off the site, or makes the handler panic.
func FuzzPath(f *testing.F) {
	for _, seed := range []string{
		"/", "/roles/devops-engineer", "/roles/devops-engineer/", "/sub", "/sub/app.js", "/../secret.txt",
		"/%2e%2e/secret.txt", "/..%2f", "/%5c..", "/leakdir/secret", "/.env", "//x.example/", "/a%00", "*",
	} {
		f.Add(seed)
	}
	dir := writeJail(f)
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		f.Fatal(err)
	}
	var handlers []*handler
	for _, prefix := range []string{"", "/sub"} {
		h, err := New(Config{Dir: dir, Prefix: prefix, Log: discard})
		if err != nil {
			f.Fatal(err)
		}
		handlers = append(handlers, h.(*handler))
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil {
			return // net/http answers 400 before any handler runs
		}
		for _, h := range handlers {
			checkResolved(t, h, real, u.Path)
			r := &http.Request{Method: http.MethodGet, URL: u, RequestURI: target, Header: http.Header{}}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if strings.Contains(w.Body.String(), secret) {
				t.Errorf("GET %q: body shows the secret", target)
			}
		}
	})
}

// checkResolved checks that p resolves to a regular file inside the
// folder real, or to a redirect within the site.
func checkResolved(t *testing.T, h *handler, real, p string) {
	t.Helper()
	switch res := h.resolve(h.root.get(), p); res.status {
	case http.StatusOK:
		if !filepath.IsLocal(res.name) {
			t.Fatalf("resolve(%q) = %q, not local", p, res.name)
		}
		file, err := filepath.EvalSymlinks(filepath.Join(real, res.name))
		if err != nil {
			t.Fatalf("resolve(%q) = %q: %v", p, res.name, err)
		}
		if rel, err := filepath.Rel(real, file); err != nil || !filepath.IsLocal(rel) {
			t.Fatalf("resolve(%q) = %q, which is %s, outside %s", p, res.name, file, real)
		}
	case http.StatusMovedPermanently:
		loc := (&url.URL{Path: res.location}).String()
		if !strings.HasPrefix(loc, h.prefix+"/") || strings.HasPrefix(loc, "//") || strings.Contains(loc, `\`) {
			t.Fatalf("resolve(%q) moves to %q, off the site", p, loc)
		}
	}
}
