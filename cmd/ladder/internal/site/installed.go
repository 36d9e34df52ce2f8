package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"
)

// A ladder installed with go install module@version carries no app, and
// runs outside the module's source. It compiles app.wasm once, from the
// module's source in the go command's module cache, and keeps it in the
// user's cache folder with its compressed forms and the wasm_exec.js that
// goes with it, for the next builds.

// installedHint says what to do when a ladder installed with go install
// cannot compile its app.
const installedHint = "to build sites without compiling the app, make ladder with make build: it carries one"

// toolchainEnv pins the toolchain: the go command at hand compiles the
// app, names the cache folder and gives its wasm_exec.js, rather than one
// it would switch to for the module's go line, which would leave the app,
// its folder and its wasm_exec.js from different releases. GOWORK=off
// keeps a workspace of the user's out of the module's build.
var toolchainEnv = []string{"GOTOOLCHAIN=local", "GOWORK=off"}

// installedApp returns the app of a ladder installed with go install
// module@version, by names in the site: the one kept in the cache, or else
// one compiled now and kept. ok is false for a ladder built from a working
// tree, which compiles the app there.
func installedApp(ctx context.Context, o *Options, res *Result) (files map[string][]byte, ok bool, err error) {
	info, _ := debug.ReadBuildInfo()
	path, version, ok := installedVersion(info)
	if !ok {
		return nil, false, nil
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("compile app.wasm for ladder %s: %w (%s)", version, err, installedHint)
		}
	}()
	root, err := cacheRoot()
	if err != nil {
		return nil, true, err
	}
	tc, err := findToolchain(ctx, o.Go, root)
	if err != nil {
		return nil, true, err
	}
	c := newAppCache(root, path, version, tc.version)
	if files, err := c.read(); err == nil {
		fmt.Fprintf(o.Log, "using the app.wasm kept for ladder %s and %s in %s\n", version, tc.version, c.dir)
		return files, true, nil
	}
	fmt.Fprintf(o.Log, "compiling app.wasm for ladder %s with %s, once: it is kept in %s for the next builds\n", version, tc.version, c.dir)
	t := time.Now()
	wasm, err := tc.compile(ctx, root, path+"@"+version)
	if err != nil {
		return nil, true, err
	}
	res.Compile = time.Since(t)
	// Every toolchain that compiles this module (go 1.26 and later) keeps
	// wasm_exec.js in lib/wasm.
	wasmExec, err := os.ReadFile(filepath.Join(tc.root, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, true, fmt.Errorf("read wasm_exec.js: %w", err)
	}
	files = map[string][]byte{
		"web/app.wasm": wasm, "web/app.wasm.br": Brotli(wasm), "web/app.wasm.gz": Gzip(wasm), "wasm_exec.js": wasmExec,
	}
	if err := c.keep(files); err != nil {
		fmt.Fprintf(o.Log, "could not keep app.wasm for the next builds, which will compile it again: %v\n", err)
	}
	return files, true, nil
}

// installedVersion returns the module path and version of a ladder
// installed with go install module@version. A binary built in a working
// tree has no version, or one stamped from version control, but never the
// checksum of a module the go command downloaded.
func installedVersion(info *debug.BuildInfo) (path, version string, ok bool) {
	if info == nil {
		return "", "", false
	}
	m := info.Main
	if m.Version == "" || m.Version == "(devel)" || m.Sum == "" {
		return "", "", false
	}
	return m.Path, m.Version, true
}

// cacheRoot returns ladder's folder in the user's cache folder, as
// cachedBrotli finds it, and makes it.
func cacheRoot() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir() // no home folder, as on some CI machines
	}
	dir = filepath.Join(dir, "ladder-explorer")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("make the cache folder: %w", err)
	}
	return dir, nil
}

// toolchain is the Go toolchain that compiles the app.
type toolchain struct {
	goCmd   string
	version string // such as go1.26.8
	root    string // its GOROOT, which holds its wasm_exec.js
}

