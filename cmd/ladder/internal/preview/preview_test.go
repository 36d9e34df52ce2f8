package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var testSite = map[string][]byte{
	"index.html":                        []byte("<html><head><title>Home</title></head><body>home</body></html>"),
	"roles/devops-engineer.html":        []byte("<html><head></head><body>role</body></html>"),
	"404.html":                          []byte("<html><head></head><body>not found</body></html>"),
	"data/roles/devops.0123456789.json": []byte(`{"id":"devops"}`),
	"app-worker.js":                     []byte("the site's worker"),
}

func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestServe checks that the preview answers with the site's URLs, status
// codes and headers, from memory, with live.js in every page.
func TestServe(t *testing.T) {
	s := New("/careers")
	s.Update(testSite)
	const live = `<script defer src="/careers/_preview/live.js" data-build="`
	tests := []struct {
		name, method, target string
		status               int
		contains, location   string
		contentType          string
	}{
		{"home", "GET", "/careers/", 200, "<title>Home</title>" + live, "", "text/html; charset=utf-8"},
		{"page without .html", "GET", "/careers/roles/devops-engineer", 200, "role", "", "text/html; charset=utf-8"},
		{"page as a folder moves", "GET", "/careers/roles/devops-engineer/", 301, "", "/careers/roles/devops-engineer", ""},
		{"the prefix alone moves", "GET", "/careers", 301, "", "/careers/", ""},
		{"missing page", "GET", "/careers/roles/nobody", 404, "not found", "", "text/html; charset=utf-8"},
		{"outside the prefix", "GET", "/roles/devops-engineer", 404, "", "", ""},
		{"data, untouched", "GET", "/careers/data/roles/devops.0123456789.json", 200, `{"id":"devops"}`, "", "application/json"},
		{"the preview's worker", "GET", "/careers/app-worker.js", 200, "keeps\n// nothing", "", "text/javascript; charset=utf-8"},
		{"live.js", "GET", "/careers/_preview/live.js", 200, "EventSource", "", "text/javascript; charset=utf-8"},
		{"no POST", "POST", "/careers/", 405, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := get(t, s, tt.method, tt.target)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if got := body(t, resp); !strings.Contains(got, tt.contains) {
				t.Errorf("body %q does not contain %q", got, tt.contains)
			}
			if got := resp.Header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if tt.contentType != "" && resp.Header.Get("Content-Type") != tt.contentType {
				t.Errorf("Content-Type %q, want %q", resp.Header.Get("Content-Type"), tt.contentType)
			}
			if resp.Header.Get("Content-Security-Policy") == "" || resp.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("headers %v: want the site's policy and no-store", resp.Header)
			}
		})
	}
	if strings.Contains(body(t, get(t, s, "GET", "/careers/data/roles/devops.0123456789.json")), "live.js") {
		t.Error("live.js went into a data file")
	}
	// The page says which build it is of, so that live.js reloads it for a
	// rebuild that comes before its first event.
	if got := body(t, get(t, s, "GET", "/careers/")); !strings.Contains(got, `live.js" data-build="`+s.current().Build+`"></script></head>`) {
		t.Errorf("the page does not carry its build %s:\n%s", s.current().Build, got)
	}
}

// TestServeWithoutSite checks the answer before the first good build:
// that it is coming, then the problems that keep it from coming, escaped.
func TestServeWithoutSite(t *testing.T) {
	s := New("")
	resp := get(t, s, "GET", "/roles/devops-engineer")
	if got := body(t, resp); resp.StatusCode != 503 || !strings.Contains(got, "Building the site") || !strings.Contains(got, `src="/_preview/live.js"`) {
		t.Errorf("before the first build: %d %q", resp.StatusCode, got)
	}
	s.Fail([]string{"content/a.md:3:1: error: <bad> front matter"})
	got := body(t, get(t, s, "GET", "/"))
	if !strings.Contains(got, "content/a.md:3:1: error: &lt;bad&gt; front matter") {
		t.Errorf("the problems page does not list the problem, escaped:\n%s", got)
	}
}

