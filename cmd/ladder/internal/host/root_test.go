package host

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReplacedDir(t *testing.T) {
	tests := []struct {
		name    string
		every   time.Duration
		replace func(t *testing.T, dir string)
		want    string
	}{
		{name: "a folder deleted and written again is picked up", replace: func(t *testing.T, dir string) {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			writeFiles(t, dir, map[string]string{"index.html": "new"})
		}, want: "new"},
		{name: "a folder renamed into place is picked up", replace: func(t *testing.T, dir string) {
			writeFiles(t, dir+".new", map[string]string{"index.html": "new"})
			if err := os.Rename(dir, dir+".old"); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(dir+".new", dir); err != nil {
				t.Fatal(err)
			}
		}, want: "new"},
		{name: "a file of the same size and time, renamed into place, is picked up", replace: func(t *testing.T, dir string) {
			// Two writes within one tick of the kernel's clock get the
			// same time: CI saw it.
			old, err := os.Stat(filepath.Join(dir, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, dir+".new", map[string]string{"index.html": "new"})
			if err := os.Chtimes(filepath.Join(dir+".new", "index.html"), old.ModTime(), old.ModTime()); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(dir, dir+".old"); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(dir+".new", dir); err != nil {
				t.Fatal(err)
			}
		}, want: "new"},
		{name: "a missing folder keeps the open one", replace: func(t *testing.T, dir string) {
			if err := os.Rename(dir, dir+".old"); err != nil {
				t.Fatal(err)
			}
		}, want: "old"},
		{name: "the folder is not checked on every request", every: time.Hour, replace: func(t *testing.T, dir string) {
			writeFiles(t, dir+".new", map[string]string{"index.html": "new"})
			if err := os.Rename(dir, dir+".old"); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(dir+".new", dir); err != nil {
				t.Fatal(err)
			}
		}, want: "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			writeFiles(t, dir, map[string]string{"index.html": "old"})
			h := newHandler(t, Config{Dir: dir})
			h.root.every = tt.every
			if body, _ := etagOf(t, h, "/"); body != "old" {
				t.Fatalf("body %q before, want %q", body, "old")
			}
			tt.replace(t, dir)
			body, _ := etagOf(t, h, "/")
			if got, want := body, tt.want; got != want {
				t.Errorf("body %q after, want %q", got, want)
			}
		})
	}
}
