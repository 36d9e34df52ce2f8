package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
)

// TestBuildWithoutToolchain builds a ladder that carries the app, as make
// build does, and builds the corpus's site with it where no go command
// can be found: the site's app.wasm is the one it carries. A ladder that
// carries no app says what to do there.
func TestBuildWithoutToolchain(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles app.wasm and two ladder binaries")
	}
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	overlay, err := site.Prebuild(ctx, "go", filepath.Join(dir, "prebuilt"))
	if err != nil {
		t.Fatal(err)
	}
	carrying, plain := filepath.Join(dir, "ladder"), filepath.Join(dir, "ladder-plain")
	for bin, args := range map[string][]string{carrying: {"-overlay", overlay}, plain: nil} {
		cmd := exec.Command("go", append(append([]string{"build"}, args...), "-o", bin, ".")...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", bin, err, out)
		}
	}
	noGo := append(os.Environ(), "PATH="+t.TempDir(), "GOROOT=")
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("the test needs go to build the binaries")
	}

	out := filepath.Join(dir, "site")
	cmd := exec.Command(carrying, "build", "--content", corpus, "--out", out)
	cmd.Env = noGo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ladder build with no go command: %v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "compiling") {
		t.Errorf("the ladder that carries the app compiled one:\n%s", stderr.String())
	}
	// Without --base-url, it says once that link previews need it.
	if n := strings.Count(stderr.String(), noBaseURL); n != 1 {
		t.Errorf("a build without --base-url says %d times that previews need it:\n%s", n, stderr.String())
	}
	want, err := os.ReadFile(filepath.Join(dir, "prebuilt", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	wasm := wasmFile(t, out)
	for name, wantFile := range map[string]string{wasm: "app.wasm", wasm + ".br": "app.wasm.br", "wasm_exec.js": "wasm_exec.js"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		want, errWant := os.ReadFile(filepath.Join(dir, "prebuilt", wantFile))
		if err != nil || errWant != nil || !bytes.Equal(got, want) {
			t.Errorf("the site's %s is not the one the ladder carries (%v %v)", name, err, errWant)
		}
	}
	if len(want) == 0 {
		t.Error("the carried app.wasm is empty")
	}

	cmd = exec.Command(carrying, "build", "--content", corpus, "--out", filepath.Join(dir, "site-public"), "--base-url", "https://careers.example.org")
	cmd.Env = noGo
	stderr.Reset()
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ladder build --base-url: %v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "--base-url") {
		t.Errorf("a build with --base-url says it lacks one:\n%s", stderr.String())
	}

	cmd = exec.Command(plain, "build", "--content", corpus, "--out", filepath.Join(dir, "site-plain"))
	cmd.Env = noGo
	stderr.Reset()
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		t.Fatal("a ladder that carries no app built a site with no go command")
	}
	if msg := stderr.String(); !strings.Contains(msg, "carries no app") || !strings.Contains(msg, "make build") {
		t.Errorf("a ladder that carries no app, with no go command, says:\n%s", msg)
	}
}

// wasmFile is the name of app.wasm in the site in dir, which carries its
// hash: web/app.HASH.wasm.
func wasmFile(t *testing.T, dir string) string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, "web", "app.*.wasm"))
	if err != nil || len(found) != 1 {
		t.Fatalf("the site in %s has %d app.wasm files (%v), want one", dir, len(found), err)
	}
	name, _ := filepath.Rel(dir, found[0])
	return filepath.ToSlash(name)
}
