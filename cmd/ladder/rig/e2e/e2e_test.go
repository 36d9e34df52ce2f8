package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// The end-to-end suite: the site built by `ladder build` from content/,
// in Debian's Chromium, served by `ladder serve`, by nginx, and under a
// prefix.

const (
	role        = "/roles/devops-engineer"
	senior      = role + "/senior"
	appReady    = `document.documentElement.dataset.app === "ready"`
	waitTimeout = 30 * time.Second
)

// hosted is a built site as a host serves it.
type hosted struct {
	url    string // the origin, no trailing slash
	prefix string
	stop   func()
}

func (s hosted) at(path string) string { return s.url + s.prefix + path }

// buildSite runs `ladder build` into a new folder.
func buildSite(t *testing.T, content string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site")
	args = append([]string{"build", "--content", content, "--out", out}, args...)
	if code, stdout, stderr := runLadder(t, args...); code != 0 {
		t.Fatalf("ladder %s: status %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return out
}

// lineWriter hands the first line written to it to a channel.
type lineWriter struct {
	once sync.Once
	buf  bytes.Buffer
	line chan string
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.buf.Write(p)
	if i := bytes.IndexByte(w.buf.Bytes(), '\n'); i >= 0 {
		w.once.Do(func() { w.line <- string(w.buf.Bytes()[:i]) })
	}
	return len(p), nil
}

// startServe runs `ladder serve` on a free loopback port until stopped.
func startServe(t *testing.T, dir, prefix string) hosted {
	t.Helper()
	return startLadderServe(t, prefix, io.Discard, "--dir", dir)
}

// startLadderServe runs `ladder serve` with args on a free loopback port,
// under prefix, writing its stderr to stderr, until stopped (as Ctrl-C
// stops it) or the test ends, and returns where it serves.
func startLadderServe(t *testing.T, prefix string, stderr io.Writer, args ...string) hosted {
	t.Helper()
	out := &lineWriter{line: make(chan string, 1)}
	args = append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)
	if prefix != "" {
		args = append(args, "--prefix", prefix)
	}
	cmd := exec.Command(ladderBin, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, out, stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("ladder %s: %v", strings.Join(args, " "), err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var line string
	select {
	case line = <-out.line:
	case err := <-done:
		t.Fatalf("ladder %s: %v", strings.Join(args, " "), err)
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("ladder %s did not start in 10 s", strings.Join(args, " "))
	}
	// "serving DIR at http://127.0.0.1:PORT/prefix/ (Ctrl-C stops)", or
	// "serving a live preview of DIR at http://…"
	_, rest, _ := strings.Cut(line, " at http")
	url, _, _ := strings.Cut("http"+rest, " ")
	url = strings.TrimSuffix(strings.TrimSuffix(url, "/"), prefix)
	var once sync.Once
	stop := func() {
		once.Do(func() {
			_ = cmd.Process.Signal(os.Interrupt)
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("ladder serve: %v", err)
				}
			case <-time.After(15 * time.Second):
				_ = cmd.Process.Kill()
				<-done
				t.Error("ladder serve did not stop in 15 s")
			}
		})
	}
	t.Cleanup(stop)
	return hosted{url: url, prefix: prefix, stop: stop}
}

func TestExplorer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site and drives Chromium")
	}
	t.Parallel()
	dir := buildSite(t, contentDir, "--base-url", "https://careers.example.org")
	sub := buildSite(t, contentDir, "--prefix", "/sub")
	// Each host has its own server and browser: they run side by side.
	t.Run("ladder serve", func(t *testing.T) {
		t.Parallel()
		explorerSuite(t, startServe(t, dir, ""))
	})
	t.Run("nginx", func(t *testing.T) {
		t.Parallel()
		n := browsertest.Nginx(t, dir)
		explorerSuite(t, hosted{url: n.URL, stop: n.Stop})
	})
	t.Run("prefix", func(t *testing.T) {
		t.Parallel()
		explorerSuite(t, startServe(t, sub, "/sub"))
	})
	t.Run("nginx prefix", func(t *testing.T) {
		t.Parallel()
		n := browsertest.NginxPrefix(t, sub, "/sub")
		explorerSuite(t, hosted{url: n.URL, prefix: "/sub", stop: n.Stop})
	})
}

