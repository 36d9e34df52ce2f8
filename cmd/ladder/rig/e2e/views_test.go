package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The views of the side-by-side issue: compare, skill track and grid.

const (
	compareSenior = "/compare?left=devops-engineer/senior&right=devops-engineer/staff"
	track         = role + "/skills/continuous-delivery"
	grid          = role + "/grid"
)

func viewsSuite(t *testing.T, browser context.Context, s hosted) {
	t.Run("compare", func(t *testing.T) { testCompare(t, browser, s) })
	t.Run("compare, invalid sides", func(t *testing.T) { testCompareInvalid(t, browser, s) })
	t.Run("compare from a level", func(t *testing.T) { testCompareLink(t, browser, s) })
	t.Run("skill track", func(t *testing.T) { testTrack(t, browser, s) })
	t.Run("grid", func(t *testing.T) { testGrid(t, browser, s) })
	t.Run("print", func(t *testing.T) { testPrint(t, browser, s) })
	t.Run("compare stacks on a phone", func(t *testing.T) { testStacks(t, browser, s) })
}

// choose sets a picker as a person would, with a change event.
func choose(t *testing.T, tab context.Context, id, value string) {
	t.Helper()
	eval[bool](t, tab, fmt.Sprintf(`(s => { s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true })(document.getElementById(%q))`, value, id))
}

func testCompare(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, compareSenior)
	checkHeading(t, tab, "/compare", "Compare levels")
	waitFor(t, tab, `document.getElementById("compare-count").textContent === "6 of 6 skills change."`)
	if n := eval[int](t, tab, `document.querySelectorAll(".compare-row").length`); n != 6 {
		t.Errorf("%d rows, want one per skill, 6", n)
	}
	// The lower level, left, shows what is dropped; the higher, right, what is added.
	if !eval[bool](t, tab, `[...document.querySelectorAll(".compare-cols")].every(c => c.children[0].querySelector("ins") === null && c.children[1].querySelector("del") === null) && document.querySelectorAll("ins").length > 0 && document.querySelectorAll("del").length > 0`) {
		t.Error("marks on the wrong side: the left (lower) column must hold only <del>, the right only <ins>")
	}
	// A screen reader hears where an addition starts.
	if got := eval[string](t, tab, `getComputedStyle(document.querySelector("ins"), "::before").content`); got != `" [added: "` {
		t.Errorf("ins::before content = %s", got)
	}
	before := eval[int](t, tab, `history.length`)
	choose(t, tab, "right-level", "principal")
	waitFor(t, tab, `location.search === "?left=devops-engineer/senior&right=devops-engineer/principal" && document.querySelector(".compare-head").textContent.includes("Principal DevOps engineer")`)
	choose(t, tab, "left-role", "devops-engineer")
	choose(t, tab, "left-level", "principal")
	waitFor(t, tab, `document.getElementById("compare-count").textContent === "No skill changes."`)
	// A level picked and the plain texts asked for in one task, before
	// go-app's next frame: the picker's quick path has written the marked
	// texts by then, and the left column's plain text is what go-app last
	// rendered there (nothing changed), so go-app's frame leaves that
	// column alone. The page must still end up plain.
	eval[bool](t, tab, `(s => { s.value = "associate"; s.dispatchEvent(new Event("change", {bubbles: true})); document.getElementById("plain-toggle").click(); return true })(document.getElementById("right-level"))`)
	waitFor(t, tab, `location.search === "?left=devops-engineer/principal&right=devops-engineer/associate" && document.getElementById("plain-toggle").getAttribute("aria-pressed") === "true" && document.querySelector(".compare-head").textContent.includes("Associate DevOps engineer")`)
	// The pressed toggle is go-app's frame, after which nothing changes
	// the page.
	if n := eval[int](t, tab, `document.querySelectorAll(".comparison ins, .comparison del").length`); n != 0 {
		t.Errorf("%d marks left in the plain texts", n)
	}
	// Reversed: the higher level on the left gets the additions.
	eval[bool](t, tab, `document.getElementById("plain-toggle").click(), true`)
	waitFor(t, tab, `document.getElementById("plain-toggle").getAttribute("aria-pressed") !== "true" && document.querySelector(".compare-cols").children[0].querySelector("ins") !== null && document.querySelector(".compare-cols").children[1].querySelector("ins") === null`)
	if after := eval[int](t, tab, `history.length`); after != before {
		t.Errorf("history grew from %d to %d: pickers must replace the address", before, after)
	}
	// The address round-trips: loaded anew it is the same view.
	again := open(t, browser, s, "/compare"+eval[string](t, tab, `location.search`))
	if got := eval[string](t, again, `document.getElementById("left-level").value + " " + document.getElementById("right-level").value`); got != "principal associate" {
		t.Errorf("the shared address shows pickers %q", got)
	}
}

