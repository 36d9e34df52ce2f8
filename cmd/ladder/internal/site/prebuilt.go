package site

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// prebuilt is the app the binary carries when make build placed it in the
// prebuilt folder (see prebuilt/README.md): app.wasm, its brotli and gzip
// forms, and the wasm_exec.js of the toolchain that compiled it.
//
//go:embed prebuilt
var prebuilt embed.FS

// prebuiltFiles are the prebuilt folder's files, by their names in the
// site.
var prebuiltFiles = map[string]string{
	"app.wasm":     "web/app.wasm",
	"app.wasm.br":  "web/app.wasm.br",
	"app.wasm.gz":  "web/app.wasm.gz",
	"wasm_exec.js": "wasm_exec.js",
}

// carriedApp returns the app the binary carries, by names in the site, or
// nil when it carries none.
func carriedApp() map[string][]byte {
	files := map[string][]byte{}
	for name, site := range prebuiltFiles {
		b, err := fs.ReadFile(prebuilt, "prebuilt/"+name)
		if err != nil {
			return nil
		}
		files[site] = b
	}
	return files
}

// Prebuild compiles app.wasm with the go command goCmd, compresses it,
// takes the toolchain's wasm_exec.js, writes them into dir, and returns
// the path of a go build overlay that places them in the prebuilt folder,
// for a ladder binary that carries the app:
//
//	go build -overlay OVERLAY ./cmd/ladder
func Prebuild(ctx context.Context, goCmd, dir string) (string, error) {
	wasm, err := BuildWasm(ctx, goCmd, BrowserPackage)
	if err != nil {
		return "", err
	}
	exec, err := WasmExec(ctx, goCmd)
	if err != nil {
		return "", err
	}
	src, err := goRun(ctx, goCmd, nil, "list", "-f", "{{.Dir}}", "github.com/ladder-explorer/ladder/cmd/ladder/internal/site")
	if err != nil {
		return "", fmt.Errorf("find the site package: %w", err)
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	content := map[string][]byte{
		"app.wasm": wasm, "app.wasm.br": cachedBrotli(wasm), "app.wasm.gz": Gzip(wasm), "wasm_exec.js": exec,
	}
	replace := map[string]string{}
	for name, b := range content {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return "", err
		}
		replace[filepath.Join(strings.TrimSpace(src), "prebuilt", name)] = p
	}
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": replace})
	path := filepath.Join(dir, "overlay.json")
	return path, os.WriteFile(path, overlay, 0o644)
}
