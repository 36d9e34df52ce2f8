package site

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
)

// wasmSize is how many bytes an app.wasm takes raw and compressed.
type wasmSize struct{ raw, br, gz int }

// TestWasmBudget holds app.wasm, the same for any content, to its size
// budget: with brotli, at most WasmBudget times the minimal go-app client
// built with the same toolchain and WasmFlags. It compiles both clients
// and compresses them at brotli's best quality: about a minute.
func TestWasmBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles two app.wasm and compresses them with brotli: about a minute")
	}
	explorer, minimal, err := measureBoth(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("app.wasm with brotli: %d bytes, %.3f× the minimal client's %d (budget %.2f×)",
		explorer.br, float64(explorer.br)/float64(minimal.br), minimal.br, WasmBudget)
	if err := overBudget(explorer, minimal); err != nil {
		t.Error(err)
	}
}

// overBudget says how far app.wasm, with brotli, is over its budget
// against the minimal client, or nil when it is within it.
func overBudget(explorer, minimal wasmSize) error {
	if r := float64(explorer.br) / float64(minimal.br); r > WasmBudget {
		return fmt.Errorf("app.wasm is %d bytes with brotli, %.3f× the minimal go-app client's %d bytes: over the %.2f× budget",
			explorer.br, r, minimal.br, WasmBudget)
	}
	return nil
}

// BenchmarkWasmSize reports app.wasm's sizes, raw, with brotli and with
// gzip, beside the minimal client's, and holds the budget as
// TestWasmBudget does.
//
// The figures are sizes, not times: the builds and compressions (about a
// minute) run once, before b.Loop, which calls this function only once
// whatever -benchtime says. Run it with
//
//	go test ./cmd/ladder/internal/site/ -run '^$' -bench WasmSize -benchtime 1x
func BenchmarkWasmSize(b *testing.B) {
	if testing.Short() {
		b.Skip("compiles two app.wasm and compresses them with brotli: about a minute")
	}
	ctx := b.Context()
	version, err := goRun(ctx, "go", nil, "version")
	if err != nil {
		b.Fatal(err)
	}
	explorer, minimal, err := measureBoth(ctx)
	if err != nil {
		b.Fatal(err)
	}

	for b.Loop() {
	}

	ratio := func(a, m int) float64 { return float64(a) / float64(m) }
	b.ReportMetric(0, "ns/op") // the time of an empty loop says nothing
	for _, m := range []struct {
		name     string
		explorer int
		minimal  int
	}{
		{"raw", explorer.raw, minimal.raw},
		{"br", explorer.br, minimal.br},
		{"gz", explorer.gz, minimal.gz},
	} {
		b.ReportMetric(float64(m.explorer), "explorer-"+m.name+"-bytes")
		b.ReportMetric(float64(m.minimal), "minimal-"+m.name+"-bytes")
		b.ReportMetric(ratio(m.explorer, m.minimal), m.name+"-ratio")
	}

	var table strings.Builder
	fmt.Fprintf(&table, "%s, flags %q\n", strings.TrimSpace(version), WasmFlags)
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\texplorer\tminimal\tratio\t")
	fmt.Fprintf(tw, "raw\t%d\t%d\t%.3f\t\n", explorer.raw, minimal.raw, ratio(explorer.raw, minimal.raw))
	fmt.Fprintf(tw, "brotli\t%d\t%d\t%.3f\t\n", explorer.br, minimal.br, ratio(explorer.br, minimal.br))
	fmt.Fprintf(tw, "gzip\t%d\t%d\t%.3f\t\n", explorer.gz, minimal.gz, ratio(explorer.gz, minimal.gz))
	_ = tw.Flush() // writes to memory cannot fail
	b.Log("app.wasm sizes in bytes\n" + strings.TrimSuffix(table.String(), "\n"))

	if err := overBudget(explorer, minimal); err != nil {
		b.Error(err)
	}
}

// measureBoth builds and measures app.wasm and the minimal client side by
// side.
func measureBoth(ctx context.Context) (explorer, minimal wasmSize, err error) {
	var (
		wg                      sync.WaitGroup
		explorerErr, minimalErr error
	)
	wg.Go(func() { explorer, explorerErr = measureWasm(ctx, BrowserPackage) })
	wg.Go(func() { minimal, minimalErr = measureWasm(ctx, MinimalPackage) })
	wg.Wait()
	return explorer, minimal, errors.Join(explorerErr, minimalErr)
}

// measureWasm builds pkg with BuildWasm and measures the result raw, with
// Brotli and with Gzip.
func measureWasm(ctx context.Context, pkg string) (wasmSize, error) {
	wasm, err := BuildWasm(ctx, "go", pkg)
	if err != nil {
		return wasmSize{}, fmt.Errorf("build %s: %w", pkg, err)
	}
	s := wasmSize{raw: len(wasm)}
	var wg sync.WaitGroup
	wg.Go(func() { s.br = len(Brotli(wasm)) })
	s.gz = len(Gzip(wasm))
	wg.Wait()
	return s, nil
}
