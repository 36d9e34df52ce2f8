package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// The phone pass: every kind of page at three phone widths, as a candidate
// opens it from a link, and at a desktop's, for the screenshots.

// screen is a window size the pages are checked at.
type screen struct {
	name          string
	width, height int64
	phone         bool
}

// screens are a small phone (320×568, an iPhone SE's), a common Android
// phone (360×740) and a common iPhone (390×844), then a laptop.
var screens = []screen{
	{"320", 320, 568, true},
	{"360", 360, 740, true},
	{"390", 390, 844, true},
	{"desktop", 1280, 800, false},
}

// ladders are roles of 3 to 6 levels, named as careers sites name them
// (the corpus's are 3 and 6 levels, Associate to Principal).
var ladders = []struct {
	id    string
	names []string
}{
	{"three-levels", []string{"Junior", "Intermediate", "Senior"}},
	{"four-levels", []string{"Apprentice", "Practitioner", "Senior", "Principal"}},
	{"five-levels", []string{"Associate", "Practitioner", "Senior", "Lead", "Principal"}},
	{"six-levels", []string{"Associate", "Engineer", "Senior", "Staff", "Principal", "Distinguished"}},
}

// writeLadders writes a content folder of the bundled role and of
// ladders.
func writeLadders(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(contentDir, "devops-engineer.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"devops-engineer.md": string(seed)}
	for _, l := range ladders {
		files[l.id+".md"] = ladderPage(strings.ReplaceAll(l.id, "-", " ")+" designer", l.names)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ladderPage is a role's page with the levels names and two skills.
func ladderPage(title string, names []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: A role of %d levels.\nlevels:\n", title, len(names))
	for _, n := range names {
		fmt.Fprintf(&b, "  - %s\n", n)
	}
	b.WriteString("---\n\nWhat the role does.\n\n### Required skills\n\n#### Delivery\n\nYou ship.\n\n#### Mentoring\n\nYou teach.\n\n")
	fmt.Fprintf(&b, "## %s career pathway\n\n", title)
	for i, n := range names {
		fmt.Fprintf(&b, "### %s %s\n\n{%% include role_level.html level='%s' %%}\n\nLevel %d of the ladder.\n\n#### Skills needed for this level\n\n", n, title, strings.ToLower(n), i+1)
		fmt.Fprintf(&b, "##### Delivery\n\nYou ship work of scope %d.\n\n##### Mentoring\n\nYou teach %d people.\n\n", i+1, i+1)
	}
	return b.String()
}

// phonePage is a kind of page at an address of one of the test's sites.
type phonePage struct {
	name, path string
	site       *hosted
	// block lists addresses whose requests fail, to keep a page as it is
	// (the page left at an old address goes on with its script).
	block []string
	// ready is what to wait for once the page is used, beside the app.
	ready string
}

func TestPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two sites and drives Chromium")
	}
	t.Parallel()
	cs := startServe(t, buildSite(t, corpus), "")
	ls := startServe(t, buildSite(t, writeLadders(t)), "")
	pages := []phonePage{
		{name: "home", path: "/", site: &cs},
		{name: "role", path: "/roles/software-engineer", site: &cs},
		{name: "level", path: "/roles/software-engineer/senior", site: &cs},
		{name: "level-of-3", path: "/roles/consultant/ii", site: &cs},
		{name: "compare", path: "/compare?left=devops-engineer/ii&right=devops-engineer/senior", site: &cs, ready: firstChange},
		{name: "compare-roles", path: "/compare?left=software-engineer/senior&right=devops-engineer/senior", site: &cs, ready: firstChange},
		{name: "compare-empty", path: "/compare", site: &cs},
		{name: "track", path: "/roles/software-engineer/skills/" + sharedSkill, site: &cs},
		{name: "grid", path: "/roles/software-engineer/grid", site: &cs},
		{name: "assess", path: "/assess/software-engineer", site: &cs},
		{name: "search", path: "/search?q=mentor", site: &cs, ready: searchResults + ".length > 0"},
		{name: "not-found", path: "/roles/nope", site: &cs},
		{name: "moved", path: devopsPermalink, site: &cs, block: []string{"*://*:*/web/loader.js"}},
	}
	for _, l := range ladders {
		pages = append(pages, phonePage{name: l.id, path: "/roles/" + l.id + "/" + strings.ToLower(l.names[len(l.names)/2]), site: &ls})
	}
	// The screenshots of the last run, for a person to look at; build/
	// is not kept in git.
	shots := filepath.Join(root, "build", "screenshots")
	if err := os.RemoveAll(shots); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	browser := browsertest.Browser(t)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			tab := browsertest.NewTab(t, browser)
			blockURLs(t, tab, p.block...)
			for _, sc := range screens {
				openAt(t, tab, p, sc)
				checkScreen(t, tab, p, sc)
				screenshot(t, tab, filepath.Join(shots, p.name+"-"+sc.name+".png"), false)
				screenshot(t, tab, filepath.Join(shots, p.name+"-"+sc.name+"-whole.png"), true)
			}
		})
	}
	t.Logf("screenshots in %s", shots)
}

