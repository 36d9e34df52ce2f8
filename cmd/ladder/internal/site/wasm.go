package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// BrowserPackage is the browser entry compiled into app.wasm.
const BrowserPackage = "github.com/ladder-explorer/ladder/cmd/explorer"

// MinimalPackage is app.wasm's yardstick: a go-app client of one
// component and no server code, built with the same toolchain and flags.
const MinimalPackage = "github.com/ladder-explorer/ladder/cmd/ladder/internal/site/testdata/minimal"

// WasmBudget is how much bigger than the minimal client app.wasm may be
// once compressed with brotli, as hosts send it; TestWasmBudget holds it
// in make test. Go's runtime and go-app are the floor (1.43 MB with
// brotli); the explorer's own code, its views, domain, data loading,
// assessments and search, adds 14% to it (docs/performance.md, "Size of
// app.wasm"). A reading visit never downloads app.wasm, and a change of
// content never changes it: its bytes are paid at the first use of the
// app and at each update of the app itself. The first budget, 1.10×, held
// until the content became data; 1.13× was set to leave about 25 KB of
// brotli for search, which took 24 KB (1.120× to 1.137×) from a base that
// had grown to 1.120× meanwhile. Brotli's best quality moves by several
// KB for a change of a few hundred bytes of code (a change that took 328
// bytes out of app.wasm added 4.6 KB with brotli), so a budget must keep
// more than that in hand: 1.15× holds search with about 14 KB, and the
// next view is a decision again, not a drift.
const WasmBudget = 1.15

// WasmFlags are the go build flags of app.wasm. Benchmarks that compare its
// size with other clients build those with the same flags.
var WasmFlags = []string{"-trimpath", "-ldflags=-s -w"}

// BuildWasm compiles pkg for the browser with the go command goCmd and
// returns app.wasm.
func BuildWasm(ctx context.Context, goCmd, pkg string) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "ladder-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "app.wasm")
	args := append([]string{"build"}, WasmFlags...)
	args = append(args, "-o", out, pkg)
	if _, err := goRun(ctx, goCmd, []string{"GOOS=js", "GOARCH=wasm"}, args...); err != nil {
		return nil, fmt.Errorf("compile app.wasm: %w", err)
	}
	return os.ReadFile(out)
}

// WasmExec returns the wasm_exec.js of the toolchain goCmd runs: the one
// that matches the app.wasm it compiles. go-app embeds an older copy.
func WasmExec(ctx context.Context, goCmd string) ([]byte, error) {
	root, err := goRun(ctx, goCmd, nil, "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	root = strings.TrimSpace(root)
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if b, err := os.ReadFile(filepath.Join(root, p)); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("no wasm_exec.js in the Go toolchain at %s", root)
}

// goRun runs the go command and returns its output. Its errors say what
// the go command printed, and that ladder build needs the project's source.
func goRun(ctx context.Context, goCmd string, env []string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("%s %s: %s (ladder build compiles the app with the Go toolchain: run it in the project's folder)",
			goCmd, args[0], msg)
	}
	return stdout.String(), nil
}
