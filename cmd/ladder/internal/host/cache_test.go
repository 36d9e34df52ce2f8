package host

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// etagOf GETs target and returns its body and ETag.
func etagOf(t *testing.T, h http.Handler, target string, header ...string) (body, etag string) {
	t.Helper()
	resp, body := request(t, h, http.MethodGet, target, header...)
	if got, want := resp.StatusCode, http.StatusOK; got != want {
		t.Fatalf("GET %s: status %d, want %d", target, got, want)
	}
	return body, resp.Header.Get("Etag")
}

// hashTag is the ETag of body: the start of its SHA-256, quoted.
func hashTag(body string) string {
	sum := sha256.Sum256([]byte(body))
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

func TestValidators(t *testing.T) {
	h := newHandler(t, Config{Dir: writeSite(t, site)})
	tags := map[string]string{} // by Accept-Encoding
	for _, accept := range []string{"br", "gzip", "identity"} {
		body, etag := etagOf(t, h, "/app.js", "Accept-Encoding", accept)
		if got, want := etag, hashTag(body); got != want {
			t.Errorf("ETag of the %s variant = %s, want the hash of its bytes %s", accept, got, want)
		}
		for other, tag := range tags {
			if tag == etag {
				t.Errorf("the %s and %s variants share ETag %s", accept, other, etag)
			}
		}
		tags[accept] = etag
	}
	js := site["app.js"]
	tests := []struct {
		name       string
		header     []string
		wantStatus int
		wantBody   string
		wantHeader map[string]string
	}{
		{name: "a 200 has validators", header: []string{"Accept-Encoding", "br"}, wantStatus: 200, wantBody: site["app.js.br"],
			wantHeader: map[string]string{"Etag": tags["br"], "Accept-Ranges": "bytes", "Content-Length": "10"}},
		{name: "a matching ETag is not modified", header: []string{"Accept-Encoding", "br", "If-None-Match", tags["br"]}, wantStatus: 304,
			wantHeader: map[string]string{"Etag": tags["br"], "Vary": "Accept-Encoding", "Content-Encoding": ""}},
		{name: "an ETag in a list matches", header: []string{"Accept-Encoding", "br", "If-None-Match", `"other", ` + tags["br"] + `, "more"`}, wantStatus: 304},
		{name: "a W/ ETag matches weakly", header: []string{"Accept-Encoding", "br", "If-None-Match", "W/" + tags["br"]}, wantStatus: 304},
		{name: "* matches", header: []string{"If-None-Match", "*"}, wantStatus: 304},
		{name: "another variant's ETag does not match", header: []string{"Accept-Encoding", "br", "If-None-Match", tags["gzip"]}, wantStatus: 200, wantBody: site["app.js.br"]},
		{name: "a stale date is modified", header: []string{"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}, wantStatus: 200, wantBody: js},
		{name: "a range", header: []string{"Range", "bytes=0-3"}, wantStatus: 206, wantBody: js[:4],
			wantHeader: map[string]string{"Content-Range": "bytes 0-3/18", "Accept-Ranges": "bytes"}},
		{name: "a suffix range", header: []string{"Range", "bytes=-3"}, wantStatus: 206, wantBody: js[len(js)-3:]},
		{name: "a range of the br variant", header: []string{"Accept-Encoding", "br", "Range", "bytes=0-1"}, wantStatus: 206, wantBody: "BR",
			wantHeader: map[string]string{"Content-Encoding": "br", "Content-Range": "bytes 0-1/10"}},
		{name: "If-Range with the ETag", header: []string{"Range", "bytes=0-3", "If-Range", tags["identity"]}, wantStatus: 206, wantBody: js[:4]},
		{name: "If-Range with an old ETag", header: []string{"Range", "bytes=0-3", "If-Range", `"old"`}, wantStatus: 200, wantBody: js},
		{name: "an unsatisfiable range", header: []string{"Range", "bytes=100-200"}, wantStatus: 416,
			wantHeader: map[string]string{"Content-Range": "bytes */18"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := request(t, h, http.MethodGet, "/app.js", tt.header...)
			if got, want := resp.StatusCode, tt.wantStatus; got != want {
				t.Errorf("status %d, want %d", got, want)
			}
			if got, want := body, tt.wantBody; tt.wantStatus != 416 && got != want {
				t.Errorf("body %q, want %q", got, want)
			}
			for k, want := range tt.wantHeader {
				if got := resp.Header.Get(k); got != want {
					t.Errorf("%s %q, want %q", k, got, want)
				}
			}
		})
	}
}

// rewrite replaces a file of dir as a build does, and dates it mod.
func rewrite(t *testing.T, dir, name, body string, mod time.Time) {
	t.Helper()
	path := filepath.Join(dir, name)
	tmp := filepath.Join(dir, ".tmp-"+name)
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		t.Error(err)
		return
	}
	if err := os.Chtimes(tmp, mod, mod); err != nil {
		t.Error(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Error(err)
	}
}

func TestCache(t *testing.T) {
	dir := writeSite(t, site)
	h := newHandler(t, Config{Dir: dir})
	start := time.Now().Add(-time.Hour)

	t.Run("an unchanged file is read once", func(t *testing.T) {
		etagOf(t, h, "/app.css")
		first, _ := h.cache.entries.Load("app.css")
		etagOf(t, h, "/app.css")
		second, _ := h.cache.entries.Load("app.css")
		if first == nil || first != second {
			t.Errorf("entry %p then %p, want one entry kept", first, second)
		}
	})
	steps := []struct {
		name string
		body string
		mod  time.Time
	}{
		{name: "a first version", body: "a{}", mod: start},
		{name: "the same size at a new time", body: "b{}", mod: start.Add(time.Second)},
		{name: "a new size at the same time", body: "big{}", mod: start.Add(time.Second)},
	}
	var lastTag string
	for _, step := range steps {
		t.Run(step.name+" is picked up", func(t *testing.T) {
			rewrite(t, dir, "app.css", step.body, step.mod)
			body, etag := etagOf(t, h, "/app.css")
			if got, want := body, step.body; got != want {
				t.Errorf("body %q, want %q", got, want)
			}
			if etag == lastTag {
				t.Errorf("ETag %s did not change", etag)
			}
			lastTag = etag
		})
	}
}

func TestCacheLimits(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", maxBody/16+1)
	dir := writeSite(t, map[string]string{"big.wasm": big, "a.txt": "aaaa", "b.txt": "bbbbbb", "c.txt": "cc"})
	h := newHandler(t, Config{Dir: dir})
	h.cache.limit = 8

	t.Run("a big file is streamed with its ETag cached", func(t *testing.T) {
		for range 2 {
			body, etag := etagOf(t, h, "/big.wasm")
			if body != big {
				t.Fatalf("body of %d bytes, want %d", len(body), len(big))
			}
			if got, want := etag, hashTag(big); got != want {
				t.Errorf("ETag %s, want %s", got, want)
			}
		}
		if v, _ := h.cache.entries.Load("big.wasm"); v == nil || v.(*entry).cached() {
			t.Errorf("entry %v, want one without a body", v)
		}
		resp, body := request(t, h, http.MethodGet, "/big.wasm", "Range", "bytes=16777215-16777217")
		if got, want := resp.StatusCode, http.StatusPartialContent; got != want {
			t.Errorf("status %d, want %d", got, want)
		}
		if got, want := body, big[maxBody-1:maxBody+2]; got != want {
			t.Errorf("range %q, want %q", got, want)
		}
	})
	t.Run("bodies past the limit are not kept", func(t *testing.T) {
		for _, name := range []string{"a.txt", "b.txt", "c.txt", "a.txt", "b.txt", "c.txt"} {
			body, _ := etagOf(t, h, "/"+name)
			if got, want := body, strings.Repeat(name[:1], len(body)); got != want || body == "" {
				t.Errorf("%s: body %q", name, got)
			}
		}
		if got, want := h.cache.total, h.cache.limit; got > want {
			t.Errorf("cache holds %d bytes, want at most %d", got, want)
		}
	})
}

func TestConcurrentRequests(t *testing.T) {
	dir := writeSite(t, site)
	h := newHandler(t, Config{Dir: dir})
	versions := []string{"v0{}", "v1{}", "v2{}"}
	targets := []string{"/", "/app.js", "/app.css", "/web/app.wasm", "/roles/devops-engineer", "/nope"}
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 50 {
			rewrite(t, dir, "app.css", versions[i%len(versions)], time.Unix(int64(i), 0))
		}
	})
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				target := targets[(g+i)%len(targets)]
				r := httptest.NewRequest(http.MethodGet, target, nil)
				r.Header.Set("Accept-Encoding", []string{"br", "gzip", ""}[i%3])
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != 200 && !(target == "/nope" && w.Code == 404) {
					t.Errorf("GET %s: status %d", target, w.Code)
				}
				if target == "/app.css" && !bytes.HasPrefix(w.Body.Bytes(), []byte("v")) && w.Body.String() != site["app.css"] {
					t.Errorf("GET /app.css: body %q", w.Body)
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkRequest measures a browser's typical request: a page or a
// precompressed file that is already cached.
func BenchmarkRequest(b *testing.B) {
	h, err := New(Config{Dir: writeSite(b, site), Log: discard})
	if err != nil {
		b.Fatal(err)
	}
	for _, target := range []string{"/roles/devops-engineer", "/app.js"} {
		b.Run(target, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				r := httptest.NewRequest(http.MethodGet, target, nil)
				r.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
				for pb.Next() {
					w := httptest.NewRecorder()
					h.ServeHTTP(w, r)
					if w.Code != http.StatusOK {
						b.Errorf("status %d", w.Code)
						return
					}
				}
			})
		})
	}
}
