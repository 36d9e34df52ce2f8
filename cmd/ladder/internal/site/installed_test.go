package site

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"testing"
)

func TestInstalledVersion(t *testing.T) {
	const path = "github.com/ladder-explorer/ladder"
	for _, tc := range []struct {
		name      string
		main      debug.Module
		installed bool
	}{
		{name: "go install module@version", main: debug.Module{Path: path, Version: "v1.2.3", Sum: "h1:abc="}, installed: true},
		{name: "built in a working tree", main: debug.Module{Path: path, Version: "(devel)"}},
		{name: "no version", main: debug.Module{Path: path}},
		{name: "version stamped from git", main: debug.Module{Path: path, Version: "v1.2.4-0.20260101000000-4e7bed4a1b2c+dirty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gotPath, gotVersion, ok := installedVersion(&debug.BuildInfo{Main: tc.main})
			if ok != tc.installed {
				t.Fatalf("installed = %v, want %v", ok, tc.installed)
			}
			if ok && (gotPath != path || gotVersion != tc.main.Version) {
				t.Errorf("got %s %s, want %s %s", gotPath, gotVersion, path, tc.main.Version)
			}
		})
	}
	if _, _, ok := installedVersion(nil); ok {
		t.Error("a binary with no build information counts as installed")
	}
}

func TestAppCacheFolder(t *testing.T) {
	for _, tc := range []struct{ name, version, goVersion, want string }{
		{"release", "v1.2.3", "go1.26.8", "app-v1.2.3-go1.26.8"},
		{"development toolchain", "v1.2.3+incompatible", "devel go1.27-4e7bed4 Tue", "app-v1.2.3+incompatible-devel_go1.27-4e7bed4_Tue"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newAppCache("/cache", "github.com/ladder-explorer/ladder", tc.version, tc.goVersion)
			if got, want := c.dir, filepath.Join("/cache", tc.want); got != want {
				t.Errorf("folder %s, want %s", got, want)
			}
		})
	}
}

// testApp returns the files of a made-up app, by names in the site.
func testApp(wasm string) map[string][]byte {
	b := []byte(wasm)
	return map[string][]byte{
		"web/app.wasm": b, "web/app.wasm.br": Brotli(b), "web/app.wasm.gz": Gzip(b), "wasm_exec.js": []byte("// exec"),
	}
}

// keptApp keeps a made-up app in a new cache folder.
func keptApp(t *testing.T) (appCache, map[string][]byte) {
	t.Helper()
	c := newAppCache(t.TempDir(), "github.com/ladder-explorer/ladder", "v1.2.3", "go1.26.8")
	files := testApp("\x00asm app")
	if err := c.keep(files); err != nil {
		t.Fatal(err)
	}
	return c, files
}

// checkKept fails unless the folder keeps files, and nothing is left
// beside it.
func checkKept(t *testing.T, c appCache, files map[string][]byte) {
	t.Helper()
	got, err := c.read()
	if err != nil {
		t.Fatalf("read the kept app: %v", err)
	}
	for name, want := range files {
		if !bytes.Equal(got[name], want) {
			t.Errorf("the kept %s differs", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(c.dir))
	if len(entries) != 1 {
		t.Errorf("the cache holds %d entries, want the app's folder only", len(entries))
	}
}

func TestAppCacheKeeps(t *testing.T) {
	c, files := keptApp(t)
	checkKept(t, c, files)
	if len(files) != len(prebuiltFiles) {
		t.Errorf("the app has %d files, want %d", len(files), len(prebuiltFiles))
	}
}

func TestAppCacheRefusesDamage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(dir string) error
	}{
		{"a file is missing", func(dir string) error { return os.Remove(filepath.Join(dir, "wasm_exec.js")) }},
		{"a file is empty", func(dir string) error { return os.WriteFile(filepath.Join(dir, "app.wasm"), nil, 0o644) }},
		{"app.wasm changed", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm other"), 0o644)
		}},
		{"brotli form truncated", func(dir string) error {
			b, err := os.ReadFile(filepath.Join(dir, "app.wasm.br"))
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "app.wasm.br"), b[:len(b)/2], 0o644)
		}},
		{"gzip form of another file", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "app.wasm.gz"), Gzip([]byte("other")), 0o644)
		}},
		{"another ladder's app", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, keyFile), []byte("example.org/fork@v1.2.3 go1.26.8\n"), 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, files := keptApp(t)
			if err := tc.damage(c.dir); err != nil {
				t.Fatal(err)
			}
			if _, err := c.read(); err == nil {
				t.Fatal("the damaged app was read")
			}
			// A build compiles the app again and keeps it in place of the
			// damaged one.
			if err := c.keep(files); err != nil {
				t.Fatal(err)
			}
			checkKept(t, c, files)
		})
	}
}

func TestAppCacheNotKept(t *testing.T) {
	c := newAppCache(t.TempDir(), "github.com/ladder-explorer/ladder", "v1.2.3", "go1.26.8")
	if _, err := c.read(); err == nil {
		t.Error("an app that was never kept was read")
	}
}

func TestAppCacheKeptAtOnce(t *testing.T) {
	c := newAppCache(t.TempDir(), "github.com/ladder-explorer/ladder", "v1.2.3", "go1.26.8")
	files := testApp("\x00asm app")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := c.keep(files); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	checkKept(t, c, files)
}
