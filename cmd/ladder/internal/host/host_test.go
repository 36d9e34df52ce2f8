package host

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site is the layout the build writes, small enough to read at a glance.
// Siblings hold marker text rather than real compressed data: the server
// never looks inside them.
var site = map[string]string{
	"index.html":                        "<h1>Home</h1>",
	"404.html":                          "<h1>Not found</h1>",
	"roles/devops-engineer.html":        "<h1>DevOps engineer</h1>",
	"roles/devops-engineer/levels.html": "<h1>Levels</h1>",
	"both.html":                         "<h1>Both, the page</h1>",
	"both":                              "both, the file",
	"app.js":                            "console.log('app')",
	"app.js.br":                         "BR(app.js)",
	"app.js.gz":                         "GZ(app.js)",
	"app.css":                           "body{}",
	"only-gz.js":                        "gz only",
	"only-gz.js.gz":                     "GZ(only-gz.js)",
	"manifest.webmanifest":              "{}",
	"data.json":                         "[]",
	"robots.txt":                        "User-agent: *",
	"sitemap.xml":                       "<urlset/>",
	"favicon.ico":                       "ICO",
	"download.bin":                      "BIN",
	"LICENSE":                           "MIT",
	"web/app.wasm":                      "\x00asm",
	"web/app.wasm.br":                   "BR(app.wasm)",
	"web/app.wasm.gz":                   "GZ(app.wasm)",
	"web/style.css":                     "h1{}",
	"web/icon.svg":                      "<svg/>",
	"web/icon-192.png":                  "PNG",
	"web/ICON.PNG":                      "PNG",
	".env":                              "SECRET=1",
	"web/.hidden.css":                   "SECRET{}",
}

// writeSite writes files into a new folder and returns it.
func writeSite(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	return dir
}

// writeFiles writes files into dir, creating the folders they need.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// discard is a logger for tests that do not read the log.
var discard = slog.New(slog.DiscardHandler)

// newHandler is New(cfg) with logs discarded unless cfg says otherwise.
func newHandler(t *testing.T, cfg Config) *handler {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = discard
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return h.(*handler)
}

// request serves one request to h; header holds name, value pairs.
func request(t *testing.T, h http.Handler, method, target string, header ...string) (*http.Response, string) {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	resp := w.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestNew(t *testing.T) {
	dir := writeSite(t, site)
	tests := []struct {
		name    string
		cfg     Config
		wantErr bool
	}{
		{name: "a folder serves", cfg: Config{Dir: dir}},
		{name: "a prefix serves", cfg: Config{Dir: dir, Prefix: "/sub"}},
		{name: "a deep prefix serves", cfg: Config{Dir: dir, Prefix: "/a/b-c_d.e~f"}},
		{name: "a missing folder fails", cfg: Config{Dir: filepath.Join(dir, "missing")}, wantErr: true},
		{name: "an empty Dir fails", cfg: Config{}, wantErr: true},
		{name: "a file fails", cfg: Config{Dir: filepath.Join(dir, "index.html")}, wantErr: true},
		{name: "a prefix without / fails", cfg: Config{Dir: dir, Prefix: "sub"}, wantErr: true},
		{name: "a lone / prefix fails", cfg: Config{Dir: dir, Prefix: "/"}, wantErr: true},
		{name: "a trailing / fails", cfg: Config{Dir: dir, Prefix: "/sub/"}, wantErr: true},
		{name: "a // fails", cfg: Config{Dir: dir, Prefix: "/a//b"}, wantErr: true},
		{name: "a .. fails", cfg: Config{Dir: dir, Prefix: "/a/.."}, wantErr: true},
		{name: "a . fails", cfg: Config{Dir: dir, Prefix: "/./a"}, wantErr: true},
		{name: "a backslash fails", cfg: Config{Dir: dir, Prefix: `/a\b`}, wantErr: true},
		{name: "a query fails", cfg: Config{Dir: dir, Prefix: "/a?b"}, wantErr: true},
		{name: "a space fails", cfg: Config{Dir: dir, Prefix: "/a b"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if got, want := err != nil, tt.wantErr; got != want {
				t.Errorf("New(%+v) error = %v, want error: %v", tt.cfg, err, want)
			}
		})
	}
}

// pathTest is a request and what it must get.
type pathTest struct {
	name         string
	target       string
	wantStatus   int
	wantBody     string // compared when not empty
	wantLocation string // compared when not empty
}

// checkPaths runs tests against h.
func checkPaths(t *testing.T, h http.Handler, tests []pathTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := request(t, h, http.MethodGet, tt.target)
			if got, want := resp.StatusCode, tt.wantStatus; got != want {
				t.Errorf("GET %s: status %d, want %d", tt.target, got, want)
			}
			if got, want := body, tt.wantBody; want != "" && got != want {
				t.Errorf("GET %s: body %q, want %q", tt.target, got, want)
			}
			if got, want := resp.Header.Get("Location"), tt.wantLocation; got != want {
				t.Errorf("GET %s: Location %q, want %q", tt.target, got, want)
			}
		})
	}
}