// firstChange is the comparison's first marked change.
const firstChange = `document.querySelector(".comparison ins, .comparison del") !== null`

// openAt sizes the tab as the screen and opens the page in it, in use.
func openAt(t *testing.T, tab context.Context, p phonePage, sc screen) {
	t.Helper()
	scale := 1.0
	if sc.phone {
		scale = 2
	}
	if _, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: sc.width, Height: sc.height, DeviceScaleFactor: scale, Mobile: sc.phone,
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(p.site.at(p.path))); err != nil {
		t.Fatalf("open %s: %v", p.path, err)
	}
	if p.block != nil {
		return // the page stays as it was written: no app
	}
	use(t, tab)
	waitFor(t, tab, appReady)
	if p.ready != "" {
		waitFor(t, tab, p.ready)
	}
}

// checkScreen checks the page on one screen: axe-core (tap targets
// included), no sideways scroll, and what each kind of page needs.
func checkScreen(t *testing.T, tab context.Context, p phonePage, sc screen) {
	t.Helper()
	violations, err := browsertest.Axe(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s at %s: %s", p.path, sc.name, v)
	}
	if w := eval[int](t, tab, `document.documentElement.scrollWidth`); w > int(sc.width) {
		t.Errorf("%s is %d px wide on a %d px screen", p.path, w, sc.width)
	}
	if sc.phone {
		// A phone zooms the page in on a field whose text is smaller than
		// 16 px, when it is focused.
		small := eval[[]string](t, tab, `[...document.querySelectorAll("input:not([type=range]):not([type=hidden]):not([type=file]), select, textarea")].filter(e => parseFloat(getComputedStyle(e).fontSize) < 16).map(e => e.id || e.name || e.tagName)`)
		if len(small) > 0 {
			t.Errorf("%s at %s: fields with text under 16 px, which a phone zooms in on: %q", p.path, sc.name, small)
		}
	}
	if eval[bool](t, tab, `document.getElementById("level-slider") !== null`) {
		checkTicks(t, tab, p.path, sc)
	}
	if eval[bool](t, tab, `document.querySelector(".grid-scroll") !== null`) {
		checkGridScroll(t, tab, p.path, sc)
	}
	if p.ready == firstChange {
		// The first skill's heading, and the first line of its first
		// marked change, in view.
		got := eval[[]float64](t, tab, `[document.querySelector(".compare-row h2").getBoundingClientRect().top, document.querySelector(".comparison ins, .comparison del").getClientRects()[0].bottom, innerHeight]`)
		if got[0] < 0 || got[1] > got[2] {
			t.Errorf("%s at %s: the first skill starts at y = %.0f and the first line of its first change ends at y = %.0f, below the fold at %.0f", p.path, sc.name, got[0], got[1], got[2])
		}
	}
}

// checkGridScroll scrolls the grid sideways to its end: the skill names
// stay in view, at its left edge.
func checkGridScroll(t *testing.T, tab context.Context, path string, sc screen) {
	t.Helper()
	got := eval[[]float64](t, tab, `(() => {
		const g = document.querySelector(".grid-scroll");
		g.scrollLeft = g.scrollWidth;
		const th = document.querySelector(".grid tbody th[scope=row]").getBoundingClientRect();
		return [g.scrollLeft, th.left - g.getBoundingClientRect().left, th.right, innerWidth];
	})()`)
	if sc.phone && got[0] == 0 {
		t.Errorf("%s at %s: the grid does not scroll sideways", path, sc.name)
	}
	if got[1] < -1 || got[1] > 1 || got[2] > got[3] {
		t.Errorf("%s at %s: scrolled to its end, the grid's skill names are %.0f px from its left edge and end at x = %.0f (window %.0f)", path, sc.name, got[1], got[2], got[3])
	}
	eval[bool](t, tab, `document.querySelector(".grid-scroll").scrollLeft = 0, true`)
}

