package perf

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/browsertest"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/host"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
)

// The throttled network of the visits: 1.6 Mbit/s down, 750 kbit/s up,
// 150 ms round trip.
var throttled = network.Conditions{Latency: 150, DownloadThroughput: 1.6e6 / 8, UploadThroughput: 750e3 / 8}

// Runs of each visit: the median is reported.
const (
	coldRuns = 5
	warmRuns = 10
)

// pageTimeout bounds every wait on a page: a cold visit downloads 1.5 MB
// at 200 KB/s.
const pageTimeout = 90 * time.Second

// timingScript records, from the start of the document, the first and the
// largest contentful paint, and when the page is ready: when the explorer
// marks its document as run by the app (its slider works), or, for the
// minimal client, when go-app has replaced the prerendered page.
const timingScript = `window.perf = {};
new PerformanceObserver(l => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") perf.fcp = e.startTime }).observe({type: "paint", buffered: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) perf.lcp = e.startTime }).observe({type: "largest-contentful-paint", buffered: true});
new MutationObserver(() => {
	if (perf.ready !== undefined) return;
	if (document.documentElement.dataset.app === "ready" || (window.perfMinimal && perf.sawPage && !document.querySelector(".page"))) {
		perf.ready = performance.now();
	} else if (document.querySelector(".page")) {
		perf.sawPage = true;
	}
}).observe(document, {subtree: true, childList: true, attributes: true});`

// counting is a site served in this process that counts the bytes it
// sends.
type counting struct {
	url   string
	bytes atomic.Int64
}

// serve serves dir with the project's host on a free loopback port until
// the benchmark ends.
func serve(b *testing.B, dir string) *counting {
	b.Helper()
	h, err := host.New(host.Config{Dir: dir, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	c := &counting{url: "http://" + l.Addr().String()}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(countWriter{w, &c.bytes}, r)
	}), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(l) }()
	b.Cleanup(func() { _ = srv.Close() })
	return c
}

// countWriter counts the body bytes written.
type countWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countWriter) Write(p []byte) (int, error) {
	w.n.Add(int64(len(p)))
	return w.ResponseWriter.Write(p)
}

// visit is what one page load measured, in milliseconds from the start of
// navigation, and the bytes the page itself transferred.
type visit struct {
	FCP, LCP, Ready float64
	Bytes           float64
}

// load opens url in a new tab of browser, on the throttled network, and
// waits until the page is ready (or, when wantReady is false, until it has
// loaded and painted its largest content).
func load(browser context.Context, url string, minimal, wantReady bool) (visit, context.Context, context.CancelFunc, error) {
	tab, cancel := chromedp.NewContext(browser)
	fail := func(err error) (visit, context.Context, context.CancelFunc, error) {
		cancel()
		return visit{}, nil, nil, err
	}
	if err := chromedp.Do(tab); err != nil {
		return fail(err)
	}
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		return fail(err)
	}
	if _, err := chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{&throttled},
	}); err != nil {
		return fail(fmt.Errorf("throttle: %w", err))
	}
	script := timingScript
	if minimal {
		script = "window.perfMinimal = true;\n" + script
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		return fail(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		return fail(err)
	}
	done := `perf.lcp !== undefined && document.readyState === "complete"`
	if wantReady {
		done += ` && perf.ready !== undefined`
	}
	if err := browsertest.WaitFor(tab, done, pageTimeout); err != nil {
		return fail(err)
	}
	time.Sleep(300 * time.Millisecond) // a last LCP candidate
	v, err := chromedp.Run(tab, chromedp.Evaluate[visit](`({FCP: perf.fcp, LCP: perf.lcp, Ready: perf.ready || 0,
		Bytes: performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((n, e) => n + e.transferSize, 0)})`))
	if err != nil {
		return fail(err)
	}
	return v, tab, cancel, nil
}

// coldVisit loads url once in a new browser with a fresh profile. With
// served, it then waits until the service worker is installed and the
// server has been quiet for a second, and returns what the server sent in
// all: the page's requests and the worker's copies of the site.
func coldVisit(b *testing.B, url string, wantReady bool, served *atomic.Int64) (visit, int64) {
	b.Helper()
	browser, stop, err := browsertest.Launch(filepath.Join(b.TempDir(), "profile"))
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	start := int64(0)
	if served != nil {
		start = served.Load()
	}
	v, tab, cancel, err := load(browser, url, false, wantReady)
	if err != nil {
		b.Fatalf("cold visit to %s: %v", url, err)
	}
	defer cancel()
	if served == nil {
		return v, 0
	}
	if err := workerReady(tab); err != nil {
		b.Fatalf("cold visit to %s: the service worker: %v", url, err)
	}
	last, deadline := served.Load(), time.Now().Add(pageTimeout)
	for quiet := time.Now(); time.Since(quiet) < time.Second; {
		if time.Now().After(deadline) {
			b.Fatal("the server never went quiet after the cold visit")
		}
		time.Sleep(100 * time.Millisecond)
		if n := served.Load(); n != last {
			last, quiet = n, time.Now()
		}
	}
	return v, last - start
}

