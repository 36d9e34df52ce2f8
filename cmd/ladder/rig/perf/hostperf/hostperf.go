// Package hostperf measures the site's own static host, `ladder serve`,
// against Debian's nginx serving the same folder with the repository's
// web/nginx/ladder.conf: same machine, same run, same wrk load, so that
// "how much slower than nginx" is a number rather than a guess.
//
// Both servers listen on 127.0.0.1 and every request accepts only brotli,
// as a current browser would get the precompressed .br files. Runs
// alternate between the hosts and the median round is reported, so that a
// machine warming up or slowing down during the run weighs on both alike.
package hostperf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// Load is what wrk measured on one URL.
type Load struct {
	RPS      float64       // requests per second
	P50, P99 time.Duration // latency percentiles from wrk --latency
	Requests int
	Errors   int // socket errors plus non-2xx/3xx responses
}

// Result compares the two hosts on one path.
type Result struct {
	Path         string
	Serve, Nginx Load
	// ServeRounds and NginxRounds are every measured round, in the order
	// run, to show how much the median could have moved.
	ServeRounds, NginxRounds []Load
}

// Report is a whole measurement.
type Report struct {
	Results []Result
	// ServePeakRSS is the peak resident memory (VmHWM, bytes) of the ladder
	// serve process over the run.
	ServePeakRSS int64
	// Pinned says the hosts and wrk each had a core of their own.
	Pinned bool
	// NginxPeakRSS is the sum of the peak resident memory of nginx's
	// processes (master and workers), bytes, if it can be read; 0
	// otherwise. Pages the workers share with the master count once per
	// process, so it overstates what nginx holds.
	NginxPeakRSS int64
}

// Options says how hard and how long to measure; a zero field takes its
// default.
type Options struct {
	// Duration is one wrk run, a whole number of seconds as wrk takes no
	// fractions (default 10s).
	Duration time.Duration
	// Connections and Threads are wrk's -c and -t (default 32 and 2).
	Connections, Threads int
	// Rounds is how many times each host measures each path, alternating
	// serve, nginx, serve, nginx (default 3).
	Rounds int
	// Warmup is how long each host answers each path before the first
	// round, unmeasured (default 1s): the first requests fill caches.
	Warmup time.Duration
	// ServeGOMAXPROCS, when positive, is GOMAXPROCS for ladder serve. 0
	// leaves Go's default, every CPU, while the nginx of browsertest runs
	// one worker process: 1 compares them core for core.
	ServeGOMAXPROCS int
	// Pin puts each host on one core and wrk on another (see pin.go),
	// where the machine has two cores and taskset.
	Pin bool
}

// withDefaults fills in the zero fields and fails the test on values wrk
// would refuse.
func (o Options) withDefaults(tb testing.TB) Options {
	tb.Helper()
	o.Duration = cmp.Or(o.Duration, 10*time.Second)
	o.Connections = cmp.Or(o.Connections, 32)
	o.Threads = cmp.Or(o.Threads, 2)
	o.Rounds = cmp.Or(o.Rounds, 3)
	o.Warmup = cmp.Or(o.Warmup, time.Second)
	switch {
	case o.Duration < time.Second || o.Duration%time.Second != 0:
		tb.Fatalf("hostperf: duration %v: wrk only takes whole seconds", o.Duration)
	case o.Connections < 0 || o.Threads < 0 || o.Rounds < 0 || o.Warmup < 0 || o.ServeGOMAXPROCS < 0:
		tb.Fatalf("hostperf: negative option in %+v", o)
	case o.Connections < o.Threads:
		tb.Fatalf("hostperf: %d connections for %d threads: wrk needs one per thread at least", o.Connections, o.Threads)
	}
	return o
}

// host is one server under measurement.
type host struct {
	name, url string
}

