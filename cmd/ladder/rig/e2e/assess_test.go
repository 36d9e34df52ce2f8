package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
	"github.com/ladder-explorer/ladder/ladder/assess"
)

const assessDevops = "/assess/devops-engineer"

// TestAssess drives the self-assessment in Chromium: placing, notes, the
// target and its gaps, saving across reloads and offline, several
// assessments, other tabs, damaged storage, and no data leaving the page.
func TestAssess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site and drives Chromium")
	}
	t.Parallel()
	s := startServe(t, buildSite(t, contentDir), "")
	browser := browsertest.Browser(t)
	t.Run("place, note, target, reload", func(t *testing.T) { testAssessFlow(t, browser, s) })
	t.Run("several assessments", func(t *testing.T) { testAssessMany(t, browser, s) })
	t.Run("two tabs", func(t *testing.T) { testAssessTabs(t, browser, s) })
	t.Run("damaged storage", func(t *testing.T) { testAssessDamaged(t, browser, s) })
	t.Run("export and import", func(t *testing.T) { testAssessFiles(t, browser, s) })
	t.Run("content changed", func(t *testing.T) { testAssessContentChanged(t, browser, s) })
	t.Run("no storage", func(t *testing.T) { testAssessNoStorage(t, browser, s) })
	t.Run("print", func(t *testing.T) { testAssessPrint(t, browser, s) })
	t.Run("axe", func(t *testing.T) {
		tab := open(t, browser, s, assessDevops)
		violations, err := browsertest.Axe(tab)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range violations {
			t.Errorf("%s", v)
		}
	})
	t.Run("offline reload", func(t *testing.T) { testAssessOffline(t, browser, s) }) // last: stops the host
}

// clearStorage empties the site's storage, in a tab on the site. The app
// in that tab still holds what it read: reload it, or use startBlank.
func clearStorage(t *testing.T, tab context.Context) {
	t.Helper()
	eval[bool](t, tab, `localStorage.clear(), true`)
}

// startBlank empties the site's storage and reloads the tab, so that its
// app starts with nothing saved rather than saving what it read before.
func startBlank(t *testing.T, tab context.Context) {
	t.Helper()
	clearStorage(t, tab)
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
}

func testAssessFlow(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, assessDevops)
	startBlank(t, tab)
	waitFor(t, tab, appReady)
	checkHeading(t, tab, assessDevops, "Assess yourself")
	// Four steps right of "not yet": Senior.
	slider := "#assess-continuous-delivery"
	if err := chromedp.Do(tab, chromedp.Focus(slider), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight+kb.ArrowRight+kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.querySelector("#skill-continuous-delivery .placed-level").textContent === "Senior" && document.querySelector("#assess-continuous-delivery").getAttribute("aria-valuetext") === "Senior"`)
	if !eval[bool](t, tab, `(x => x.textContent.includes("At Senior") && x.textContent.includes("Next: Staff") && x.querySelector("ins") !== null)(document.querySelector("#skill-continuous-delivery .assess-texts"))`) {
		t.Error("the chosen level's text and the next one's, with its additions marked, are not shown")
	}
	const note = "Led the pipeline migration — ask Sam"
	eval[bool](t, tab, fmt.Sprintf(`(t => { t.value = %q; t.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.getElementById("note-continuous-delivery"))`, note))
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#skill-continuous-delivery .counter").textContent === "%d / 2000"`, len([]rune(note))))
	choose(t, tab, "target", "staff")
	waitFor(t, tab, `document.querySelector(".gaps") !== null && document.querySelectorAll(".gap").length === 6`)
	waitFor(t, tab, `document.getElementById("overall").textContent === "Overall: Senior DevOps engineer."`)
	if !eval[bool](t, tab, `document.querySelector(".chart svg rect.chart-bar[width]") !== null && document.querySelectorAll(".summary-table tbody tr").length === 6`) {
		t.Error("no chart or no table of the same figures")
	}
	// "Not yet" is an answer of its own. Here it is clicked in the same
	// task as the skill's slider moves to I, before go-app's next frame:
	// the slider's quick path has written I's texts by then, and go-app's
	// frame, whose last render of the unplaced skill had the same texts
	// as "not yet", sees no reason to write them again. The page must
	// still show "not yet" throughout.
	skill := raceNotYet(t, tab)
	waitFor(t, tab, `(b => b.querySelector(".placed-level").textContent === "Not yet at the first level" && b.querySelector(".not-yet") === null)(document.getElementById("skill-`+skill+`"))`)
	if got := eval[string](t, tab, `(b => [b.querySelector(".assess-slider").value, b.querySelector(".assess-slider").getAttribute("aria-valuetext"), b.querySelector(".texts-at").hidden, b.querySelector(".texts-next .texts-label").textContent].join("|"))(document.getElementById("skill-`+skill+`"))`); got != "0|Not yet at the first level|true|Next: Associate" {
		t.Errorf("not yet, after the slider's quick path: slider, its text, the level's text hidden, the next label = %q", got)
	}
	// Saved at once: a fresh page shows it all.
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, appReady+` && document.querySelector("#skill-continuous-delivery .placed-level").textContent === "Senior"`)
	if got := eval[string](t, tab, `document.getElementById("note-continuous-delivery").value + "|" + document.getElementById("target").value`); got != note+"|staff" {
		t.Errorf("after a reload: note and target %q", got)
	}
	// Nothing of it ever left the page: every request is a same-origin
	// GET of a static file, with no query.
	methods := browsertest.Methods(tab)
	for i, u := range browsertest.Requests(tab) {
		if methods[i] != "GET" || !strings.HasPrefix(u, s.url+"/") || strings.Contains(u, "?") || strings.Contains(u, "Sam") {
			t.Errorf("a request that is not a GET of a plain static file: %s %s", methods[i], u)
		}
	}
	if strings.Contains(eval[string](t, tab, `location.href`), "Sam") {
		t.Error("the note is in the address")
	}
}

