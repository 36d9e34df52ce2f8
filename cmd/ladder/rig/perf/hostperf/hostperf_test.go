package hostperf

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// nginxBin is where browsertest looks for nginx.
const nginxBin = "/usr/sbin/nginx"

func TestMeasure(t *testing.T) {
	if testing.Short() {
		t.Skip("runs ladder serve, nginx and wrk")
	}
	for _, bin := range []string{wrkBin, nginxBin} {
		if _, err := os.Stat(bin); err != nil {
			t.Skipf("no %s: run `apt-get install wrk` and scripts/test-deps.sh", bin)
		}
	}
	bin := buildLadder(t)
	site := smallSite(t)
	paths := []string{"/", "/big.bin"}
	r := Measure(t, bin, site, paths, Options{Duration: time.Second, Rounds: 1, Warmup: 200 * time.Millisecond})
	t.Logf("\n%s", r)

	if got, want := len(r.Results), len(paths); got != want {
		t.Fatalf("%d results, want %d", got, want)
	}
	for i, res := range r.Results {
		if res.Path != paths[i] {
			t.Errorf("result %d is for %q, want %q", i, res.Path, paths[i])
		}
		for host, l := range map[string]Load{"ladder serve": res.Serve, "nginx": res.Nginx} {
			if l.RPS <= 0 || l.Requests <= 0 || l.P50 <= 0 || l.P99 < l.P50 {
				t.Errorf("%s %s: %+v, want positive rate, count and latencies, p99 ≥ p50", host, res.Path, l)
			}
			if l.Errors != 0 {
				t.Errorf("%s %s: %d errors", host, res.Path, l.Errors)
			}
		}
		if len(res.ServeRounds) != 1 || len(res.NginxRounds) != 1 {
			t.Errorf("%s: %d and %d rounds, want 1 each", res.Path, len(res.ServeRounds), len(res.NginxRounds))
		}
	}
	// ladder serve holds the 1 MB brotli file in memory, and a Go program
	// is a few MB at least; a sum of 0 would mean nginx was not found.
	if r.ServePeakRSS < 1<<20 {
		t.Errorf("ServePeakRSS = %d, want at least 1 MiB", r.ServePeakRSS)
	}
	if r.NginxPeakRSS <= 0 {
		t.Errorf("NginxPeakRSS = %d, want nginx's processes found", r.NginxPeakRSS)
	}
}

// buildLadder builds the ladder command into the test's temp folder.
func buildLadder(t *testing.T) string {
	t.Helper()
	bin, err := browsertest.BuildLadder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// smallSite writes a site as the build would: a page with its .br and .gz
// siblings, which both hosts serve at /, and a 1 MB file with a .br, which
// both serve at its own name.
func smallSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	page := bytes.Repeat([]byte("<p>A level of a role, and the skills it asks for.</p>\n"), 100)
	page = append([]byte("<!doctype html><html lang=\"en\"><title>Level</title>\n"), page...)
	rng := rand.New(rand.NewPCG(1, 2))
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = "abcdefghijklmnopqrstuvwxyz \n"[rng.IntN(28)] // compressible, as code is
	}
	for name, body := range map[string][]byte{
		"index.html":    page,
		"index.html.br": compressBrotli(t, page),
		"index.html.gz": compressGzip(t, page),
		"big.bin":       big,
		"big.bin.br":    compressBrotli(t, big),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func compressBrotli(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func compressGzip(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
