package host

import (
	"net/http"
	"testing"
)

func TestEncoding(t *testing.T) {
	h := newHandler(t, Config{Dir: writeSite(t, site)})
	const js = "text/javascript; charset=utf-8"
	tests := []struct {
		name         string
		target       string
		accept       string
		wantEncoding string
		wantBody     string
		wantType     string
		wantVary     bool
	}{
		{name: "br is preferred", target: "/app.js", accept: "gzip, deflate, br, zstd",
			wantEncoding: "br", wantBody: site["app.js.br"], wantType: js, wantVary: true},
		{name: "br is preferred whatever the weights", target: "/app.js", accept: "gzip;q=1, br;q=0.1",
			wantEncoding: "br", wantBody: site["app.js.br"], wantType: js, wantVary: true},
		{name: "gzip without br", target: "/app.js", accept: "gzip",
			wantEncoding: "gzip", wantBody: site["app.js.gz"], wantType: js, wantVary: true},
		{name: "br;q=0 refuses br", target: "/app.js", accept: "br;q=0, gzip",
			wantEncoding: "gzip", wantBody: site["app.js.gz"], wantType: js, wantVary: true},
		{name: "q=0.000 refuses too", target: "/app.js", accept: "BR ; Q=0.000, gzip;q=0.5",
			wantEncoding: "gzip", wantBody: site["app.js.gz"], wantType: js, wantVary: true},
		{name: "a bad weight refuses", target: "/app.js", accept: "br;q=high, gzip",
			wantEncoding: "gzip", wantBody: site["app.js.gz"], wantType: js, wantVary: true},
		{name: "x-gzip is gzip", target: "/app.js", accept: "x-gzip",
			wantEncoding: "gzip", wantBody: site["app.js.gz"], wantType: js, wantVary: true},
		{name: "* accepts br", target: "/app.js", accept: "*",
			wantEncoding: "br", wantBody: site["app.js.br"], wantType: js, wantVary: true},
		{name: "* does not undo br;q=0", target: "/app.js", accept: "br;q=0, *",
			wantEncoding: "gzip", wantBody: site["app.js.gz"], wantType: js, wantVary: true},
		{name: "*;q=0 refuses all", target: "/app.js", accept: "*;q=0",
			wantBody: site["app.js"], wantType: js, wantVary: true},
		{name: "identity without Accept-Encoding still varies", target: "/app.js",
			wantBody: site["app.js"], wantType: js, wantVary: true},
		{name: "identity when all are refused", target: "/app.js", accept: "br;q=0, gzip;q=0",
			wantBody: site["app.js"], wantType: js, wantVary: true},
		{name: "a missing br falls back to gzip", target: "/only-gz.js", accept: "br, gzip",
			wantEncoding: "gzip", wantBody: site["only-gz.js.gz"], wantType: js, wantVary: true},
		{name: "a missing br falls back to identity", target: "/only-gz.js", accept: "br",
			wantBody: site["only-gz.js"], wantType: js, wantVary: true},
		{name: "a file without siblings does not vary", target: "/app.css", accept: "br, gzip",
			wantBody: site["app.css"], wantType: "text/css; charset=utf-8"},
		{name: "the type is the original's", target: "/web/app.wasm", accept: "br",
			wantEncoding: "br", wantBody: site["web/app.wasm.br"], wantType: "application/wasm", wantVary: true},
		{name: "a sibling by name is a plain file", target: "/app.js.br", accept: "br, gzip",
			wantBody: site["app.js.br"], wantType: "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var header []string
			if tt.accept != "" {
				header = []string{"Accept-Encoding", tt.accept}
			}
			resp, body := request(t, h, http.MethodGet, tt.target, header...)
			if got, want := resp.StatusCode, http.StatusOK; got != want {
				t.Fatalf("status %d, want %d", got, want)
			}
			if got, want := resp.Header.Get("Content-Encoding"), tt.wantEncoding; got != want {
				t.Errorf("Content-Encoding %q, want %q", got, want)
			}
			if got, want := body, tt.wantBody; got != want {
				t.Errorf("body %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Content-Type"), tt.wantType; got != want {
				t.Errorf("Content-Type %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Vary") == "Accept-Encoding", tt.wantVary; got != want {
				t.Errorf("Vary %q, want Accept-Encoding: %v", resp.Header.Get("Vary"), want)
			}
		})
	}
}