func testAssessMany(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, assessDevops)
	startBlank(t, tab)
	waitFor(t, tab, appReady)
	click := func(id string) {
		t.Helper()
		if err := chromedp.Do(tab, chromedp.Click("#"+id)); err != nil {
			t.Fatal(err)
		}
	}
	click("new")
	waitFor(t, tab, `document.getElementById("name") !== null && document.getElementById("name").value === "Assessment 1"`)
	eval[bool](t, tab, `(n => { n.value = "Before review, Nov 2026"; n.dispatchEvent(new Event("change", {bubbles: true})); return true })(document.getElementById("name"))`)
	click("duplicate")
	waitFor(t, tab, `document.getElementById("which") !== null && document.getElementById("which").options.length === 2 && document.getElementById("name").value === "Before review, Nov 2026 (copy)"`)
	click("delete")
	waitFor(t, tab, `document.getElementById("deleted") !== null && document.getElementById("which") === null`)
	click("undo")
	waitFor(t, tab, `document.getElementById("which") !== null && document.getElementById("which").options.length === 2`)
	if got := eval[int](t, tab, `JSON.parse(localStorage.getItem("ladder-explorer/assessments")).assessments.length`); got != 2 {
		t.Errorf("storage holds %d assessments after undo, want 2", got)
	}
	// Comparing the two: nothing moved, then one skill.
	waitFor(t, tab, `document.getElementById("moves-none") !== null`)
	if err := chromedp.Do(tab, chromedp.Focus("#assess-distributed-systems"), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.getElementById("moves-list").textContent === "Distributed systems: not placed → I"`)
}

func testAssessTabs(t *testing.T, browser context.Context, s hosted) {
	a := open(t, browser, s, assessDevops)
	startBlank(t, a)
	waitFor(t, a, appReady)
	b := open(t, browser, s, assessDevops)
	if err := chromedp.Do(a, chromedp.Focus("#assess-continuous-delivery"), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	// The other tab follows, without a reload.
	waitFor(t, b, `document.querySelector("#skill-continuous-delivery .placed-level").textContent === "I"`)

	// Two saves that cross: tab b saves a note before the news of it
	// reaches tab a, which then places itself on another skill. Writing
	// from a's own page plays b's save: a tab hears nothing of its own
	// writes. Both changes are kept, in storage and on a's page.
	eval[bool](t, a, `(s => {
		const doc = JSON.parse(localStorage.getItem(s));
		const ans = doc.assessments[0].answers["continuous-delivery"];
		ans.note = "Written in the other tab";
		localStorage.setItem(s, JSON.stringify(doc));
		return true
	})("ladder-explorer/assessments")`)
	if err := chromedp.Do(a, chromedp.Focus("#assess-production-operations"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, a, `(a => a["production-operations"] !== undefined && a["continuous-delivery"].note === "Written in the other tab")(JSON.parse(localStorage.getItem("ladder-explorer/assessments")).assessments[0].answers)`)
	waitFor(t, a, `document.getElementById("note-continuous-delivery").value === "Written in the other tab"`)
	waitFor(t, b, `document.querySelector("#skill-production-operations .placed-level").textContent === "Associate" && document.getElementById("note-continuous-delivery").value === "Written in the other tab"`)
}

func testAssessDamaged(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, assessDevops)
	eval[bool](t, tab, `localStorage.clear(), localStorage.setItem("ladder-explorer/assessments", "{oops, hand-edited"), true`)
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, appReady+` && document.getElementById("storage-notice") !== null && document.getElementById("storage-notice").textContent.includes("could not be read")`)
	if got := eval[string](t, tab, `Object.keys(localStorage).filter(k => k.startsWith("ladder-explorer/assessments.kept-")).map(k => localStorage.getItem(k)).join()`); got != "{oops, hand-edited" {
		t.Errorf("the damaged text was not kept aside: %q", got)
	}
	// The page still works, and saves again.
	if err := chromedp.Do(tab, chromedp.Focus("#assess-continuous-delivery"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `JSON.parse(localStorage.getItem("ladder-explorer/assessments")).assessments.length === 1`)
}

// testAssessFiles exports as JSON and Markdown, imports the JSON back into
// an empty device, asks before replacing, and refuses a bad file.
func testAssessFiles(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, assessDevops)
	startBlank(t, tab)
	waitFor(t, tab, appReady)
	dir := t.TempDir()
	if _, err := chromedp.Call(tab, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Focus("#assess-continuous-delivery"), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight+kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.querySelector("#skill-continuous-delivery .placed-level").textContent === "II"`)
	if err := chromedp.Do(tab, chromedp.Click("#export-json"), chromedp.Click("#export-md")); err != nil {
		t.Fatal(err)
	}
	jsonFile := waitForFile(t, dir, ".json")
	md := waitForFile(t, dir, ".md")
	if text := readText(t, md); !strings.Contains(text, "### Continuous delivery\n\nPlaced at: DevOps engineer II.") {
		t.Errorf("the Markdown packet lacks the placement:\n%s", text)
	}
	// An empty device imports it back.
	startBlank(t, tab)
	waitFor(t, tab, appReady+` && document.querySelector("#skill-continuous-delivery .placed-level").textContent === "Not placed yet"`)
	if err := chromedp.Do(tab, chromedp.SetUploadFiles("#import", []string{jsonFile})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.getElementById("import-message") !== null && document.getElementById("import-message").textContent === "Imported 1 assessment." && document.querySelector("#skill-continuous-delivery .placed-level").textContent === "II"`)
	// The same file again: asked, never overwritten silently.
	if err := chromedp.Do(tab, chromedp.SetUploadFiles("#import", []string{jsonFile})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.getElementById("import-conflict") !== null`)
	if err := chromedp.Do(tab, chromedp.Click("#import-keep")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.getElementById("which") !== null && document.getElementById("which").options.length === 2`)
	// A file that is not an export is refused, with the reason.
	bad := filepath.Join(t.TempDir(), "notes.json")
	if err := os.WriteFile(bad, []byte("name,level\nme,senior\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.SetUploadFiles("#import", []string{bad})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.getElementById("import-message").textContent.startsWith("The file is not valid JSON")`)
}