func TestPaths(t *testing.T) {
	h := newHandler(t, Config{Dir: writeSite(t, site)})
	checkPaths(t, h, []pathTest{
		{name: "root is index.html", target: "/", wantStatus: 200, wantBody: site["index.html"]},
		{name: "index.html by name", target: "/index.html", wantStatus: 200, wantBody: site["index.html"]},
		{name: "a page is its .html file", target: "/roles/devops-engineer", wantStatus: 200, wantBody: site["roles/devops-engineer.html"]},
		{name: "a page's .html file by name", target: "/roles/devops-engineer.html", wantStatus: 200, wantBody: site["roles/devops-engineer.html"]},
		{name: "a page inside a folder beside a page", target: "/roles/devops-engineer/levels", wantStatus: 200, wantBody: site["roles/devops-engineer/levels.html"]},
		{name: "the page wins over a file of the same name", target: "/both", wantStatus: 200, wantBody: site["both.html"]},
		{name: "a file at its own path", target: "/web/style.css", wantStatus: 200, wantBody: site["web/style.css"]},
		{name: "a file without extension", target: "/LICENSE", wantStatus: 200, wantBody: site["LICENSE"]},
		{name: "a query is ignored", target: "/app.css?v=2", wantStatus: 200, wantBody: site["app.css"]},
		{name: "a page with / moves", target: "/roles/devops-engineer/", wantStatus: 301, wantLocation: "/roles/devops-engineer"},
		{name: "a move keeps the query", target: "/roles/devops-engineer/levels/?a=1&b=2", wantStatus: 301, wantLocation: "/roles/devops-engineer/levels?a=1&b=2"},
		{name: "a folder is not listed", target: "/roles", wantStatus: 404, wantBody: site["404.html"]},
		{name: "a folder with / is not listed", target: "/roles/", wantStatus: 404, wantBody: site["404.html"]},
		{name: "a folder of files is not listed", target: "/web/", wantStatus: 404},
		{name: "a file is not a folder", target: "/app.css/", wantStatus: 404},
		{name: "a missing page", target: "/roles/astronaut", wantStatus: 404, wantBody: site["404.html"]},
		{name: "an empty segment is refused", target: "/roles//devops-engineer", wantStatus: 400},
		{name: "a dot segment is refused", target: "/./index.html", wantStatus: 400},
	})
}

func TestPrefix(t *testing.T) {
	h := newHandler(t, Config{Dir: writeSite(t, site), Prefix: "/sub"})
	checkPaths(t, h, []pathTest{
		{name: "prefix/ is index.html", target: "/sub/", wantStatus: 200, wantBody: site["index.html"]},
		{name: "the bare prefix moves to prefix/", target: "/sub", wantStatus: 301, wantLocation: "/sub/"},
		{name: "the move keeps the query", target: "/sub?x=1", wantStatus: 301, wantLocation: "/sub/?x=1"},
		{name: "a page under the prefix", target: "/sub/roles/devops-engineer", wantStatus: 200, wantBody: site["roles/devops-engineer.html"]},
		{name: "a file under the prefix", target: "/sub/app.css", wantStatus: 200, wantBody: site["app.css"]},
		{name: "a page with / moves within the prefix", target: "/sub/roles/devops-engineer/", wantStatus: 301, wantLocation: "/sub/roles/devops-engineer"},
		{name: "a missing page under the prefix", target: "/sub/nope", wantStatus: 404, wantBody: site["404.html"]},
		{name: "the root is outside", target: "/", wantStatus: 404, wantBody: site["404.html"]},
		{name: "a page outside the prefix", target: "/roles/devops-engineer", wantStatus: 404},
		{name: "a longer first segment is outside", target: "/subway", wantStatus: 404},
		{name: "prefix// is refused", target: "/sub//", wantStatus: 400},
	})
}