func testCompareInvalid(t *testing.T, browser context.Context, s hosted) {
	for _, tt := range []struct{ query, want string }{
		{"", "Choose a role and a level for the left side. Choose a role and a level for the right side."},
		{"?left=nope/x", "There is no role “nope” for the left side: choose one. Choose a role and a level for the right side."},
		{"?left=devops-engineer/x&right=devops-engineer/senior", "DevOps engineer has no level “x” for the left side: choose one."},
		{"?left=%ZZ&right=/", "Choose a role and a level for the left side. Choose a role and a level for the right side."},
	} {
		tab := open(t, browser, s, "/compare"+tt.query)
		waitFor(t, tab, fmt.Sprintf(`(m => m !== null && m.textContent.startsWith(%q))(document.getElementById("compare-message"))`, tt.want))
		if n := eval[int](t, tab, `document.querySelectorAll("select").length`); n != 4 {
			t.Errorf("%s: %d pickers, want 4", tt.query, n)
		}
	}
	// Choosing the missing side mends the view.
	tab := open(t, browser, s, "/compare?left=devops-engineer/senior")
	choose(t, tab, "right-role", "devops-engineer")
	waitFor(t, tab, `location.search === "?left=devops-engineer/senior&right=devops-engineer/associate" && document.getElementById("compare-count") !== null`)
}

func testCompareLink(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, senior)
	if err := chromedp.Do(tab, chromedp.Click("#compare-link")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname.endsWith("/compare") && location.search === "?left=devops-engineer/senior&right=devops-engineer/staff" && document.getElementById("compare-count") !== null`)
	top := open(t, browser, s, role+"/principal")
	if got := eval[string](t, top, `new URL(document.getElementById("compare-link").href).search`); got != "?left=devops-engineer/staff&right=devops-engineer/principal" {
		t.Errorf("the top level compares with %s, want the level below", got)
	}
}

func testTrack(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, track)
	checkHeading(t, tab, track, "Continuous delivery")
	if n := eval[int](t, tab, `document.querySelectorAll(".step").length`); n != 6 {
		t.Errorf("%d steps, want one per level, 6", n)
	}
	if n := eval[int](t, tab, `document.querySelectorAll(".step")[0].querySelectorAll("ins, .change-summary").length`); n != 0 {
		t.Error("the first level has nothing below it to change against")
	}
	if n := eval[int](t, tab, `document.querySelectorAll(".step ins").length`); n == 0 {
		t.Error("no step marks what it adds")
	}
	missing := open(t, browser, s, role+"/skills/nope")
	waitFor(t, missing, `document.body.innerText.includes("DevOps engineer has no skill “nope”")`)
}

func testGrid(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, grid)
	checkHeading(t, tab, grid, "The whole ladder")
	if got := eval[string](t, tab, `document.querySelectorAll("tbody tr").length + "×" + document.querySelectorAll("thead th").length`); got != "6×7" {
		t.Errorf("grid is %s, want 6 skills × (skill column + 6 levels)", got)
	}
	if got := eval[string](t, tab, `getComputedStyle(document.querySelector("tbody th")).position`); got != "sticky" {
		t.Errorf("the skill column is %s, want sticky", got)
	}
	if err := chromedp.Do(tab, chromedp.Click("tbody td details summary")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.querySelector("tbody td details").open`)
}

// Printable widths at 96 px an inch, with the stylesheet's 15 mm margins:
// A4 is 210 mm wide, Letter 8.5 in.
var paper = []struct {
	name  string
	width int64
}{{"A4", 680}, {"Letter", 703}}

// testPrint emulates print media on A4 and Letter: no navigation chrome,
// nothing wider than the paper, both compare columns side by side, marks
// that read in black and white. Each page is printed on both papers.
func testPrint(t *testing.T, browser context.Context, s hosted) {
	for _, path := range []string{senior, compareSenior, track, grid} {
		tab := open(t, browser, s, path)
		_, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paper {
			testPrintOn(t, tab, path, p.name, p.width)
		}
	}
}

func testPrintOn(t *testing.T, tab context.Context, path, paper string, width int64) {
	t.Helper()
	if _, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 1000, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	if w := eval[int](t, tab, `document.documentElement.scrollWidth`); w > int(width) {
		t.Errorf("%s on %s is %d px wide, the paper %d", path, paper, w, width)
	}
	{
		if got := eval[string](t, tab, `[".masthead", ".footer", ".slider", ".pickers", ".toggle", ".page-links"].map(q => document.querySelector(q)).filter(e => e && getComputedStyle(e).display !== "none").map(e => e.className).join(",")`); got != "" {
			t.Errorf("%s prints %s", path, got)
		}
		if path == grid {
			if got := eval[string](t, tab, `(d => getComputedStyle(d.querySelector(".diff")).contentVisibility + " " + d.querySelector(".diff").getBoundingClientRect().height)(document.querySelector("tbody td details"))`); strings.HasSuffix(got, " 0") {
				t.Errorf("a closed grid cell prints empty: %s", got)
			}
		}
		if path == compareSenior {
			if got := eval[string](t, tab, `getComputedStyle(document.querySelector(".compare-cols")).gridTemplateColumns.split(" ").length + " " + getComputedStyle(document.querySelector("ins")).textDecorationLine`); got != "2 underline" {
				t.Errorf("printed comparison: columns and ins decoration %q, want 2 underline", got)
			}
		}
	}
}

// testStacks checks that on a phone the two sides of each skill stack.
func testStacks(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, compareSenior)
	if _, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 360, Height: 740, DeviceScaleFactor: 2, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	if got := eval[int](t, tab, `getComputedStyle(document.querySelector(".compare-cols")).gridTemplateColumns.split(" ").length`); got != 1 {
		t.Errorf("on a phone the comparison has %d columns, want the sides stacked", got)
	}
	if !eval[bool](t, tab, `getComputedStyle(document.querySelector(".col-label")).position !== "absolute"`) {
		t.Error("stacked sides are not labelled with their level")
	}
}