// waitForFile waits, bounded, for a finished download with the extension.
func waitForFile(t *testing.T, dir, ext string) string {
	t.Helper()
	for range 100 {
		matches, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		if len(matches) == 1 {
			return matches[0]
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no %s download in %s", ext, dir)
	return ""
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testAssessContentChanged plays a new version of the ladder against saved
// answers: one made against a text since rewritten, one for a skill since
// removed.
func testAssessContentChanged(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, assessDevops)
	clearStorage(t, tab)
	eval[bool](t, tab, `localStorage.setItem("ladder-explorer/assessments", JSON.stringify({version: 1, assessments: [{
		id: "old", name: "Last year", role: "devops-engineer", created: "2025-11-01T10:00:00Z", updated: "2025-11-01T10:00:00Z", target: "",
		answers: {
			"continuous-delivery": {placed: true, level: "ii", note: "", skill: "Continuous delivery", text: "You build pipelines by hand.", fingerprint: "0"},
			"cooking": {placed: true, level: "senior", note: "Best lasagne in the team", skill: "Cooking", text: "You cook.", fingerprint: "1"}
		}
	}]})), true`)
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, appReady+` && document.querySelector("#skill-continuous-delivery .changed") !== null`)
	if !eval[bool](t, tab, `(c => c.textContent.includes("You build pipelines by hand.") && c.querySelector("ins") !== null)(document.querySelector("#skill-continuous-delivery .changed"))`) {
		t.Error("the changed answer does not show its old text and the new one marked")
	}
	waitFor(t, tab, `document.getElementById("orphans") !== null && document.getElementById("orphans").textContent.includes("Best lasagne in the team")`)
	if err := chromedp.Do(tab, chromedp.Click("#skill-continuous-delivery .confirm")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.querySelector("#skill-continuous-delivery .changed") === null && document.getElementById("orphans") !== null`)
	// The version 1 document was migrated: saved again at the current
	// version, the orphan's note still in it.
	waitFor(t, tab, `(s => s.version === `+strconv.Itoa(assess.StoreVersion)+` && s.assessments[0].answers.cooking.note === "Best lasagne in the team")(JSON.parse(localStorage.getItem("ladder-explorer/assessments")))`)
}

// testAssessNoStorage runs the page where the browser refuses storage (as
// some private modes do) and where storage is full: it keeps working and
// says plainly that saving is off.
func testAssessNoStorage(t *testing.T, browser context.Context, s hosted) {
	clearStorage(t, open(t, browser, s, assessDevops))
	for _, tt := range []struct{ name, script, want string }{
		{"disabled", `Object.defineProperty(window, "localStorage", {configurable: true, get() { throw new DOMException("The user denied storage", "SecurityError") }})`, "Saving is off"},
		{"full", `Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded", "QuotaExceededError") }`, "Saving failed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tab := browsertest.NewTab(t, browser)
			if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: tt.script}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tab, chromedp.Navigate(s.at(assessDevops))); err != nil {
				t.Fatal(err)
			}
			waitFor(t, tab, appReady)
			if err := chromedp.Do(tab, chromedp.Focus("#assess-continuous-delivery"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, tab, fmt.Sprintf(`document.querySelector("#skill-continuous-delivery .placed-level").textContent === "Associate" && document.getElementById("storage-notice") !== null && document.getElementById("storage-notice").textContent.includes(%q)`, tt.want))
		})
	}
}

