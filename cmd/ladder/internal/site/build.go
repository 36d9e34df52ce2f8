// Package site builds the explorer's static site: every page prerendered
// with its real content, the content as data files beside app.wasm, go-app's
// scripts, the service worker, the manifest and icons, and precompressed
// siblings of every compressible file. It runs on the build machine only:
// the browser entry never imports it.
package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/web"
)

// maskableIcon is the icon launchers may crop to any shape.
const maskableIcon = "/web/icon-maskable-512.png"

// workerFile is the service worker, which is never cached by itself.
const workerFile = "app-worker.js"

// shellFile is the app shell's page (ui.ShellPath), which the worker keeps
// in place of the pages.
const shellFile = "app-shell.html"

// building serialises builds: go-app's routes and the catalog they show
// are global.
var building sync.Mutex

// Result says what a build wrote.
type Result struct {
	Pages   int
	Files   int
	Bytes   int64
	Version string
	// Compile is the time go build took to compile app.wasm; Total includes
	// it.
	Compile, Total time.Duration
	// Cards are the share cards of the site's roles and levels, drawn only
	// with a base URL; CardsDrawn are those drawn anew, not found in an
	// earlier build.
	Cards, CardsDrawn int
}

// Build writes the site of fw as o says.
func Build(ctx context.Context, fw *ladder.Framework, o Options) (Result, error) {
	start := time.Now()
	if o.Out == "" {
		return Result{}, errors.New("no output folder")
	}
	if err := o.Check(); err != nil {
		return Result{}, err
	}
	if err := checkOut(o.Out); err != nil {
		return Result{}, err
	}
	o.earlier = os.DirFS(o.Out) // checkOut made sure it is a build, or nothing
	files, res, err := Render(ctx, fw, o)
	if err != nil {
		return res, err
	}
	// The previous build in o.Out (checkOut made sure it is one) lends
	// the compressed forms of the files that did not change.
	compressAll(files, os.DirFS(o.Out))
	if err := writeSite(o.Out, files); err != nil {
		return res, err
	}
	res.Files, res.Bytes, res.Total = len(files), 0, time.Since(start)
	for _, b := range files {
		res.Bytes += int64(len(b))
	}
	return res, nil
}

// Render returns the files of the site of fw, by their paths in the site,
// without their compressed forms: what Build writes, and what the live
// preview serves from memory. o.Out is not used.
func Render(ctx context.Context, fw *ladder.Framework, o Options) (map[string][]byte, Result, error) {
	building.Lock()
	defer building.Unlock()
	start := time.Now()
	var res Result
	if err := o.Check(); err != nil {
		return nil, res, err
	}
	files := maps.Clone(o.App)
	if files == nil {
		var err error
		if files, err = toolchainFiles(ctx, &o, &res); err != nil {
			return nil, res, err
		}
	}
	o.wasm = hashWasm(files)
	data, roleFiles, search, err := dataFiles(fw)
	if err != nil {
		return nil, res, err
	}
	maps.Copy(files, data)
	o.search = search
	if err := addAssets(files); err != nil {
		return nil, res, err
	}
	cat := ui.NewCatalog(fw, ui.Site{BaseURL: o.BaseURL, Prefix: o.Prefix})
	ui.Register(cat)
	pages := append(cat.Pages(), "/"+notFoundFile)
	pageFiles := map[string]bool{shellFile: true}
	for _, p := range pages {
		pageFiles[pageFile(p)] = true
	}
	movedAnchors, err := addMoved(&o, fw, files, pageFiles)
	if err != nil {
		return nil, res, err
	}
	var cards map[string]card
	if o.BaseURL != "" {
		if cards, res.CardsDrawn, err = addCards(fw, o.earlier, files); err != nil {
			return nil, res, err
		}
		res.Cards = len(cards)
	}
	for _, p := range pages {
		role := cat.RoleOf(p)
		x := pageExtras{startsApp: cat.StartsApp(p), roleFile: roleFiles[role]}
		if c, ok := cards[p]; ok {
			x.card = &c
		} else if c, ok := cards[ui.MovedPath(role, ladder.Anchor{})]; ok && role != "" {
			x.card = &c // a role's other pages show the role's
		}
		if anchors := movedAnchors[o.path(p)]; len(anchors) > 0 {
			x.head = append(x.head, movedTemplate("", anchors, strconv.Quote))
		}
		b, err := renderPage(&o, p, x)
		if err != nil {
			return nil, res, err
		}
		files[pageFile(p)] = b
	}
	if files[shellFile], err = renderPage(&o, ui.ShellPath, pageExtras{startsApp: true}); err != nil {
		return nil, res, err
	}
	if err := addGoAppFiles(&o, files, &res); err != nil {
		return nil, res, err
	}
	res.Pages, res.Files, res.Total = len(pages), len(files), time.Since(start)
	for _, b := range files {
		res.Bytes += int64(len(b))
	}
	return files, res, nil
}

// App returns the files of the app itself, the same for any content: the
// ones the binary carries, or else app.wasm compiled with the toolchain
// and its wasm_exec.js, and how long compiling took. Options.App takes
// them, for builds that should not look for them again (the live preview
// rebuilds on every save).
func App(ctx context.Context, o Options) (map[string][]byte, time.Duration, error) {
	if err := o.Check(); err != nil {
		return nil, 0, err
	}
	var res Result
	files, err := toolchainFiles(ctx, &o, &res)
	return files, res.Compile, err
}