// tickLayout reads the slider: each level's label as shown (its box, its
// lines) and announced, and where the slider puts the level's step.
const tickLayout = `(() => {
	const s = document.getElementById("level-slider"), r = s.getBoundingClientRect();
	const box = document.querySelector(".slider").getBoundingClientRect();
	const links = [...document.querySelectorAll(".ticks a")];
	const thumb = 16; // Chromium's range thumb: its centre runs from 8 px in to 8 px from the end
	return links.map((a, i) => {
		const b = a.getBoundingClientRect();
		return {
			left: b.left, right: b.right, boxLeft: box.left, boxRight: box.right,
			lines: a.getClientRects().length,
			height: b.height, lineHeight: parseFloat(getComputedStyle(a).lineHeight) || 0,
			step: r.left + thumb / 2 + i * (r.width - thumb) / (links.length - 1),
			text: a.innerText,
		};
	});
})()`

// tick is a level's label under the slider, as tickLayout reads it.
type tick struct {
	Left, Right, Step, Height, LineHeight float64
	BoxLeft, BoxRight                     float64
	Lines                                 int
	Text                                  string
}

// checkTicks checks the slider's level labels: each on one line, under its
// step, clear of the next, and announced by its full name.
func checkTicks(t *testing.T, tab context.Context, path string, sc screen) {
	t.Helper()
	ticks := eval[[]tick](t, tab, tickLayout)
	names := accessibleNames(t, tab, ".ticks a")
	want := eval[[]string](t, tab, `[...document.querySelectorAll("#level-ticks option")].map(o => o.label)`)
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("%s at %s: the level links are announced as %q, want the levels' names %q", path, sc.name, names, want)
	}
	for i, k := range ticks {
		if k.Lines != 1 || k.Height > 1.5*k.LineHeight {
			t.Errorf("%s at %s: the label %q takes %d boxes, %.0f px high (a line is %.0f)", path, sc.name, k.Text, k.Lines, k.Height, k.LineHeight)
		}
		if k.Step < k.Left || k.Step > k.Right {
			t.Errorf("%s at %s: the label %q spans x %.0f to %.0f, not its step at %.0f", path, sc.name, k.Text, k.Left, k.Right, k.Step)
		}
		if k.Left < k.BoxLeft+2 || k.Right > k.BoxRight-2 {
			t.Errorf("%s at %s: the label %q spans x %.0f to %.0f, out of the slider's box (%.0f to %.0f)", path, sc.name, k.Text, k.Left, k.Right, k.BoxLeft, k.BoxRight)
		}
		if i > 0 && ticks[i-1].Right > k.Left {
			t.Errorf("%s at %s: the labels %q and %q overlap", path, sc.name, ticks[i-1].Text, k.Text)
		}
	}
}

// accessibleNames returns the name the browser gives each element sel
// matches, as a screen reader announces it.
func accessibleNames(t *testing.T, tab context.Context, sel string) []string {
	t.Helper()
	nodes, err := chromedp.Run(tab, chromedp.Nodes(sel))
	if err != nil {
		t.Fatal(err)
	}
	no := false
	var names []string
	for _, n := range nodes {
		res, err := chromedp.Call(tab, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: n.BackendNodeID, FetchRelatives: &no})
		if err != nil {
			t.Fatal(err)
		}
		name := ""
		if len(res.Nodes) > 0 && res.Nodes[0].Name != nil {
			_ = json.Unmarshal(res.Nodes[0].Name.Value, &name)
		}
		names = append(names, name)
	}
	return names
}

// screenshot writes the first screen of the page to file, or the whole
// page, as tall as it is.
func screenshot(t *testing.T, tab context.Context, file string, whole bool) {
	t.Helper()
	shot := chromedp.CaptureScreenshot()
	if whole {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(tab, shot)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