// testAssessOffline reloads the page with the host gone and the network
// off: the app and the answers are still there. It stops the host.
func testAssessOffline(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, assessDevops)
	startBlank(t, tab)
	waitFor(t, tab, appReady)
	if err := chromedp.Do(tab, chromedp.Focus("#assess-continuous-delivery"), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	eval[any](t, tab, `navigator.serviceWorker.ready.then(() => { window.swReady = true }); true`)
	waitFor(t, tab, `window.swReady === true && localStorage.getItem("ladder-explorer/assessments") !== null`)
	s.stop()
	cold := browsertest.NewTab(t, browser)
	if err := browsertest.Offline(cold, true); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(cold, chromedp.Navigate(s.at(assessDevops))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, cold, appReady+` && document.querySelector("#skill-continuous-delivery .placed-level").textContent === "I"`)
}

// testAssessPrint prints an assessment on A4 and Letter: the placements,
// every note whole and the summary, without the controls or empty notes,
// nothing wider than the paper.
func testAssessPrint(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, assessDevops)
	clearStorage(t, tab)
	note := strings.Repeat("A long private note that runs over many lines of the printed page. ", 12)
	eval[bool](t, tab, `localStorage.setItem("ladder-explorer/assessments", JSON.stringify({version: `+strconv.Itoa(assess.StoreVersion)+`, assessments: [{
		id: "p", name: "For print", role: "devops-engineer", created: "2026-11-01T10:00:00Z", updated: "2026-11-01T10:00:00Z", target: "senior",
		answers: {"continuous-delivery": {placed: true, level: "ii", note: `+fmt.Sprintf("%q", note)+`, skill: "Continuous delivery", text: "", fingerprint: ""}}
	}]})), true`)
	for _, p := range paper {
		t.Run(p.name, func(t *testing.T) {
			tab := open(t, browser, s, assessDevops)
			waitFor(t, tab, appReady+` && document.getElementById("note-continuous-delivery").value.length > 0`)
			if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: p.width, Height: 1000, DeviceScaleFactor: 1}); err != nil {
				t.Fatal(err)
			}
			if w := eval[int](t, tab, `document.documentElement.scrollWidth`); w > int(p.width) {
				t.Errorf("the assessment on %s is %d px wide, the paper %d", p.name, w, p.width)
			}
			shown := `q => [...document.querySelectorAll(q)].filter(e => getComputedStyle(e).display !== "none").length`
			if got := eval[string](t, tab, `[".masthead", ".manager", ".io", ".assess-slider", ".not-yet", ".counter", ".note-field.empty"].filter(`+shown+`).join(",")`); got != "" {
				t.Errorf("the printed assessment shows %s", got)
			}
			if got := eval[string](t, tab, `[".placed-level", ".note-field", ".chart", ".summary-table", ".gaps"].filter(q => !(`+shown+`)(q)).join(",")`); got != "" {
				t.Errorf("the printed assessment lacks %s", got)
			}
			if !eval[bool](t, tab, `(a => a.clientHeight >= a.scrollHeight && a.value.length > 500)(document.getElementById("note-continuous-delivery"))`) {
				t.Error("the note is cut off on paper: the printed text area is shorter than its text")
			}
		})
	}
}

