package perf

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/page"
)

// moduleRoot is the product module's folder (the repository's root),
// seen from this package's folder.
const moduleRoot = "../../../.."

// levelPage is the page the visits and the host are measured on: the
// level levelID of the role levelRole.
const (
	levelRole = "devops-engineer"
	levelID   = "senior"
	levelPage = "/roles/" + levelRole + "/" + levelID
)

// BenchmarkPerf measures everything docs/performance.md's table shows,
// once, before b.Loop, and prints the table and writes bench.json at the
// module's root. It takes about ten minutes: run it with make bench.
func BenchmarkPerf(b *testing.B) {
	if testing.Short() {
		b.Skip("builds sites, drives Chromium and loads the hosts for minutes")
	}
	root, err := filepath.Abs(moduleRoot)
	if err != nil {
		b.Fatal(err)
	}
	// The go commands run in the product's module, so that app.wasm and
	// the minimal client build as the product builds them, not in the
	// rig's module.
	b.Chdir(root)
	rep := &Report{Started: time.Now(), Machine: machine()}
	fw := readModel(b, os.DirFS(root), "content")
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := site.Build(b.Context(), fw, site.Options{Out: dir}); err != nil {
		b.Fatalf("build the site: %v", err)
	}

	minimal := measureSize(b, rep, dir)
	measureVisits(b, rep, dir, minimal)
	measureInteractions(b, rep, dir)
	measureLighthouse(b, rep, root, minimal)
	measureHost(b, rep, dir)
	measureBuilds(b, rep, root, dir, fw)

	for b.Loop() {
	}
	b.ReportMetric(0, "ns/op") // the time of an empty loop says nothing

	var table bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		b.Fatal(err)
	}
	fmt.Print("\n" + table.String())
	if err := os.WriteFile(filepath.Join(root, "bench.json"), rep.JSON(), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, r := range rep.Rows {
		if r.Met() == "NO" {
			b.Logf("target missed: %s %s (%s)", r.Section, r.Name, r.Target)
		}
	}
}

// readModel reads a content folder into its model.
func readModel(b *testing.B, fsys fs.FS, dir string) *ladder.Framework {
	b.Helper()
	files, err := page.ReadDir(fsys, dir)
	if err != nil {
		b.Fatalf("read %s: %v", dir, err)
	}
	fw, diags := page.Read(files)
	if ladder.HasErrors(diags) {
		b.Fatalf("%s has errors", dir)
	}
	return fw
}

// measureSize compares app.wasm with the minimal client built in the same
// run, and returns the minimal client's app.wasm and its .br and .gz, by
// extension, for the warm visit's reference. (What a cold visit transfers
// is measured with the visits.)
func measureSize(b *testing.B, rep *Report, dir string) map[string][]byte {
	b.Helper()
	wasm, err := site.BuildWasm(b.Context(), "go", site.MinimalPackage)
	if err != nil {
		b.Fatalf("build the minimal client: %v", err)
	}
	minimal := map[string][]byte{"": wasm, ".gz": site.Gzip(wasm), ".br": site.Brotli(wasm)}
	for _, enc := range []struct{ name, ext string }{{"raw", ""}, {"gzip", ".gz"}, {"brotli", ".br"}} {
		info, err := os.Stat(filepath.Join(dir, wasmFile(b, dir)+enc.ext))
		if err != nil {
			b.Fatal(err)
		}
		m := len(minimal[enc.ext])
		target := ""
		if enc.name == "brotli" {
			target = fmt.Sprintf("ratio<=%.2f", site.WasmBudget)
		}
		rep.Add(Row{Section: "size", Name: "app.wasm " + enc.name, Unit: "B", Value: float64(info.Size()),
			Reference: "minimal client", RefValue: float64(m), Target: target})
	}
	return minimal
}

// machine describes the computer and the tools the run used.
func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`(?m)^model name\s*:\s*(.+)$`).FindSubmatch(b); m != nil {
			cpu = strings.TrimSpace(string(m[1]))
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %d kB", &kb); err == nil {
			mem = fmt.Sprintf(", %d GB", (kb+(1<<19))>>20)
		}
	}
	chromium := "Chromium"
	if out, err := exec.Command("chromium", "--version").Output(); err == nil {
		chromium = strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("%s × %d%s, %s, %s", cpu, runtime.NumCPU(), mem, runtime.Version(), chromium)
}

// wasmFile is the name of app.wasm in the site in dir, which carries its
// hash: web/app.HASH.wasm.
func wasmFile(b *testing.B, dir string) string {
	b.Helper()
	found, err := filepath.Glob(filepath.Join(dir, "web", "app.*.wasm"))
	if err != nil || len(found) != 1 {
		b.Fatalf("the site in %s has %d app.wasm files (%v), want one", dir, len(found), err)
	}
	name, _ := filepath.Rel(dir, found[0])
	return filepath.ToSlash(name)
}