// TestEvents follows the event stream as live.js does: the current state
// first, then the problems of a broken save, then a new build, and the
// stream ends when the server closes.
func TestEvents(t *testing.T) {
	s := New("")
	s.Update(testSite)
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/_preview/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("Content-Type %q", resp.Header.Get("Content-Type"))
	}
	lines := bufio.NewScanner(resp.Body)
	next := func() state {
		t.Helper()
		for lines.Scan() {
			if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				var st state
				if err := json.Unmarshal([]byte(data), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
		}
		t.Fatalf("the stream ended: %v", lines.Err())
		return state{}
	}
	first := next()
	if first.Build == "" || len(first.Problems) != 0 {
		t.Fatalf("first state %+v", first)
	}
	s.Fail([]string{"a.md:1:1: error: x"})
	if st := next(); st.Build != first.Build || len(st.Problems) != 1 {
		t.Errorf("after a broken save: %+v, want the same build and its problem", st)
	}
	s.Update(testSite)
	if st := next(); st.Build == first.Build || len(st.Problems) != 0 {
		t.Errorf("after a rebuild: %+v, want a new build and no problems", st)
	}
	s.Close()
	for lines.Scan() {
	}
	if ctx.Err() != nil {
		t.Error("the stream did not end when the server closed")
	}
}

// TestWatch checks that Watch reports once at the start, then a save, a
// new file and the folder's removal, and nothing while nothing changes.
// Saves are renamed into place, as many editors save, so that each is one
// change whatever the machine's load; TestSettled covers saves in place.
func TestWatch(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "a.md")
	save := func(path, text string) {
		t.Helper()
		tmp := filepath.Join(root, "saving")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	save(page, "one")
	var calls atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan bool)
	go func() {
		Watch(ctx, dir, 5*time.Millisecond, func() { calls.Add(1) })
		close(stopped)
	}()
	waitCalls := func(want int32, what string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for calls.Load() < want && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond) // and no more than that
		if got := calls.Load(); got != want {
			t.Fatalf("%s: %d calls, want %d", what, got, want)
		}
	}
	waitCalls(1, "at the start")
	save(page, "two, longer")
	waitCalls(2, "after a save")
	save(filepath.Join(dir, "b.md"), "new")
	waitCalls(3, "after a new file")
	// The folder goes in one step: RemoveAll takes a file at a time, and
	// a look that falls between two, on a busy machine, rightly sees a
	// change of its own.
	if err := os.Rename(dir, filepath.Join(root, "gone")); err != nil {
		t.Fatal(err)
	}
	waitCalls(4, "after the folder went")
	cancel()
	<-stopped
}

// TestSettled walks the watcher through sequences of looks: a change is
// acted on once two looks in a row agree on it, so a page saved in place
// (cut to nothing, then written) is built once, whole.
func TestSettled(t *testing.T) {
	at := func(size int64) map[string]stamp {
		return map[string]stamp{"a.md": {size, time.Unix(size, 0)}}
	}
	gone := map[string]stamp{"": {}}
	for _, tc := range []struct {
		name  string
		looks []map[string]stamp
		want  string // per look: c for a call, . for none
	}{
		{"nothing changes", []map[string]stamp{at(1), at(1), at(1)}, "..."},
		{"a save", []map[string]stamp{at(2), at(2), at(2)}, ".c."},
		{"a save in place, seen cut short", []map[string]stamp{at(0), at(2), at(2), at(2)}, "..c."},
		{"a save still being written", []map[string]stamp{at(0), at(1), at(2), at(2)}, "...c"},
		{"changed and changed back", []map[string]stamp{at(2), at(1), at(1)}, "..."},
		{"two saves in turn", []map[string]stamp{at(2), at(2), at(3), at(3)}, ".c.c"},
		{"the folder went", []map[string]stamp{gone, gone, gone}, ".c."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := watcher{built: at(1)}
			got := ""
			for _, l := range tc.looks {
				if w.settled(l) {
					got += "c"
				} else {
					got += "."
				}
			}
			if got != tc.want {
				t.Errorf("calls %q, want %q", got, tc.want)
			}
		})
	}
}
