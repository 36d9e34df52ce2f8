package host

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/web"
)

// wantCSP is the policy as specified, spelled out so that a change to
// ContentSecurityPolicy is a deliberate one.
const wantCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'none'"

func TestFixedHeaders(t *testing.T) {
	if got, want := ContentSecurityPolicy, wantCSP; got != want {
		t.Errorf("ContentSecurityPolicy = %q, want %q", got, want)
	}
	want := map[string]string{
		"Cache-Control":              "no-cache",
		"Content-Security-Policy":    wantCSP,
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "no-referrer",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
	}
	h := newHandler(t, Config{Dir: writeSite(t, site), Prefix: "/sub"})
	_, etag := etagOf(t, h, "/sub/app.css")
	tests := []struct {
		name       string
		method     string
		target     string
		header     []string
		wantStatus int
	}{
		{name: "a page", method: "GET", target: "/sub/", wantStatus: 200},
		{name: "a HEAD", method: "HEAD", target: "/sub/", wantStatus: 200},
		{name: "a compressed file", method: "GET", target: "/sub/app.js", header: []string{"Accept-Encoding", "br"}, wantStatus: 200},
		{name: "a range", method: "GET", target: "/sub/app.css", header: []string{"Range", "bytes=0-1"}, wantStatus: 206},
		{name: "an unsatisfiable range", method: "GET", target: "/sub/app.css", header: []string{"Range", "bytes=100-"}, wantStatus: 416},
		{name: "a not modified", method: "GET", target: "/sub/app.css", header: []string{"If-None-Match", etag}, wantStatus: 304},
		{name: "a failed precondition", method: "GET", target: "/sub/app.css", header: []string{"If-Match", `"other"`}, wantStatus: 412},
		{name: "a move", method: "GET", target: "/sub", wantStatus: 301},
		{name: "a not found", method: "GET", target: "/sub/nope", wantStatus: 404},
		{name: "a bad request", method: "GET", target: "/sub/%00", wantStatus: 400},
		{name: "a refused method", method: "POST", target: "/sub/", wantStatus: 405},
		{name: "a long target", method: "GET", target: "/sub/" + strings.Repeat("a", maxTarget), wantStatus: 414},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := request(t, h, tt.method, tt.target, tt.header...)
			if got, want := resp.StatusCode, tt.wantStatus; got != want {
				t.Errorf("status %d, want %d", got, want)
			}
			for k, want := range want {
				if got := resp.Header.Values(k); len(got) != 1 || got[0] != want {
					t.Errorf("%s: %q, want %q", k, got, want)
				}
			}
		})
	}
}

func TestContentType(t *testing.T) {
	h := newHandler(t, Config{Dir: writeSite(t, site)})
	tests := []struct {
		name   string
		target string
		want   string
	}{
		{name: "html", target: "/", want: "text/html; charset=utf-8"},
		{name: "js", target: "/app.js", want: "text/javascript; charset=utf-8"},
		{name: "css", target: "/web/style.css", want: "text/css; charset=utf-8"},
		{name: "json", target: "/data.json", want: "application/json"},
		{name: "webmanifest", target: "/manifest.webmanifest", want: "application/manifest+json"},
		{name: "wasm", target: "/web/app.wasm", want: "application/wasm"},
		{name: "svg", target: "/web/icon.svg", want: "image/svg+xml"},
		{name: "png", target: "/web/icon-192.png", want: "image/png"},
		{name: "upper-case extension", target: "/web/ICON.PNG", want: "image/png"},
		{name: "txt", target: "/robots.txt", want: "text/plain; charset=utf-8"},
		{name: "xml", target: "/sitemap.xml", want: "application/xml"},
		{name: "ico", target: "/favicon.ico", want: "image/x-icon"},
		{name: "unknown extension", target: "/download.bin", want: "application/octet-stream"},
		{name: "no extension", target: "/LICENSE", want: "application/octet-stream"},
		{name: "a sibling by name", target: "/app.js.gz", want: "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := request(t, h, http.MethodGet, tt.target)
			if got, want := resp.StatusCode, http.StatusOK; got != want {
				t.Fatalf("status %d, want %d", got, want)
			}
			if got, want := resp.Header.Get("Content-Type"), tt.want; got != want {
				t.Errorf("Content-Type %q, want %q", got, want)
			}
		})
	}
}

// TestImmutableFiles: a file whose name carries its hash is kept for good,
// precompressed or not, and so is its 304; any other keeps no-cache.
func TestImmutableFiles(t *testing.T) {
	const role = "/data/roles/devops.0123456789.json"
	files := map[string]string{
		"index.html":                          "<h1>Home</h1>",
		"data/index.json":                     `{"roles":[]}`,
		strings.TrimPrefix(role, "/"):         `{"id":"devops"}`,
		strings.TrimPrefix(role, "/") + ".br": "compressed",
	}
	h := newHandler(t, Config{Dir: writeSite(t, files)})
	_, etag := etagOf(t, h, role)
	tests := []struct {
		name, target string
		header       []string
		wantStatus   int
		want         string
	}{
		{"a hashed file", role, nil, 200, web.ImmutableCacheControl},
		{"its brotli", role, []string{"Accept-Encoding", "br"}, 200, web.ImmutableCacheControl},
		{"its 304", role, []string{"If-None-Match", etag}, 304, web.ImmutableCacheControl},
		{"the index", "/data/index.json", nil, 200, "no-cache"},
		{"a page", "/", nil, 200, "no-cache"},
		{"a missing hashed file", "/data/roles/gone.0123456789.json", nil, 404, "no-cache"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := request(t, h, "GET", tt.target, tt.header...)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if got := resp.Header.Values("Cache-Control"); len(got) != 1 || got[0] != tt.want {
				t.Errorf("Cache-Control %q, want %q", got, tt.want)
			}
		})
	}
}