// Measure serves the folder site with ladderBin (a built `ladder` command)
// and with nginx, checks that both answer every path with brotli, then
// loads each path with wrk, alternating hosts for o.Rounds rounds, and
// reports the median round (by requests per second; the lower of the two
// middle ones for an even count) per host and path. Paths start with "/".
//
// It fails the test when wrk, nginx or its brotli module is missing, when
// a host does not answer 200 with Content-Encoding br, or when wrk fails.
// Errors that wrk counts do not fail it: they are in the Report. Both
// servers stop when the test ends; ladder serve stops before Measure
// returns, after its peak memory is read.
func Measure(tb testing.TB, ladderBin, site string, paths []string, o Options) Report {
	tb.Helper()
	o = o.withDefaults(tb)
	requireWrk(tb)
	if len(paths) == 0 {
		tb.Fatal("hostperf: no paths to measure")
	}
	serve := startServe(tb, ladderBin, site, o.ServeGOMAXPROCS)
	ng := browsertest.Nginx(tb, site)
	o.Pin = o.Pin && canPin()
	if o.Pin {
		master := nginxMaster(ng)
		if master == 0 {
			tb.Fatal("hostperf: cannot find nginx's master process to pin it")
		}
		for _, pid := range append([]int{serve.cmd.Process.Pid, master}, children(master)...) {
			if err := pin(pid, hostCPU); err != nil {
				tb.Fatalf("hostperf: %v", err)
			}
		}
	}
	hosts := []host{{"ladder serve", serve.url}, {"nginx", ng.URL}}
	for _, h := range hosts {
		for _, p := range paths {
			if err := checkBrotli(h.url + p); err != nil {
				hint := ""
				if h.name == "nginx" && !ng.Brotli {
					hint = " (nginx has no brotli_static module: run scripts/test-deps.sh)"
				}
				tb.Fatalf("hostperf: %s: %v%s", h.name, err, hint)
			}
		}
	}
	for _, p := range paths {
		for _, h := range hosts {
			warmUp(h.url+p, o.Connections, o.Warmup)
		}
	}
	rounds := make([][2][]Load, len(paths)) // path, host, round
	for range o.Rounds {
		for i, p := range paths {
			for j, h := range hosts {
				rounds[i][j] = append(rounds[i][j], runWrk(tb, h.url+p, o))
			}
		}
	}
	r := Report{Pinned: o.Pin}
	for i, p := range paths {
		r.Results = append(r.Results, Result{
			Path:        p,
			Serve:       median(rounds[i][0]),
			Nginx:       median(rounds[i][1]),
			ServeRounds: rounds[i][0],
			NginxRounds: rounds[i][1],
		})
	}
	r.NginxPeakRSS = nginxPeakRSS(ng)
	r.ServePeakRSS = serve.stop(tb)
	return r
}

// median is the round with the median rate: a whole wrk run, so that its
// percentiles and rate belong together.
func median(loads []Load) Load {
	if len(loads) == 0 {
		return Load{}
	}
	sorted := slices.SortedFunc(slices.Values(loads), func(a, b Load) int { return cmp.Compare(a.RPS, b.RPS) })
	return sorted[(len(sorted)-1)/2]
}

// String is the report as a table, for a test's log.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-40s %-12s %12s %10s %10s %10s %7s\n", "path", "host", "req/s", "p50", "p99", "requests", "errors")
	for _, res := range r.Results {
		for _, row := range []struct {
			name string
			l    Load
		}{{"ladder serve", res.Serve}, {"nginx", res.Nginx}} {
			fmt.Fprintf(&b, "%-40s %-12s %12.0f %10v %10v %10d %7d\n",
				res.Path, row.name, row.l.RPS, row.l.P50, row.l.P99, row.l.Requests, row.l.Errors)
		}
	}
	fmt.Fprintf(&b, "peak RSS: ladder serve %.1f MiB, nginx %.1f MiB\n",
		float64(r.ServePeakRSS)/(1<<20), float64(r.NginxPeakRSS)/(1<<20))
	return b.String()
}
