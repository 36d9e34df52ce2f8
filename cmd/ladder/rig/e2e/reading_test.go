package e2e

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/host"
	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// The reading contract: a reading page is a document until the visitor
// uses it; then the app starts, and the whole-site offline copy with it.

// readingBudget is the most a reading visit may transfer, service worker
// included.
const readingBudget = 60_000

// readingPages are the pages that read as documents, one of each kind.
var readingPages = []string{"/", role, senior, track, grid, "/roles/nope"}

// gatedSite is the content's site behind a meter, with app.wasm held back
// until the test lets it through.
type gatedSite struct {
	hosted
	meter *browsertest.Meter
	gate  chan struct{} // closed: app.wasm goes out
	mu    sync.Mutex
	uris  []string // every request's path and query, as the host saw it
}

func newGatedSite(t *testing.T, dir string) *gatedSite {
	t.Helper()
	h, err := host.New(host.Config{Dir: dir, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	g := &gatedSite{gate: make(chan struct{})}
	url, meter := browsertest.Metered(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g.mu.Lock()
		g.uris = append(g.uris, r.URL.RequestURI())
		g.mu.Unlock()
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			select {
			case <-g.gate:
			case <-r.Context().Done():
				return
			case <-time.After(waitTimeout):
				http.Error(w, "held back too long", http.StatusServiceUnavailable)
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	g.hosted, g.meter = hosted{url: url}, meter
	return g
}

// sent returns the requests whose path or query held word, whenever they
// were made.
func (g *gatedSite) sent(word string) []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	var out []string
	for _, u := range g.uris {
		if strings.Contains(strings.ToLower(u), word) {
			out = append(out, u)
		}
	}
	return out
}

// asked reports whether a path ending in suffix was asked for since the
// meter's last reset.
func (g *gatedSite) asked(suffix string) bool {
	for _, p := range g.meter.Paths() {
		if strings.HasSuffix(p, suffix) {
			return true
		}
	}
	return false
}

func TestReading(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site and drives Chromium")
	}
	t.Parallel()
	dir := buildSite(t, contentDir)
	g := newGatedSite(t, dir)
	close(g.gate)
	t.Run("a reading visit is a document", func(t *testing.T) {
		for _, path := range readingPages {
			testReadingVisit(t, g, path)
		}
	})
	t.Run("starts when used", func(t *testing.T) { testStartWhenUsed(t, g) })
	t.Run("app pages and the installed app start at once", func(t *testing.T) { testStartAtOnce(t, g) })
	t.Run("offline copy once used", func(t *testing.T) { testOfflineCopy(t, g) })

	t.Run("slider before the app", func(t *testing.T) { testSliderBeforeApp(t, newGatedSite(t, dir)) })
	t.Run("a button before the app", func(t *testing.T) { testButtonBeforeApp(t, newGatedSite(t, dir)) })
	t.Run("a picker before the app", func(t *testing.T) { testPickerBeforeApp(t, newGatedSite(t, dir)) })
	t.Run("a comparison's link before the app", func(t *testing.T) { testComparisonBeforeApp(t, newGatedSite(t, dir)) })
}

// testReadingVisit opens path in a new browser, as a first visit, and reads
// it: it scrolls by wheel and by touch, and waits. Nothing of the app's
// comes, no service worker is registered, nothing is cached, and the visit
// stays within the budget.
func testReadingVisit(t *testing.T, g *gatedSite, path string) {
	t.Helper()
	browser := browsertest.Browser(t)
	tab := browsertest.NewTab(t, browser)
	if _, err := chromedp.Call(tab, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5}); err != nil {
		t.Fatal(err)
	}
	g.meter.Reset()
	if err := chromedp.Do(tab, chromedp.Navigate(g.at(path))); err != nil {
		t.Fatal(err)
	}
	if eval[float64](t, tab, `document.documentElement.scrollHeight - innerHeight`) > 200 {
		scroll(t, tab, input.GestureSourceTypeMouse)
		waitFor(t, tab, `scrollY > 100`)
		scroll(t, tab, input.GestureSourceTypeTouch)
		waitFor(t, tab, `scrollY > 300`)
	}
	// What a late script would ask for has time to come.
	time.Sleep(time.Second)
	for _, f := range []string{".wasm", "/wasm_exec.js", "/app.js", "/app-worker.js"} {
		if g.asked(f) {
			t.Errorf("%s: reading asked for %s (asked: %v)", path, f, g.meter.Paths())
		}
	}
	if eval[bool](t, tab, `document.documentElement.hasAttribute("data-app")`) {
		t.Errorf("%s: the app started while the visitor only read", path)
	}
	if n := await[int](t, tab, `navigator.serviceWorker.getRegistrations().then(r => r.length)`); n != 0 {
		t.Errorf("%s: %d service workers registered for a reader", path, n)
	}
	if n := await[int](t, tab, `caches.keys().then(k => k.length)`); n != 0 {
		t.Errorf("%s: %d caches made for a reader", path, n)
	}
	if !g.asked("/web/loader.js") || !g.asked("/web/style.css") {
		t.Errorf("%s: the page's own files were not asked for: %v", path, g.meter.Paths())
	}
	sent := g.meter.Bytes()
	t.Logf("%s: a reading visit transfers %d B in %d requests", path, sent, len(g.meter.Paths()))
	if sent > readingBudget {
		t.Errorf("%s: a reading visit transfers %d B, over the %d B budget: %v", path, sent, readingBudget, g.meter.Paths())
	}
}

// scroll scrolls the page down by half a screen or more, as a wheel or a
// finger does.
func scroll(t *testing.T, tab context.Context, source input.GestureSourceType) {
	t.Helper()
	_, err := chromedp.Call(tab, input.SynthesizeScrollGesture, input.SynthesizeScrollGestureParams{
		X: 200, Y: 400, YDistance: -500, GestureSourceType: source,
	})
	if err != nil {
		t.Fatal(err)
	}
}

// await evaluates a promise in the tab and returns what it settles to.
func await[T any](t *testing.T, tab context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// testStartWhenUsed uses a level page in each of the ways that start the
// app, then checks that the app works in place.
func testStartWhenUsed(t *testing.T, g *gatedSite) {
	for _, u := range []struct {
		name string
		do   chromedp.Action[chromedp.Void]
	}{
		{"a key press", chromedp.KeyEvent("k")},
		{"a mouse press on the text", chromedp.Click(".expectations .prose p", chromedp.NodeVisible)},
		{"focus on the slider", chromedp.Focus("#level-slider")},
	} {
		g.meter.Reset()
		tab := browsertest.NewTab(t, browsertest.Browser(t)) // a first visit: no worker yet
		if err := chromedp.Do(tab, chromedp.Navigate(g.at(senior))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		if g.asked(".wasm") {
			t.Fatalf("%s: app.wasm was asked for before the page was used", u.name)
		}
		if err := chromedp.Do(tab, u.do); err != nil {
			t.Fatalf("%s: %v", u.name, err)
		}
		waitFor(t, tab, appReady)
		if !g.asked(".wasm") {
			t.Errorf("%s: the app runs, but app.wasm was never asked for", u.name)
		}
	}

	// Once the app runs, the slider and the ticks work in place: no new
	// document.
	tab := open(t, browsertest.Browser(t), g.hosted, senior)
	eval[bool](t, tab, `window.stayed = true`)
	if err := chromedp.Do(tab, chromedp.Focus("#level-slider"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+role+`/staff" && document.querySelector("h1").textContent === "Staff DevOps engineer" && window.stayed === true`)
	if err := chromedp.Do(tab, chromedp.Click(`.ticks a[href$="/ii"]`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+role+`/ii" && document.querySelector("h1").textContent === "DevOps engineer II" && window.stayed === true`)
}

// testStartAtOnce: compare and assess, a page in the installed app, and a
// page the visitor reaches after using another, start the app unasked.
func testStartAtOnce(t *testing.T, g *gatedSite) {
	browser := browsertest.Browser(t)
	for _, path := range []string{compareSenior, assessDevops} {
		tab := browsertest.NewTab(t, browser)
		if err := chromedp.Do(tab, chromedp.Navigate(g.at(path))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, tab, appReady)
	}

	// Chromium's emulation does not cover display-mode, so the page is told
	// what an installed app's window answers.
	standalone := browsertest.NewTab(t, browser)
	if _, err := chromedp.Call(standalone, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `const matchMediaOfTheBrowser = matchMedia.bind(window);
window.matchMedia = q => matchMediaOfTheBrowser(/display-mode:\s*standalone/.test(q) ? "all" : q);`,
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(standalone, chromedp.Navigate(g.at(senior))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, standalone, `matchMedia("(display-mode: standalone)").matches`) {
		t.Fatal("the page was not told it runs in the installed app")
	}
	waitFor(t, standalone, appReady)

	// Installed from a reading page: the browser fires appinstalled there,
	// and the app starts (with it, the offline copy).
	installed := browsertest.NewTab(t, browser)
	if err := chromedp.Do(installed, chromedp.Navigate(g.at(senior))); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, installed, `document.documentElement.hasAttribute("data-app")`) {
		t.Fatal("the app started before the page was installed")
	}
	eval[bool](t, installed, `dispatchEvent(new Event("appinstalled"))`)
	waitFor(t, installed, appReady)

	// Used once, then a document load in the same tab (a link opened
	// before the app ran, a reload): the next page starts at once.
	tab := open(t, browser, g.hosted, role)
	if err := chromedp.Do(tab, chromedp.Navigate(g.at(grid))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, appReady+` && document.querySelector("h1").textContent === "The whole ladder"`)
}

// testOfflineCopy: the whole site is kept once the visitor uses a page, or
// asks for it, and not before.
func testOfflineCopy(t *testing.T, g *gatedSite) {
	const kept = `document.querySelector(".footer").innerText.includes("Every page is kept on this device")`
	for _, ask := range []bool{false, true} {
		browser := browsertest.Browser(t)
		tab := browsertest.NewTab(t, browser)
		if err := chromedp.Do(tab, chromedp.Navigate(g.at(role))); err != nil {
			t.Fatal(err)
		}
		if n := await[int](t, tab, `navigator.serviceWorker.getRegistrations().then(r => r.length)`); n != 0 {
			t.Fatalf("%d service workers before the page was used", n)
		}
		if ask {
			if got := eval[string](t, tab, `document.querySelector(".footer").innerText`); got != "Nothing you do here leaves your device. Keep available offline" {
				t.Fatalf("before a use, the footer reads %q", got)
			}
			if err := chromedp.Do(tab, chromedp.Click("#keep-offline")); err != nil {
				t.Fatal(err)
			}
		} else {
			use(t, tab)
		}
		waitFor(t, tab, appReady)
		await[bool](t, tab, `navigator.serviceWorker.ready.then(() => true)`)
		waitFor(t, tab, kept)
		// The worker keeps the app, its shell and the data, from which
		// the app shows every page offline (testOffline).
		missing := await[[]string](t, tab, `(async () => {
			const names = await caches.keys();
			const cache = await caches.open(names.find(n => n.startsWith("ladder-")));
			const want = ["/app-shell", "/wasm_exec.js", "/app.js", "/data/index.json"];
			const out = [];
			for (const p of want) if (!(await cache.match(p))) out.push(p);
			const keys = await cache.keys();
			if (!keys.some(r => /^\/web\/app\.[0-9a-f]{10}\.wasm$/.test(new URL(r.url).pathname))) out.push("app.wasm");
			if (!keys.some(r => new URL(r.url).pathname.startsWith("/data/roles/devops-engineer."))) out.push("the role's data");
			return out;
		})()`)
		if len(missing) > 0 {
			t.Errorf("ask=%t: the offline copy lacks %v", ask, missing)
		}
	}
}

// testSliderBeforeApp moves the level slider while app.wasm is held back:
// each step goes to the chosen level's page, replacing the address.
func testSliderBeforeApp(t *testing.T, g *gatedSite) {
	browser := browsertest.Browser(t)
	tab := browsertest.NewTab(t, browser)
	if err := chromedp.Do(tab, chromedp.Navigate(g.at(senior))); err != nil {
		t.Fatal(err)
	}
	// The slider shows once the loader runs; the app does not run.
	notRunning := ` && document.documentElement.dataset.loader === "on" && document.documentElement.dataset.app !== "ready"`
	waitFor(t, tab, `true`+notRunning)
	before := eval[int](t, tab, `history.length`)
	if err := chromedp.Do(tab, chromedp.Focus("#level-slider"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+role+`/staff" && document.querySelector("h1").textContent === "Staff DevOps engineer"`+notRunning)
	if got := eval[int](t, tab, `history.length`); got != before {
		t.Errorf("history grew from %d to %d: the slider replaces the address", before, got)
	}
	// By mouse: a click at the slider's far left end is the first level.
	rect := eval[[]float64](t, tab, `(r => [r.left, r.top + r.height / 2])(document.getElementById("level-slider").getBoundingClientRect())`)
	if err := chromedp.Do(tab, chromedp.MouseClickXY(rect[0]+2, rect[1])); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+role+`/associate" && document.querySelector("h1").textContent === "Associate DevOps engineer"`+notRunning)
	// By touch: a tap at the far right end is the last level.
	if _, err := chromedp.Call(tab, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5}); err != nil {
		t.Fatal(err)
	}
	rect = eval[[]float64](t, tab, `(r => [r.right, r.top + r.height / 2])(document.getElementById("level-slider").getBoundingClientRect())`)
	for _, touch := range []input.DispatchTouchEventParams{
		{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: rect[0] - 2, Y: rect[1]}}},
		{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}},
	} {
		if _, err := chromedp.Call(tab, input.DispatchTouchEvent, touch); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, tab, `location.pathname === "`+role+`/principal" && document.querySelector("h1").textContent === "Principal DevOps engineer"`+notRunning)
	// The first use started the app; it runs once app.wasm arrives.
	close(g.gate)
	waitFor(t, tab, appReady)
}

// testButtonBeforeApp presses a button that needs the app before it runs:
// the page says the app is starting, and once it runs the button is
// pressed.
func testButtonBeforeApp(t *testing.T, g *gatedSite) {
	browser := browsertest.Browser(t)
	tab := browsertest.NewTab(t, browser)
	if err := chromedp.Do(tab, chromedp.Navigate(g.at(track))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Click("#plain-toggle")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.querySelector(".status").textContent === "Starting the app…" && getComputedStyle(document.getElementById("app-wasm-loader")).display !== "none"`)
	close(g.gate)
	waitFor(t, tab, appReady+` && document.getElementById("plain-toggle").getAttribute("aria-pressed") === "true"`)
}

// lighthousePages are the corpus's pages of every kind that Lighthouse
// judges.
var lighthousePages = []string{
	"/",
	"/roles/software-engineer",
	"/roles/software-engineer/senior",
	"/roles/software-engineer/grid",
	"/roles/software-engineer/skills/software-development",
	"/compare?left=software-engineer/senior&right=software-engineer/staff",
	"/search?q=mentor",
	"/assess/software-engineer",
	"/404.html", // Lighthouse audits no page served with status 404
}

// testLighthouse runs Lighthouse, mobile defaults, on every kind of page:
// accessibility, best practices and SEO score 1. Its performance score is
// a speed target, measured by make bench.
func testLighthouse(t *testing.T, s hosted) {
	for _, p := range lighthousePages {
		rep, err := browsertest.Lighthouse(t.Context(), s.at(p), "accessibility", "best-practices", "seo")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []string{"accessibility", "best-practices", "seo"} {
			if got := rep.Scores[c]; got != 1 {
				t.Errorf("%s: Lighthouse %s %.2f, want 1.00; failed: %v", p, c, got, rep.Failed)
			}
		}
	}
}

// testPickerBeforeApp changes a comparison's picker while app.wasm is held
// back: the page says the app is starting, and once it runs the picker is
// set again and the app answers it.
func testPickerBeforeApp(t *testing.T, g *gatedSite) {
	tab := browsertest.NewTab(t, browsertest.Browser(t))
	if err := chromedp.Do(tab, chromedp.Navigate(g.at("/compare"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.documentElement.dataset.app === "starting" && document.getElementById("left-level").disabled`)
	choose(t, tab, "left-role", "devops-engineer")
	waitFor(t, tab, `document.querySelector(".status").textContent === "Starting the app…"`)
	close(g.gate)
	waitFor(t, tab, appReady+` && document.getElementById("left-role").value === "devops-engineer" && !document.getElementById("left-level").disabled`)
}

// testComparisonBeforeApp opens a comparison's link while app.wasm is held
// back: the page says the comparison is coming, not that its sides are to
// be chosen, and once the app runs it shows them.
func testComparisonBeforeApp(t *testing.T, g *gatedSite) {
	tab := browsertest.NewTab(t, browsertest.Browser(t))
	if err := chromedp.Do(tab, chromedp.Navigate(g.at(compareSenior))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.documentElement.dataset.app === "starting" && document.getElementById("compare-message") !== null`)
	if got := eval[string](t, tab, `document.getElementById("compare-message").textContent`); got != "Loading the comparison…" {
		t.Errorf("before the app, a comparison's link says %q", got)
	}
	close(g.gate)
	waitFor(t, tab, appReady+` && document.getElementById("compare-message") === null && document.getElementById("compare-count").textContent === "6 of 6 skills change."`)
}