// explorerSuite runs every check on one host; the last one stops it.
func explorerSuite(t *testing.T, s hosted) {
	browser := browsertest.Browser(t)
	t.Run("reads without JavaScript", func(t *testing.T) { testNoScript(t, browser, s) })
	t.Run("app mounts within its policy and origin", func(t *testing.T) { testMount(t, browser, s) })
	t.Run("slider by keyboard and mouse", func(t *testing.T) { testSlider(t, browser, s) })
	t.Run("deep link to a skill", func(t *testing.T) { testFragment(t, browser, s) })
	t.Run("keeps the reader's place", func(t *testing.T) { testKeepsPlace(t, browser, s) })
	t.Run("not found", func(t *testing.T) { testNotFound(t, browser, s) })
	t.Run("axe", func(t *testing.T) { testAxe(t, browser, s) })
	viewsSuite(t, browser, s)
	t.Run("offline cold start", func(t *testing.T) { testOffline(t, browser, s) })
}

// watchedTab is a new tab that records Content-Security-Policy violations
// and runs script in every document it loads.
func watchedTab(t *testing.T, browser context.Context, script string) context.Context {
	t.Helper()
	tab := browsertest.NewTab(t, browser)
	if err := browsertest.WatchCSP(tab); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: script,
	}); err != nil {
		t.Fatal(err)
	}
	return tab
}

// open navigates a new tab to path, uses the page and waits for the app to
// mount.
func open(t *testing.T, browser context.Context, s hosted, path string) context.Context {
	t.Helper()
	tab := watchedTab(t, browser, firstRenderScript)
	// A load that never ends fails the test rather than hanging it.
	nav, cancel := context.WithTimeout(tab, waitTimeout)
	defer cancel()
	if err := chromedp.Do(nav, chromedp.Navigate(s.at(path))); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	use(t, tab)
	waitFor(t, tab, appReady)
	return tab
}

// use does what a visitor who uses the page does first, a key press (not
// one that scrolls), which starts the app on a reading page; a page that
// starts the app by itself ignores it.
func use(t *testing.T, tab context.Context) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
}

// firstRenderScript keeps the page's h1 as the app first rendered it: when
// the app marks the document ready, in its first mount, before any later
// update. A page that first renders wrong, then corrects itself, flashes.
const firstRenderScript = `new MutationObserver(() => {
	if (document.documentElement.dataset.app === "ready" && window.firstH1 === undefined) {
		const h1 = document.querySelector("h1");
		window.firstH1 = h1 ? h1.textContent : "";
	}
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-app"]});`

// checkHeading checks the page's h1, and that the app's first render
// already showed it.
func checkHeading(t *testing.T, tab context.Context, path, want string) {
	t.Helper()
	if got := eval[string](t, tab, `document.querySelector("h1").textContent`); got != want {
		t.Errorf("%s: h1 %q, want %q", path, got, want)
	}
	if got := eval[string](t, tab, `window.firstH1`); got != want {
		t.Errorf("%s: the app first rendered h1 %q, then %q", path, got, want)
	}
}