// toolchainFiles returns app.wasm and wasm_exec.js: the ones the binary
// carries (make build), or those a ladder installed with go install
// compiled once and keeps, or else app.wasm compiled with the toolchain and
// its wasm_exec.js.
func toolchainFiles(ctx context.Context, o *Options, res *Result) (map[string][]byte, error) {
	if files := carriedApp(); files != nil {
		return files, nil
	}
	if _, err := exec.LookPath(o.Go); err != nil {
		return nil, fmt.Errorf("this ladder carries no app, and there is no %s command to compile one: build ladder with make build, or install Go (%w)", o.Go, err)
	}
	if files, ok, err := installedApp(ctx, o, res); ok || err != nil {
		return files, err
	}
	t := time.Now()
	fmt.Fprintln(o.Log, "compiling app.wasm with "+o.Go+" (this ladder carries no app: make build makes one that does)")
	wasm, err := BuildWasm(ctx, o.Go, BrowserPackage)
	if err != nil {
		return nil, err
	}
	res.Compile = time.Since(t)
	exec, err := WasmExec(ctx, o.Go)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{"web/app.wasm": wasm, "wasm_exec.js": exec}, nil
}

// hashWasm gives app.wasm, and its compressed forms when it has them, the
// name that carries its hash (the same for any content: hosts may keep it
// for good), and returns that name.
func hashWasm(files map[string][]byte) string {
	const plain = "web/app.wasm"
	name := hashedName("web/app", ".wasm", files[plain])
	for _, ext := range []string{"", ".br", ".gz"} {
		if b, ok := files[plain+ext]; ok {
			delete(files, plain+ext)
			files[name+ext] = b
		}
	}
	return name
}

// addAssets adds the web assets and the PNG icons.
func addAssets(files map[string][]byte) error {
	err := fs.WalkDir(web.Static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.Static, p)
		files["web/"+strings.TrimPrefix(p, "static/")] = b
		return err
	})
	if err != nil {
		return fmt.Errorf("read the web assets: %w", err)
	}
	files[strings.TrimPrefix(icons.Default, "/")] = iconPNG(192, false)
	files[strings.TrimPrefix(icons.Large, "/")] = iconPNG(512, false)
	files[strings.TrimPrefix(maskableIcon, "/")] = iconPNG(512, true)
	return nil
}

// addGoAppFiles adds go-app's stylesheet, the manifest, and then, versioned
// with the hash of the files the worker keeps, go-app's script and the
// worker.
func addGoAppFiles(o *Options, files map[string][]byte, res *Result) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("write go-app's files: %v", r)
		}
	}()
	css, err := get(handler(o, "", "", nil), "/app.css")
	if err != nil {
		return err
	}
	files["app.css"], files["manifest.webmanifest"] = css, manifest(o)
	precache := offlineCopy(o, files)
	res.Version = version(precache)
	// app.js carries the version: its revision is the version.
	precache = append(precache, cached{fileURL(o, "app.js"), res.Version})
	h := handler(o, res.Version, "", precache)
	if files["app.js"], err = get(h, "/app.js"); err != nil {
		return err
	}
	files[workerFile], err = get(h, "/"+workerFile)
	return err
}

// cached is a file the worker keeps: its address and its revision, a hash
// of its bytes.
type cached struct{ url, revision string }

// offlineCopy lists the files the worker keeps, the offline copy: every
// file but the pages (the shell stands for them), the hosts' redirects,
// the share cards (for link previews, not for reading), the compressed
// siblings (the browser asks for a file, and gets it compressed) and the
// search's file (kept when search is first used), sorted by address.
func offlineCopy(o *Options, files map[string][]byte) []cached {
	var list []cached
	for name, b := range files {
		page := strings.HasSuffix(name, ".html") && name != shellFile
		forHost := name == nginxRedirectsFile || name == hostRedirectsFile
		forPreviews := strings.HasPrefix(name, cardsFolder+"/")
		if page || forHost || forPreviews || name == o.search || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			continue
		}
		sum := sha256.Sum256(b)
		list = append(list, cached{fileURL(o, name), hex.EncodeToString(sum[:])[:web.HashLength]})
	}
	slices.SortFunc(list, func(a, b cached) int { return strings.Compare(a.url, b.url) })
	return list
}

// version is a hash of the offline copy, so that the worker, which the
// browser compares byte for byte, changes exactly when a file it keeps
// does.
func version(precache []cached) string {
	h := sha256.New()
	for _, c := range precache {
		fmt.Fprintf(h, "%s\x00%s\x00", c.url, c.revision)
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// checkOut refuses to replace a folder that is not an earlier build.
func checkOut(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output folder: %w", err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, workerFile)); err != nil {
		return fmt.Errorf("output folder %s is not empty and holds no earlier build: refusing to replace it", out)
	}
	return nil
}

// writeSite writes the files into a new folder beside out, then puts it in
// out's place, so that a host serving out never sees half a site.
func writeSite(out string, files map[string][]byte) error {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".ladder-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for name, b := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("replace %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("replace %s: %w", out, err)
	}
	return os.RemoveAll(old)
}