func TestNotFound(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		method   string
		wantType string
		wantBody string
	}{
		{name: "the site's 404.html", files: site, method: http.MethodGet,
			wantType: "text/html; charset=utf-8", wantBody: site["404.html"]},
		{name: "HEAD has no body", files: site, method: http.MethodHead,
			wantType: "text/html; charset=utf-8", wantBody: ""},
		{name: "plain text without 404.html", files: map[string]string{"index.html": "home"}, method: http.MethodGet,
			wantType: "text/plain; charset=utf-8", wantBody: "404 Not Found\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t, Config{Dir: writeSite(t, tt.files)})
			resp, body := request(t, h, tt.method, "/missing")
			if got, want := resp.StatusCode, http.StatusNotFound; got != want {
				t.Errorf("status %d, want %d", got, want)
			}
			if got, want := resp.Header.Get("Content-Type"), tt.wantType; got != want {
				t.Errorf("Content-Type %q, want %q", got, want)
			}
			if got, want := body, tt.wantBody; got != want {
				t.Errorf("body %q, want %q", got, want)
			}
		})
	}
}

func TestMethods(t *testing.T) {
	h := newHandler(t, Config{Dir: writeSite(t, site)})
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
		t.Run(method+" is refused", func(t *testing.T) {
			resp, _ := request(t, h, method, "/")
			if got, want := resp.StatusCode, http.StatusMethodNotAllowed; got != want {
				t.Errorf("status %d, want %d", got, want)
			}
			if got, want := resp.Header.Get("Allow"), "GET, HEAD"; got != want {
				t.Errorf("Allow %q, want %q", got, want)
			}
		})
	}
	t.Run("HEAD sends headers only", func(t *testing.T) {
		resp, body := request(t, h, http.MethodHead, "/app.css")
		if got, want := resp.StatusCode, http.StatusOK; got != want {
			t.Errorf("status %d, want %d", got, want)
		}
		if got, want := resp.Header.Get("Content-Length"), "6"; got != want {
			t.Errorf("Content-Length %q, want %q", got, want)
		}
		if body != "" {
			t.Errorf("body %q, want none", body)
		}
	})
}

func TestLog(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	h := newHandler(t, Config{Dir: writeSite(t, site), Log: log})
	tests := []struct {
		name   string
		method string
		target string
		accept string
		want   map[string]any
	}{
		{name: "a compressed file", method: "GET", target: "/app.js", accept: "br",
			want: map[string]any{"msg": "request", "method": "GET", "path": "/app.js", "status": 200.0,
				"bytes": float64(len(site["app.js.br"])), "encoding": "br", "remote": "192.0.2.1:1234"}},
		{name: "a 404 page", method: "GET", target: "/nope%20here",
			want: map[string]any{"path": "/nope%20here", "status": 404.0, "bytes": float64(len(site["404.html"])), "encoding": ""}},
		{name: "a HEAD sends no bytes", method: "HEAD", target: "/",
			want: map[string]any{"method": "HEAD", "status": 200.0, "bytes": 0.0}},
		{name: "a refused method", method: "POST", target: "/",
			want: map[string]any{"method": "POST", "status": 405.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf.Reset()
			request(t, h, tt.method, tt.target, "Accept-Encoding", tt.accept)
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			if got, want := len(lines), 1; got != want {
				t.Fatalf("%d log lines, want %d:\n%s", got, want, buf.String())
			}
			var rec map[string]any
			if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
				t.Fatal(err)
			}
			for k, want := range tt.want {
				if got := rec[k]; got != want {
					t.Errorf("%s = %v, want %v", k, got, want)
				}
			}
			if _, ok := rec["duration"].(float64); !ok {
				t.Errorf("duration = %v, want a number", rec["duration"])
			}
		})
	}
}
