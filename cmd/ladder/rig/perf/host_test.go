package perf

import (
	"fmt"
	"testing"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
	"github.com/ladder-explorer/ladder/cmd/ladder/rig/perf/hostperf"
)

// measureHost loads ladder serve and nginx, serving the same site on the
// same machine, with wrk: the level page and app.wasm, both with brotli.
func measureHost(b *testing.B, rep *Report, dir string) {
	b.Helper()
	bin, err := browsertest.BuildLadder(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	// One core each: nginx runs one worker (with two, app.wasm came without
	// brotli from Debian's brotli_static module on a second connection), so
	// ladder serve runs with GOMAXPROCS=1, and wrk has the other core.
	opts := hostperf.Options{Rounds: 3, ServeGOMAXPROCS: 1, Pin: true}
	r := hostperf.Measure(b, bin, dir, []string{levelPage, "/" + wasmFile(b, dir)}, opts)
	for _, res := range r.Results {
		if res.Serve.Errors+res.Nginx.Errors > 0 {
			b.Fatalf("%s: %d errors from ladder serve, %d from nginx", res.Path, res.Serve.Errors, res.Nginx.Errors)
		}
		rep.Add(Row{Section: "host", Name: res.Path + ", requests per second", Unit: "req/s", Value: res.Serve.RPS,
			Reference: "nginx", RefValue: res.Nginx.RPS, Target: "ratio>=0.90"})
		rep.Add(Row{Section: "host", Name: res.Path + ", p99 latency", Unit: "ms", Value: ms(res.Serve.P99),
			Reference: "nginx", RefValue: ms(res.Nginx.P99), Target: "ratio<=1.20"})
	}
	rep.Add(Row{Section: "host", Name: "peak memory", Unit: "B", Value: float64(r.ServePeakRSS), Reference: "nginx, all processes", RefValue: float64(r.NginxPeakRSS)})
	pinned := "pinned with taskset"
	if !r.Pinned {
		pinned = "not pinned: this machine lacks two cores or taskset"
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("host: wrk, brotli, median of %d rounds taken in turns; one core each (nginx one worker with sendfile, ladder serve GOMAXPROCS=1), wrk on the other, %s", opts.Rounds, pinned))
}
