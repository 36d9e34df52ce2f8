package perf

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/host"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
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
// largest contentful paint, when the visitor first used the page (a key
// press), and when the page is ready: when the explorer marks its document
// as run by the app (its slider works), or, for the minimal client, when
// go-app has replaced the prerendered page.
const timingScript = `window.perf = {};
new PerformanceObserver(l => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") perf.fcp = e.startTime }).observe({type: "paint", buffered: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) perf.lcp = e.startTime }).observe({type: "largest-contentful-paint", buffered: true});
addEventListener("keydown", () => { if (perf.used === undefined) perf.used = performance.now() }, true);
new MutationObserver(() => {
	if (perf.ready !== undefined) return;
	if (document.documentElement.dataset.app === "ready" || (window.perfMinimal && perf.sawPage && !document.querySelector(".page"))) {
		perf.ready = performance.now();
	} else if (document.querySelector(".page")) {
		perf.sawPage = true;
	}
}).observe(document, {subtree: true, childList: true, attributes: true});`

// served is a site served in this process, metered as a proxy would
// meter it.
type served struct {
	url   string
	meter *browsertest.Meter
}

// serve serves dir with the project's host on a free loopback port until
// the benchmark ends.
func serve(b *testing.B, dir string) served {
	b.Helper()
	h, err := host.New(host.Config{Dir: dir, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	url, meter := browsertest.Metered(b, h)
	return served{url, meter}
}

// visit is what one page load measured, in milliseconds from the start of
// navigation, and the bytes the page itself transferred. Used and Ready
// are zero for a visit that only reads.
type visit struct {
	FCP, LCP    float64
	Used, Ready float64
	Bytes       float64
}

// StartMs is the time from the first use of the page to the app running.
func (v visit) StartMs() float64 { return v.Ready - v.Used }

// loadOptions say how a page is loaded.
type loadOptions struct {
	minimal bool // the site runs the minimal client: ready when go-app replaced the page
	use     bool // press a key once the page has painted, and wait for the app
	fast    bool // the network as it is, not throttled
}

// load opens url in a new tab of browser, on the throttled network, and
// waits until it has loaded and painted its largest content; then, with
// o.use, it presses a key, as a visitor who uses the page does, and waits
// until the app runs.
func load(browser context.Context, url string, o loadOptions) (visit, context.Context, context.CancelFunc, error) {
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
	if !o.fast {
		if _, err := chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{&throttled},
		}); err != nil {
			return fail(fmt.Errorf("throttle: %w", err))
		}
	}
	script := timingScript
	if o.minimal {
		script = "window.perfMinimal = true;\n" + script
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		return fail(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		return fail(err)
	}
	if err := browsertest.WaitFor(tab, `perf.lcp !== undefined && document.readyState === "complete"`, pageTimeout); err != nil {
		return fail(err)
	}
	time.Sleep(300 * time.Millisecond) // a last LCP candidate
	if o.use {
		if err := chromedp.Do(tab, chromedp.KeyEvent("k")); err != nil {
			return fail(err)
		}
		if err := browsertest.WaitFor(tab, `perf.used !== undefined && perf.ready !== undefined`, pageTimeout); err != nil {
			return fail(err)
		}
	}
	v, err := chromedp.Run(tab, chromedp.Evaluate[visit](`({FCP: perf.fcp, LCP: perf.lcp, Used: perf.used || 0, Ready: perf.ready || 0,
		Bytes: performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((n, e) => n + e.transferSize, 0)})`))
	if err != nil {
		return fail(err)
	}
	return v, tab, cancel, nil
}

// coldVisit loads url once in a new browser with a fresh profile, on the
// throttled network, and uses the page when use says so. With a meter, it
// then waits (after a use, until the service worker is installed) until
// the server has been quiet for a second, and returns what the server sent
// in all: the page's requests and, after a use, the app and the worker's
// copies of the site.
func coldVisit(b *testing.B, url string, use, minimal bool, meter *browsertest.Meter) (visit, int64) {
	b.Helper()
	browser, stop, err := browsertest.Launch(filepath.Join(b.TempDir(), "profile"))
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	start := int64(0)
	if meter != nil {
		start = meter.Bytes()
	}
	v, tab, cancel, err := load(browser, url, loadOptions{use: use, minimal: minimal})
	if err != nil {
		b.Fatalf("cold visit to %s: %v", url, err)
	}
	defer cancel()
	if meter == nil {
		return v, 0
	}
	if use && !minimal {
		if err := workerReady(tab); err != nil {
			b.Fatalf("cold visit to %s: the service worker: %v", url, err)
		}
	}
	last, deadline := meter.Bytes(), time.Now().Add(pageTimeout)
	for quiet := time.Now(); time.Since(quiet) < time.Second; {
		if time.Now().After(deadline) {
			b.Fatal("the server never went quiet after the cold visit")
		}
		time.Sleep(100 * time.Millisecond)
		if n := meter.Bytes(); n != last {
			last, quiet = n, time.Now()
		}
	}
	return v, last - start
}

// warmVisits uses url once, which installs the site's service worker, then
// loads and uses it again runs times, each in a new tab, and returns each
// of those visits' time from the use to the app running: the first is the
// second visit, the ninth the tenth.
func warmVisits(b *testing.B, url string, minimal bool, runs int) []float64 {
	b.Helper()
	p := installedProfile(b, url, minimal)
	defer p.stop()
	var start []float64
	for range runs {
		start = append(start, p.visit(b))
	}
	return start
}

// pairedWarmVisits is warmVisits of two sites, each in a profile of its
// own, their visits taken in turn, which goes first alternating, so that
// whatever else the machine does falls on both alike: the measure of a
// ratio of the two.
func pairedWarmVisits(b *testing.B, url, ref string, runs int) (times, refTimes []float64) {
	b.Helper()
	p, r := installedProfile(b, url, false), installedProfile(b, ref, false)
	defer p.stop()
	defer r.stop()
	for i := range runs {
		if i%2 == 0 {
			times = append(times, p.visit(b))
			refTimes = append(refTimes, r.visit(b))
		} else {
			refTimes = append(refTimes, r.visit(b))
			times = append(times, p.visit(b))
		}
	}
	return times, refTimes
}

// warmProfile is a browser profile in which a site's worker is installed.
type warmProfile struct {
	browser context.Context
	stop    func()
	url     string
	minimal bool
}

// installedProfile launches a browser on a new profile and uses url once,
// which installs the site's service worker. Its stop ends the browser.
func installedProfile(b *testing.B, url string, minimal bool) *warmProfile {
	b.Helper()
	browser, stop, err := browsertest.Launch(filepath.Join(b.TempDir(), "profile"))
	if err != nil {
		b.Fatal(err)
	}
	_, tab, cancel, err := load(browser, url, loadOptions{use: true, minimal: minimal, fast: true})
	if err != nil {
		stop()
		b.Fatalf("first visit to %s: %v", url, err)
	}
	defer cancel()
	// Installed, then in control of the pages loaded after it.
	if err := workerReady(tab); err != nil {
		stop()
		b.Fatalf("install the service worker: %v", err)
	}
	return &warmProfile{browser, stop, url, minimal}
}

// visit loads and uses the page in a new tab, and returns the time from
// the use to the app running.
func (p *warmProfile) visit(b *testing.B) float64 {
	b.Helper()
	v, _, cancel, err := load(p.browser, p.url, loadOptions{use: true, minimal: p.minimal})
	if err != nil {
		b.Fatalf("warm visit to %s: %v", p.url, err)
	}
	cancel()
	return v.StartMs()
}

// measureVisits measures a cold reading visit to the level page against
// the same page with its scripts removed; the time from the first use to
// the app running, cold and warm, against the minimal client's; and the
// slider's first step before the app runs against following a tick link.
func measureVisits(b *testing.B, rep *Report, dir string, minimalWasm map[string][]byte) {
	b.Helper()
	explorer := serve(b, dir)
	floor := serve(b, floorSite(b, dir))
	minimal := serve(b, minimalSite(b, dir, minimalWasm))
	var read, bare, used, usedMinimal []visit
	var readServed, bareServed, usedServed []float64
	for range coldRuns {
		v, n := coldVisit(b, explorer.url+levelPage, false, false, explorer.meter)
		read, readServed = append(read, v), append(readServed, float64(n))
		v, n = coldVisit(b, floor.url+levelPage, false, false, floor.meter)
		bare, bareServed = append(bare, v), append(bareServed, float64(n))
		v, n = coldVisit(b, explorer.url+levelPage, true, false, explorer.meter)
		used, usedServed = append(used, v), append(usedServed, float64(n))
		v, _ = coldVisit(b, minimal.url+levelPage, true, true, nil)
		usedMinimal = append(usedMinimal, v)
	}
	field := func(vs []visit, f func(visit) float64) float64 {
		var xs []float64
		for _, v := range vs {
			xs = append(xs, f(v))
		}
		return median(xs)
	}
	fcp, lcp := func(v visit) float64 { return v.FCP }, func(v visit) float64 { return v.LCP }
	bytes, startMs := func(v visit) float64 { return v.Bytes }, visit.StartMs
	rep.Add(Row{Section: "cold visit", Name: "reading: first contentful paint", Unit: "ms", Value: field(read, fcp),
		Reference: "page without scripts", RefValue: field(bare, fcp), Target: "ratio<=1.10"})
	rep.Add(Row{Section: "cold visit", Name: "reading: largest contentful paint", Unit: "ms", Value: field(read, lcp),
		Reference: "page without scripts", RefValue: field(bare, lcp), Target: "ratio<=1.10"})
	rep.Add(Row{Section: "cold visit", Name: "first use to app running (slow 4G)", Unit: "ms", Value: field(used, startMs),
		Reference: "minimal client", RefValue: field(usedMinimal, startMs)})
	rep.Add(Row{Section: "size", Name: "reading visit, page's transfers", Unit: "B", Value: field(read, bytes),
		Reference: "page without scripts", RefValue: field(bare, bytes)})
	rep.Add(Row{Section: "size", Name: "reading visit, all the server sent", Unit: "B", Value: median(readServed),
		Reference: "page without scripts", RefValue: median(bareServed), Target: "value<=60000"})
	rep.Add(Row{Section: "size", Name: "first use, with the app and the worker's copies", Unit: "B", Value: median(usedServed)})

	warm := warmVisits(b, explorer.url+levelPage, false, warmRuns)
	ref := warmVisits(b, minimal.url+levelPage, true, warmRuns)
	for _, n := range []int{2, 10} {
		rep.Add(Row{Section: "warm visit", Name: fmt.Sprintf("first use to app running, visit %d", n), Unit: "ms", Value: warm[n-2],
			Reference: "minimal client", RefValue: ref[n-2], Target: "value<=1000"})
	}
	measureFirstStep(b, rep, explorer.url)
	rep.Notes = append(rep.Notes, fmt.Sprintf("visits: median of %d cold loads, Chromium throttled to 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency (slow 4G, no CPU slowdown); a use is a key press once the page has painted; warm visits are the 2nd and the 10th of one profile, the worker installed by the 1st", coldRuns))
}

// firstStepScript times, across documents, from a key press to the next
// page's largest paint: the press's wall-clock time is kept in the tab's
// session storage.
const firstStepScript = `addEventListener("keydown", () => sessionStorage.setItem("perf-pressed", String(performance.timeOrigin + performance.now())), true);
addEventListener("click", () => sessionStorage.setItem("perf-pressed", String(performance.timeOrigin + performance.now())), true);`

// measureFirstStep times the level slider's first step before the app
// runs, on a fast network, from the key press to the next level's page
// painted, against following a tick link the same way (Enter on it).
func measureFirstStep(b *testing.B, rep *Report, origin string) {
	b.Helper()
	step := func(focus string) float64 {
		browser, stop, err := browsertest.Launch(filepath.Join(b.TempDir(), "profile"))
		if err != nil {
			b.Fatal(err)
		}
		defer stop()
		tab, cancel := chromedp.NewContext(browser)
		defer cancel()
		if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: timingScript + "\n" + firstStepScript}); err != nil {
			b.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(origin+levelPage)); err != nil {
			b.Fatal(err)
		}
		if err := browsertest.WaitFor(tab, `document.documentElement.dataset.loader === "on" && document.readyState === "complete"`, pageTimeout); err != nil {
			b.Fatal(err)
		}
		key := kb.ArrowRight
		if focus != "#level-slider" {
			key = kb.Enter
		}
		if err := chromedp.Do(tab, chromedp.Focus(focus), chromedp.KeyEvent(key)); err != nil {
			b.Fatal(err)
		}
		if err := browsertest.WaitFor(tab, `location.pathname.endsWith("/staff") && window.perf && perf.lcp !== undefined`, pageTimeout); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(tab, chromedp.Evaluate[float64](`performance.timeOrigin + perf.lcp - Number(sessionStorage.getItem("perf-pressed"))`))
		if err != nil {
			b.Fatal(err)
		}
		return ms
	}
	var slider, link []float64
	for range coldRuns {
		slider = append(slider, step("#level-slider"))
		link = append(link, step(`.ticks a[href$="/staff"]`))
	}
	rep.Add(Row{Section: "cold visit", Name: "slider step before the app, to the next level painted", Unit: "ms", Value: median(slider),
		Reference: "tick link followed", RefValue: median(link), Target: "value<=1000"})
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
// (with its .br and .gz, by extension) under the explorer's name for it.
func minimalSite(b *testing.B, dir string, wasm map[string][]byte) string {
	b.Helper()
	out := filepath.Join(b.TempDir(), "minimal")
	if err := os.CopyFS(out, os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	for ext, data := range wasm {
		if err := os.WriteFile(filepath.Join(out, wasmFile(b, dir)+ext), data, 0o644); err != nil {
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