// warmVisits installs the site's service worker with one visit, then loads
// url runs times, each in a new tab, and returns the ready times.
func warmVisits(b *testing.B, url string, minimal bool, runs int) []float64 {
	b.Helper()
	browser, stop, err := browsertest.Launch(filepath.Join(b.TempDir(), "profile"))
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		b.Fatal(err)
	}
	// Installed, then in control of the pages loaded after it.
	if err := workerReady(tab); err != nil {
		b.Fatalf("install the service worker: %v", err)
	}
	var ready []float64
	for range runs {
		v, _, cancel, err := load(browser, url, minimal, true)
		if err != nil {
			b.Fatalf("warm visit to %s: %v", url, err)
		}
		cancel()
		ready = append(ready, v.Ready)
	}
	return ready
}

// measureVisits measures the cold first visit to the level page against
// the same page with its scripts removed, and the warm visit against the
// minimal client's warm start.
func measureVisits(b *testing.B, rep *Report, dir string, minimalWasm map[string][]byte) {
	b.Helper()
	explorer := serve(b, dir)
	floor := serve(b, floorSite(b, dir))
	var cold, bare []visit
	var served []float64
	for range coldRuns {
		v, n := coldVisit(b, explorer.url+levelPage, true, &explorer.bytes)
		cold, served = append(cold, v), append(served, float64(n))
		v, _ = coldVisit(b, floor.url+levelPage, false, nil)
		bare = append(bare, v)
	}
	field := func(vs []visit, f func(visit) float64) float64 {
		var xs []float64
		for _, v := range vs {
			xs = append(xs, f(v))
		}
		return median(xs)
	}
	fcp, lcp := func(v visit) float64 { return v.FCP }, func(v visit) float64 { return v.LCP }
	rep.Add(Row{Section: "cold visit", Name: "first contentful paint", Unit: "ms", Value: field(cold, fcp),
		Reference: "page without scripts", RefValue: field(bare, fcp), Target: "ratio<=1.10"})
	rep.Add(Row{Section: "cold visit", Name: "largest contentful paint", Unit: "ms", Value: field(cold, lcp),
		Reference: "page without scripts", RefValue: field(bare, lcp), Target: "ratio<=1.10"})
	rep.Add(Row{Section: "cold visit", Name: "slider works (app mounted)", Unit: "ms", Value: field(cold, func(v visit) float64 { return v.Ready })})
	rep.Add(Row{Section: "size", Name: "cold visit, page's transfers", Unit: "B", Value: field(cold, func(v visit) float64 { return v.Bytes }),
		Reference: "page without scripts", RefValue: field(bare, func(v visit) float64 { return v.Bytes })})
	rep.Add(Row{Section: "size", Name: "cold visit, served with the worker's copies", Unit: "B", Value: median(served)})

	minimal := serve(b, minimalSite(b, dir, minimalWasm))
	warm := warmVisits(b, explorer.url+levelPage, false, warmRuns)
	ref := warmVisits(b, minimal.url+levelPage, true, warmRuns)
	rep.Add(Row{Section: "warm visit", Name: "slider works, median", Unit: "ms", Value: median(warm),
		Reference: "minimal client mounted", RefValue: median(ref), Target: "value<=1000"})
	rep.Notes = append(rep.Notes, fmt.Sprintf("visits: median of %d cold and %d warm loads, Chromium throttled to 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency", coldRuns, warmRuns))
}

// workerReady waits until the page's service worker is installed and
// active.
func workerReady(tab context.Context) error {
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => { window.swReady = true }), true`)); err != nil {
		return err
	}
	return browsertest.WaitFor(tab, `window.swReady === true`, pageTimeout)
}

// scriptTag is a script element, inline or not.
var scriptTag = regexp.MustCompile(`(?s)<script\b.*?</script>`)

// floorSite is a copy of the site whose level page has no script: the
// same HTML and CSS as a page that is only a page.
func floorSite(b *testing.B, dir string) string {
	b.Helper()
	out := filepath.Join(b.TempDir(), "floor")
	if err := os.CopyFS(out, os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(out, filepath.FromSlash(levelPage)+".html")
	html, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	bare := scriptTag.ReplaceAll(html, nil)
	if bytes.Equal(bare, html) {
		b.Fatal("the level page has no script to remove")
	}
	writeCompressed(b, file, bare)
	return out
}

// minimalSite is a copy of the site that runs the minimal client instead
// of the explorer: the same pages, scripts and worker, another app.wasm
// (with its .br and .gz, by extension).
func minimalSite(b *testing.B, dir string, wasm map[string][]byte) string {
	b.Helper()
	out := filepath.Join(b.TempDir(), "minimal")
	if err := os.CopyFS(out, os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	for ext, data := range wasm {
		if err := os.WriteFile(filepath.Join(out, "web", "app.wasm"+ext), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

// writeCompressed writes a file and its .br and .gz siblings.
func writeCompressed(b *testing.B, file string, data []byte) {
	b.Helper()
	for ext, d := range map[string][]byte{"": data, ".br": site.Brotli(data), ".gz": site.Gzip(data)} {
		if err := os.WriteFile(file+ext, d, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}