// findToolchain asks the go command goCmd for its version and GOROOT. It
// runs in dir, outside any module, so that no go.mod of the working
// directory has a say.
func findToolchain(ctx context.Context, goCmd, dir string) (toolchain, error) {
	tc := toolchain{goCmd: goCmd}
	out, err := tc.run(ctx, dir, nil, "env", "GOVERSION", "GOROOT")
	if err != nil {
		return tc, err
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || lines[0] == "" || lines[1] == "" {
		return tc, fmt.Errorf("%s env GOVERSION GOROOT printed %q", goCmd, out)
	}
	tc.version, tc.root = lines[0], lines[1]
	return tc, nil
}

// compile downloads the source of module (path@version) into the go
// command's module cache, if it is not there yet, and compiles
// BrowserPackage in it for the browser. The download runs in dir, outside
// any module, whose go.mod it would otherwise change.
func (tc toolchain) compile(ctx context.Context, dir, module string) ([]byte, error) {
	out, err := tc.run(ctx, dir, nil, "mod", "download", "-json", module)
	var mod struct{ Dir, Error string }
	if jsonErr := json.Unmarshal(out, &mod); jsonErr == nil && mod.Error != "" {
		err = errors.New(mod.Error) // go mod download -json says what failed here
	}
	if err == nil && mod.Dir == "" {
		err = fmt.Errorf("%s mod download printed no folder", tc.goCmd)
	}
	if err != nil {
		return nil, fmt.Errorf("download the source of %s: %w", module, err)
	}
	tmp, err := os.MkdirTemp("", "ladder-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	wasm := filepath.Join(tmp, "app.wasm")
	args := append(append([]string{"build"}, WasmFlags...), "-o", wasm, BrowserPackage)
	if _, err := tc.run(ctx, mod.Dir, []string{"GOOS=js", "GOARCH=wasm"}, args...); err != nil {
		return nil, err
	}
	return os.ReadFile(wasm)
}

// run runs the go command in dir with the pinned toolchain and returns
// what it prints on stdout, which go mod download -json fills even when it
// fails. Its errors say what the go command printed on stderr.
func (tc toolchain) run(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, tc.goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), toolchainEnv...), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return stdout.Bytes(), fmt.Errorf("%s %s: %s", tc.goCmd, args[0], msg)
	}
	return stdout.Bytes(), nil
}

// keyFile names, in a cache folder, the module, its version and the
// toolchain of the app it keeps: the folder's name may not tell them
// apart.
const keyFile = "key"

// appCache is the folder that keeps the app of one ladder version compiled
// by one Go toolchain, with the files of prebuiltFiles under the same
// names.
type appCache struct {
	dir string
	key string
}

// newAppCache returns the cache folder, in root, of the app of module
// path at version compiled by goVersion.
func newAppCache(root, path, version, goVersion string) appCache {
	return appCache{
		dir: filepath.Join(root, "app-"+safeName(version)+"-"+safeName(goVersion)),
		key: path + "@" + version + " " + goVersion + "\n",
	}
}

// safeName replaces what a folder name should not hold, such as the
// spaces of a development toolchain's version, with _.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(safePathChars+"+", r) {
			return r
		}
		return '_'
	}, s)
}

// read returns the app the folder keeps, by names in the site, or an error
// if it keeps another, a file is missing or empty, or a compressed form is
// not app.wasm's: such an app is compiled again, never used.
func (c appCache) read() (map[string][]byte, error) {
	key, err := os.ReadFile(filepath.Join(c.dir, keyFile))
	if err != nil {
		return nil, err
	}
	if string(key) != c.key {
		return nil, fmt.Errorf("%s keeps the app of %s", c.dir, strings.TrimSpace(string(key)))
	}
	files := map[string][]byte{}
	for name, site := range prebuiltFiles {
		b, err := os.ReadFile(filepath.Join(c.dir, name))
		if err != nil {
			return nil, err
		}
		if len(b) == 0 {
			return nil, fmt.Errorf("%s is empty", filepath.Join(c.dir, name))
		}
		files[site] = b
	}
	sum := sha256.Sum256(files["web/app.wasm"])
	if unbrotliSum(files["web/app.wasm.br"]) != sum || gunzipSum(files["web/app.wasm.gz"]) != sum {
		return nil, fmt.Errorf("%s: a compressed app.wasm does not match it", c.dir)
	}
	return files, nil
}

// keep writes the app into a new folder beside the cache folder, then puts
// it in the folder's place: a build that stops half way, or one that runs
// at the same time, never leaves or sees half an app.
func (c appCache) keep(files map[string][]byte) error {
	tmp, err := os.MkdirTemp(filepath.Dir(c.dir), ".app-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for name, site := range prebuiltFiles {
		if err := os.WriteFile(filepath.Join(tmp, name), files[site], 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, keyFile), []byte(c.key), 0o644); err != nil {
		return err
	}
	if os.Rename(tmp, c.dir) == nil || c.intact() {
		return nil // or another build kept the same app meanwhile
	}
	// The folder is damaged: move it away whole, then put the app in its
	// place, unless another build does first.
	old := tmp + ".old"
	if os.Rename(c.dir, old) == nil {
		defer os.RemoveAll(old)
	}
	if err := os.Rename(tmp, c.dir); err != nil && !c.intact() {
		return fmt.Errorf("replace %s: %w", c.dir, err)
	}
	return nil
}

// intact reports whether the folder keeps a whole app.
func (c appCache) intact() bool {
	_, err := c.read()
	return err == nil
}
