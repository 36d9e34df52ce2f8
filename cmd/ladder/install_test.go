package main

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The module and the made-up version TestInstall installs.
const (
	ladderModule = "github.com/ladder-explorer/ladder"
	testVersion  = "v0.0.1-test"
)

// TestInstall installs ladder as a user does, with go install
// module@version, from a module proxy in a folder that holds this working
// tree at a made-up version, and builds the content's site with it twice
// from a folder outside any module: the first build compiles app.wasm once
// and keeps it, the second uses the kept one.
func TestInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("installs ladder and compiles app.wasm")
	}
	t.Parallel()
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("the test needs go on PATH")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	root, _ := command(t, ctx, ".", nil, "git", "rev-parse", "--show-toplevel")
	root = strings.TrimSpace(root)
	dir := t.TempDir()
	proxy := filepath.Join(dir, "proxy")
	writeProxy(t, ctx, root, proxy)

	// The dependencies come from the module cache at hand, and a fresh
	// module cache, writable so that t.TempDir can remove it, receives
	// them. The build cache is shared, but not ladder's cache folder.
	out, _ := command(t, ctx, ".", nil, "go", "env", "GOMODCACHE", "GOCACHE", "GOVERSION")
	goEnv := strings.Split(strings.TrimSpace(out), "\n")
	bin, cacheHome, work := filepath.Join(dir, "bin"), filepath.Join(dir, "cache"), filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{
		"GOBIN=" + bin, "GOMODCACHE=" + filepath.Join(dir, "modcache"), "GOFLAGS=-modcacherw",
		"GOPROXY=file://" + proxy + ",file://" + filepath.Join(goEnv[0], "cache", "download"),
		"GOSUMDB=off", "GOTOOLCHAIN=local", "GOWORK=off", "GOCACHE=" + goEnv[1], "XDG_CACHE_HOME=" + cacheHome,
	}
	start := time.Now()
	command(t, ctx, work, env, "go", "install", ladderModule+"/cmd/ladder@"+testVersion)
	t.Logf("go install: %.1fs", time.Since(start).Seconds())

	kept := filepath.Join(cacheHome, "ladder-explorer", "app-"+testVersion+"-"+goEnv[2])
	content := filepath.Join(root, "content")
	var sites []string
	for i, want := range []string{
		"compiling app.wasm for ladder " + testVersion + " with " + goEnv[2] + ", once",
		"using the app.wasm kept for ladder " + testVersion,
	} {
		start := time.Now()
		site := filepath.Join(dir, "site"+strconv.Itoa(i+1))
		_, stderr := command(t, ctx, work, env, filepath.Join(bin, "ladder"), "build", "--content", content, "--out", site)
		t.Logf("build %d: %.1fs\n%s", i+1, time.Since(start).Seconds(), stderr)
		if !strings.Contains(stderr, want) || !strings.Contains(stderr, kept) {
			t.Errorf("build %d does not say %q and name %s", i+1, want, kept)
		}
		if i > 0 && strings.Contains(stderr, "compiling") {
			t.Errorf("build %d compiled the app again", i+1)
		}
		sites = append(sites, site)
	}

	want := readFile(t, filepath.Join(kept, "app.wasm"))
	if len(want) == 0 {
		t.Fatal("the kept app.wasm is empty")
	}
	for _, site := range sites {
		wasm := wasmFile(t, site)
		if got := readFile(t, filepath.Join(site, wasm)); !bytes.Equal(got, want) {
			t.Errorf("%s/%s is not the kept app.wasm", site, wasm)
		}
		readFile(t, filepath.Join(site, wasm+".br"))
	}
}

// writeProxy writes a module proxy into the folder proxy that serves the
// working tree at root as the module at testVersion: every file git
// tracks or would track, as the tree holds them now, but for the folders
// of modules of their own (the test rig), which a module's zip leaves out
// as the go command makes it.
func writeProxy(t *testing.T, ctx context.Context, root, proxy string) {
	t.Helper()
	dir := filepath.Join(proxy, ladderModule, "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Files not yet committed are part of the tree; files deleted from it
	// are not.
	list, _ := command(t, ctx, root, nil, "git", "ls-files", "--cached", "--others", "--exclude-standard")
	names := strings.Split(strings.TrimSpace(list), "\n")
	var nested []string
	for _, name := range names {
		if dir, ok := strings.CutSuffix(name, "/go.mod"); ok {
			nested = append(nested, dir+"/")
		}
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range names {
		if slices.ContainsFunc(nested, func(dir string) bool { return strings.HasPrefix(name, dir) }) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		w, err := z.Create(ladderModule + "@" + testVersion + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"list":                []byte(testVersion + "\n"),
		testVersion + ".info": []byte(`{"Version":"` + testVersion + `","Time":"2026-12-01T00:00:00Z"}`),
		testVersion + ".mod":  readFile(t, filepath.Join(root, "go.mod")),
		testVersion + ".zip":  buf.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// command runs name in dir with env added to the test's, within ctx, and
// returns what it prints. It fails the test if the command fails.
func command(t *testing.T, ctx context.Context, dir string, env []string, name string, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String(), errOut.String()
}

// readFile returns the file's bytes, and fails the test if it cannot.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