func waitFor(t *testing.T, tab context.Context, js string) {
	t.Helper()
	if err := browsertest.WaitFor(tab, js, waitTimeout); err != nil {
		html, evalErr := chromedp.Run(tab, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText.slice(0, 600)`))
		if evalErr != nil {
			html = "(" + evalErr.Error() + ")"
		}
		for _, m := range browsertest.Console(tab) {
			html += "\nconsole: " + m.String()
		}
		t.Fatalf("waiting for %s: %v\npage: %s", js, err, html)
	}
}

func eval[T any](t *testing.T, tab context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func testNoScript(t *testing.T, browser context.Context, s hosted) {
	tab := browsertest.NewTab(t, browser)
	if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(s.at(senior))); err != nil {
		t.Fatal(err)
	}
	html, err := chromedp.Run(tab, chromedp.OuterHTML("main"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Senior DevOps engineer", "Distributed systems", "You identify inefficiencies in a system"} {
		if !strings.Contains(html, want) {
			t.Errorf("without JavaScript the level page lacks %q", want)
		}
	}
	// A tick label is a plain link to its level.
	if err := chromedp.Do(tab, chromedp.Click(`.ticks a[href$="/staff"]`)); err != nil {
		t.Fatal(err)
	}
	// The click loads a new page: poll its heading, bounded.
	for i := 0; i < 100 && !strings.Contains(html, "Staff DevOps engineer"); i++ {
		time.Sleep(100 * time.Millisecond)
		html, _ = chromedp.Run(tab, chromedp.OuterHTML("h1"))
	}
	if !strings.Contains(html, "Staff DevOps engineer") {
		t.Errorf("following the Staff tick without JavaScript shows %s", html)
	}
}

func testMount(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, senior)
	// The loader is a badge, not a cover, and it goes once the app runs.
	waitFor(t, tab, `!document.getElementById("app-wasm-loader")`)
	checkHeading(t, tab, senior, "Senior DevOps engineer")
	home := open(t, browser, s, "/")
	checkHeading(t, home, "/", "Career ladders")
	checkHeading(t, open(t, browser, s, role), role, "DevOps engineer")
	// Following a link mounts another kind of page, which is right at once.
	eval[bool](t, home, `window.firstH1 = undefined; document.documentElement.removeAttribute("data-app"); true`)
	if err := chromedp.Do(home, chromedp.Click(`.role-card a[href$="/roles/devops-engineer"]`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, home, appReady)
	checkHeading(t, home, role, "DevOps engineer")
	for _, u := range browsertest.Requests(tab) {
		if !strings.HasPrefix(u, s.url+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("request to another origin: %s", u)
		}
	}
	violations, err := browsertest.CSPViolations(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("Content-Security-Policy violation: %s", v)
	}
}

func testSlider(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, senior)
	before := eval[int](t, tab, `history.length`)
	if err := chromedp.Do(tab, chromedp.Focus("#level-slider"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+s.prefix+role+`/staff" && document.querySelector("h1").textContent === "Staff DevOps engineer"`)
	if got := eval[string](t, tab, `document.getElementById("level-slider").getAttribute("aria-valuetext")`); got != "Staff" {
		t.Errorf("aria-valuetext = %q, want Staff", got)
	}
	if got := eval[string](t, tab, `document.title`); !strings.HasPrefix(got, "Staff DevOps engineer") {
		t.Errorf("title = %q", got)
	}
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+s.prefix+role+`/ii" && document.querySelector("h1").textContent === "DevOps engineer II"`)
	if after := eval[int](t, tab, `history.length`); after != before {
		t.Errorf("history grew from %d to %d: the slider must replace the address, not push", before, after)
	}
	if eval[bool](t, tab, `document.activeElement.id !== "level-slider"`) {
		t.Error("the slider lost the focus when the level changed")
	}
	// By mouse: a click at the slider's far right end is the last level.
	rect := eval[[]float64](t, tab, `(r => [r.right, r.top + r.height / 2])(document.getElementById("level-slider").getBoundingClientRect())`)
	if err := chromedp.Do(tab, chromedp.MouseClickXY(rect[0]-2, rect[1])); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+s.prefix+role+`/principal" && document.querySelector("h1").textContent === "Principal DevOps engineer"`)
	if err := chromedp.Do(tab, chromedp.Focus("#level-slider"), chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "`+s.prefix+role+`/ii"`)
	// The address is shareable as it stands: loaded anew, it shows II.
	fresh := open(t, browser, s, eval[string](t, tab, `location.pathname`)[len(s.prefix):])
	if got := eval[string](t, fresh, `document.querySelector("h1").textContent`); got != "DevOps engineer II" {
		t.Errorf("the replaced address shows %q", got)
	}
	// A step, then a click back on the level it left, before go-app's
	// next frame: the slider's quick path has written Senior, and the page
	// must still end at II, as it started (see quickSlide).
	const page = `[location.pathname, document.querySelector("h1").textContent, document.getElementById("level-slider").value, document.getElementById("level-slider").getAttribute("aria-valuetext"), document.querySelector(".expectations .prose").textContent].join("|")`
	want := eval[string](t, fresh, page)
	if _, err := chromedp.Run(fresh, chromedp.Evaluate[bool](`(async () => {
		const s = document.getElementById("level-slider");
		s.value = "3";
		s.dispatchEvent(new Event("input", {bubbles: true}));
		await new Promise(ok => setTimeout(ok, 0));
		[...document.querySelectorAll(".ticks a")].find(a => a.textContent === "II").click();
		return true;
	})()`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	// II was the current tick before the step, so wait for the whole page
	// to settle on II: go-app's frame may come after the click.
	if err := browsertest.WaitFor(fresh, page+" === "+strconv.Quote(want), waitTimeout); err != nil {
		t.Errorf("a step and a click back: the page shows\n%s\nwant\n%s", eval[string](t, fresh, page), want)
	}
}

func testFragment(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, senior+"#distributed-systems")
	waitFor(t, tab, `document.getElementById("distributed-systems").classList.contains("is-target")`)
	// Scrolled to, after the app has rebuilt the page.
	waitFor(t, tab, `(r => r.top > -2 && r.top < innerHeight / 2)(document.getElementById("distributed-systems").getBoundingClientRect())`)
	if n := eval[int](t, tab, `document.querySelectorAll(".is-target").length`); n != 1 {
		t.Errorf("%d skills highlighted, want 1", n)
	}
}

// testKeepsPlace scrolls the prerendered page before the app starts: the
// app's rebuilding the page must not send the reader back to the top.
func testKeepsPlace(t *testing.T, browser context.Context, s hosted) {
	tab := browsertest.NewTab(t, browser)
	if err := chromedp.Do(tab, chromedp.Navigate(s.at(senior))); err != nil {
		t.Fatal(err)
	}
	// A reader scrolls; the app starts when they use the page.
	if started := eval[bool](t, tab, `scrollTo(0, 400); document.documentElement.hasAttribute("data-app")`); started {
		t.Fatal("the app started before the page was used")
	}
	use(t, tab)
	waitFor(t, tab, `document.documentElement.hasAttribute("data-app")`)
	// Meanwhile go-app's loader is a badge, not a cover over the text.
	cover := eval[float64](t, tab, `(l => l ? l.getBoundingClientRect().width * l.getBoundingClientRect().height / (innerWidth * innerHeight) : 0)(document.getElementById("app-wasm-loader"))`)
	if cover > 0.05 {
		t.Errorf("the loader covers %.0f%% of the window while app.wasm loads", cover*100)
	}
	waitFor(t, tab, appReady)
	waitFor(t, tab, `scrollY > 300`)
}

func testNotFound(t *testing.T, browser context.Context, s hosted) {
	for _, tt := range []struct{ path, want string }{
		{"/roles/nope", "There is no role “nope”"},
		{role + "/nope", "DevOps engineer has no level “nope”"},
		{"/nowhere", "There is no page at /nowhere"},
	} {
		res, err := http.Get(s.at(tt.path))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", tt.path, res.StatusCode)
		}
		tab := open(t, browser, s, tt.path)
		waitFor(t, tab, fmt.Sprintf(`document.body.innerText.includes(%q)`, tt.want))
		if n := eval[int](t, tab, `document.querySelectorAll(".not-found a").length`); n == 0 {
			t.Errorf("%s: the not-found page links to nothing that exists", tt.path)
		}
	}
}

// testAxe checks every kind of page with axe-core in both colour schemes:
// one visit a page, the scheme switched under it, as a visitor's system
// switching to dark mode does.
func testAxe(t *testing.T, browser context.Context, s hosted) {
	for _, path := range []string{"/", role, senior, "/roles/nope", compareSenior, "/compare", track, grid, "/search?q=delivery"} {
		tab := browsertest.NewTab(t, browser)
		for i, scheme := range []string{"light", "dark"} {
			_, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				if err := chromedp.Do(tab, chromedp.Navigate(s.at(path))); err != nil {
					t.Fatal(err)
				}
				use(t, tab)
				waitFor(t, tab, appReady)
				if strings.HasPrefix(path, "/search") {
					waitFor(t, tab, `document.querySelector("#search-results .search-hit") !== null`)
				}
			}
			waitFor(t, tab, `matchMedia("(prefers-color-scheme: `+scheme+`)").matches`)
			violations, err := browsertest.Axe(tab)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				t.Errorf("%s (%s): %s", path, scheme, v)
			}
		}
	}
}

// testOffline visits once, stops the host, and starts cold on other deep
// links with the network off: the service worker serves everything.
func testOffline(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, "/")
	if _, err := chromedp.Run(tab, chromedp.Evaluate[any](`navigator.serviceWorker.ready.then(() => { window.swReady = true }); true`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `window.swReady === true`)
	s.stop()
	for _, tt := range []struct{ path, want string }{
		{role + "/principal#continuous-delivery", `document.querySelector("h1").textContent === "Principal DevOps engineer" && document.getElementById("continuous-delivery").classList.contains("is-target")`},
		{role, `document.querySelector("h1").textContent === "DevOps engineer"`},
		{"/roles/gone", `document.body.innerText.includes("There is no role “gone”")`},
		{compareSenior, `document.getElementById("compare-count").textContent === "6 of 6 skills change."`},
	} {
		cold := browsertest.NewTab(t, browser)
		if err := browsertest.Offline(cold, true); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(cold, chromedp.Navigate(s.at(tt.path))); err != nil {
			t.Fatalf("offline %s: %v", tt.path, err)
		}
		use(t, cold)
		waitFor(t, cold, appReady+" && "+tt.want)
	}
}

// TestUpdateAvailable deploys a new version under an open app, which
// offers the reload and shows the new text after it.
func TestUpdateAvailable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site twice and drives Chromium")
	}
	t.Parallel()
	const oldText, newText = "You identify inefficiencies in a system", "You find and remove waste in a system"
	content, writeContent := editableContent(t, oldText)
	dir := buildSite(t, content)
	s := startServe(t, dir, "")
	browser := browsertest.Browser(t)
	tab := open(t, browser, s, senior)
	if _, err := chromedp.Run(tab, chromedp.Evaluate[any](`navigator.serviceWorker.ready.then(() => { window.swReady = true }); true`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `window.swReady === true`)
	// Only a page the worker controls hears of updates: reload it once.
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, appReady+` && navigator.serviceWorker.controller !== null`)
	if eval[bool](t, tab, `document.getElementById("reload") !== null`) {
		t.Fatal("an update is offered before any was deployed")
	}

	// An assessment made before the update, against the old text.
	at := open(t, browser, s, assessDevops)
	startBlank(t, at)
	waitFor(t, at, appReady)
	if err := chromedp.Do(at, chromedp.Focus("#assess-distributed-systems"), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight+kb.ArrowRight+kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(at, chromedp.SendKeys("#note-distributed-systems", "Led the failover work")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, at, `(s => s !== null && s.includes("Led the failover work") && s.includes(`+strconv.Quote(oldText)+`))(localStorage.getItem("ladder-explorer/assessments"))`)

	writeContent(newText)
	if code, out, errOut := runLadder(t, "build", "--content", content, "--out", dir); code != 0 {
		t.Fatalf("second build: status %d\n%s%s", code, out, errOut)
	}
	// What go-app's AutoUpdateInterval does every few minutes, now.
	waitFor(t, tab, `(navigator.serviceWorker.getRegistration().then(r => r.update()), document.getElementById("reload") !== null)`)
	if got := eval[string](t, tab, `document.querySelector(".update").textContent`); got != "Update available — reload" {
		t.Errorf("update notice = %q", got)
	}
	if err := chromedp.Do(tab, chromedp.Click("#reload")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, appReady+fmt.Sprintf(` && document.body.innerText.includes(%q)`, newText))

	// The update kept the assessment, and flags the answer whose text it
	// changed, with the new words marked.
	if err := chromedp.Do(at, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, at, appReady+` && document.querySelector("#skill-distributed-systems .changed ins") !== null`)
	if got := eval[string](t, at, `document.querySelector("#skill-distributed-systems .placed-level").textContent + " / " + document.getElementById("note-distributed-systems").value`); got != "Senior / Led the failover work" {
		t.Errorf("after the update the answer reads %q, want Senior / Led the failover work", got)
	}
}

// TestCorpusPages builds the careers site's real pages and checks the home
// page, every role page and the last level of every role in Chromium: the
// content's own words are there, and axe-core finds nothing. On the same
// build: the reading visits' budget, and Lighthouse's scores.
func TestCorpusPages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the corpus's site and drives Chromium")
	}
	t.Parallel()
	code, stdout, stderr := runLadder(t, "export", corpus)
	if code != 0 {
		t.Fatalf("export the corpus: status %d: %s", code, stderr)
	}
	var fw struct {
		Roles []struct {
			ID, Title string
			Levels    []struct{ ID, Title string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &fw); err != nil {
		t.Fatal(err)
	}
	dir := buildSite(t, corpus)
	s := startServe(t, dir, "")
	t.Run("reading visits", func(t *testing.T) {
		g := newGatedSite(t, dir)
		close(g.gate)
		for _, path := range []string{"/", "/roles/software-engineer", "/roles/software-engineer/senior", "/roles/software-engineer/grid"} {
			testReadingVisit(t, g, path)
		}
	})
	t.Run("lighthouse", func(t *testing.T) { testLighthouse(t, s) })
	browser := browsertest.Browser(t)
	t.Run("roles load as pages need them", func(t *testing.T) {
		var roles, levels []string
		for _, r := range fw.Roles[:3] {
			roles, levels = append(roles, r.ID), append(levels, r.Levels[0].ID)
		}
		testLoadsRoles(t, browser, s, len(fw.Roles), roles, levels)
	})
	t.Run("a role that does not load says so", func(t *testing.T) { testRoleNotLoaded(t, browser, dir, fw.Roles[1].ID) })
	t.Run("a page older than the data", func(t *testing.T) { testPageOlderThanData(t, browser, dir, fw.Roles[2].ID) })
	t.Run("the offline copy costs the data", func(t *testing.T) { testOfflineCopyCost(t, dir) })
	check := func(path, heading string) {
		t.Helper()
		tab := open(t, browser, s, path)
		checkHeading(t, tab, path, heading)
		violations, err := browsertest.Axe(tab)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range violations {
			t.Errorf("%s: %s", path, v)
		}
	}
	check("/", "Career ladders")
	for _, r := range fw.Roles {
		check("/roles/"+r.ID, r.Title)
		last := r.Levels[len(r.Levels)-1]
		check("/roles/"+r.ID+"/"+last.ID, last.Title)
	}
}