// raceSkills are the unplaced skills raceNotYet may play its race on.
var raceSkills = []string{"production-operations", "security-privacy-and-compliance", "infrastructure-standardization-and-automation", "distributed-systems", "modern-software-development"}

// raceNotYet moves a skill's slider to I and clicks its "not yet" in one
// JavaScript task, and returns the skill. go-app can still render inside
// that task: its frame ticker is a Go timer, and Go, entered for the
// slider's quick path, runs a frame that fell due while the task ran
// (seen when the machine is busy). That frame places the skill at I and
// takes its "not yet" away, and the race is not played; so it is played
// again on the next unplaced skill. The page's handling of the race is
// checked by the caller.
func raceNotYet(t *testing.T, tab context.Context) string {
	t.Helper()
	for _, skill := range raceSkills {
		// A page that has been quiet a while has go-app's frame ticker
		// slowed down (app/quick.go): its next frame is then not due
		// inside the task, as it may be right after the last attempt.
		await[bool](t, tab, settledScript)
		played := eval[bool](t, tab, fmt.Sprintf(`(b => {
			const notYet = b.querySelector(".not-yet"), s = b.querySelector(".assess-slider");
			s.value = "2";
			s.dispatchEvent(new Event("input", {bubbles: true}));
			if (!notYet.isConnected) return false;
			notYet.click();
			return true;
		})(document.getElementById(%q))`, "skill-"+skill))
		if played {
			return skill
		}
		t.Logf("go-app rendered inside the task on %s; playing the race on the next skill", skill)
	}
	t.Fatalf("go-app rendered inside the task on each of %v: the race was never played", raceSkills)
	return ""
}
