package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// The corpus's facts the search tests rely on: a skill three roles share,
// and words that appear in it.
const (
	sharedSkill   = "security-privacy-and-compliance"
	sharedByRole  = "software-engineer"
	searchResults = `[...document.querySelectorAll("#search-results a.search-hit")]`
)

// TestSearch builds the careers site's real pages and searches them in
// Chromium as a visitor does: from the masthead's field, as they type,
// with the keyboard, with nothing found, before the app runs, offline.
// Nothing of a query reaches the host.
func TestSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the corpus's site and drives Chromium")
	}
	t.Parallel()
	dir := buildSite(t, corpus)
	g := newGatedSite(t, dir)
	close(g.gate)
	browser := browsertest.Browser(t)
	t.Run("from the masthead, as you type", func(t *testing.T) { testSearchAsYouType(t, browser, g) })
	t.Run("with the keyboard", func(t *testing.T) { testSearchKeyboard(t, browser, g.hosted) })
	t.Run("nothing matches", func(t *testing.T) { testSearchNothing(t, browser, g.hosted) })
	t.Run("a skill in other roles", func(t *testing.T) { testSkillElsewhere(t, browser, g.hosted) })
	t.Run("before the app runs", func(t *testing.T) { testSearchBeforeApp(t, newGatedSite(t, dir)) })
	t.Run("without JavaScript", func(t *testing.T) { testSearchNoScript(t, browser, g.hosted) })
	t.Run("offline", func(t *testing.T) { testSearchOffline(t, dir) })
	for _, w := range []string{"mentor", "strategy", "incident", "zzqx", "stakeholder"} {
		if sent := g.sent(w); len(sent) > 0 {
			t.Errorf("the query %q reached the host: %q", w, sent)
		}
	}
}

// searchFor types q into the search page's field, replacing what it
// holds, and waits for the results of q.
func searchFor(t *testing.T, tab context.Context, q string) {
	t.Helper()
	eval[bool](t, tab, `(f => { f.focus(); f.select(); return true })(document.getElementById("search-q"))`)
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Delete)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.KeyEvent(q)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, fmt.Sprintf(`new URLSearchParams(location.search).get("q") === %q && document.getElementById("search-count").textContent !== "Loading the search…"`, q))
}

// marks are the words the results mark, lower-cased.
func marks(t *testing.T, tab context.Context) []string {
	t.Helper()
	return eval[[]string](t, tab, `[...document.querySelectorAll("#search-results mark")].map(m => m.textContent.toLowerCase())`)
}

// testSearchAsYouType searches from the masthead's field of the home
// page, then types on the search page: the results follow each key, the
// address follows the query, and they are grouped by role.
func testSearchAsYouType(t *testing.T, browser context.Context, g *gatedSite) {
	tab := open(t, browser, g.hosted, "/")
	// "/" outside a control goes to the field, as on documentation sites,
	// and is not typed there: one key press, as a keyboard sends it (the
	// browser types no character for a key whose keydown is cancelled).
	for _, ev := range []*input.DispatchKeyEventParams{
		{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", WindowsVirtualKeyCode: 191},
		{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191},
	} {
		if _, err := chromedp.Call(tab, input.DispatchKeyEvent, *ev); err != nil {
			t.Fatal(err)
		}
	}
	if got := eval[string](t, tab, `document.activeElement.id`); got != "site-search-q" {
		t.Fatalf("after / the focus is on %q, not the masthead's search field", got)
	}
	if err := chromedp.Do(tab, chromedp.KeyEvent("mentor"+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "/search" && location.search === "?q=mentor" && `+searchResults+`.length > 0`)
	if h1 := eval[string](t, tab, `document.querySelector("h1").textContent`); h1 != "Search" {
		t.Errorf("the search page's h1 is %q", h1)
	}
	if got := eval[string](t, tab, `document.getElementById("search-q").value + " " + (document.activeElement.id)`); got != "mentor search-q" {
		t.Errorf("the search page's field holds and focus are %q, want the query, focused", got)
	}
	count := eval[string](t, tab, `document.getElementById("search-count").textContent`)
	groups := eval[[]string](t, tab, `[...document.querySelectorAll("#search-results .search-group h2")].map(h => h.textContent)`)
	t.Logf("mentor: %s, in %q", count, groups)
	if len(groups) < 2 || !strings.Contains(count, fmt.Sprintf("in %d roles", len(groups))) {
		t.Errorf("mentor: count %q for the groups %q, want one group per role, and at least two", count, groups)
	}
	for _, m := range marks(t, tab) {
		if !strings.HasPrefix(m, "mentor") {
			t.Errorf("mentor: the results mark %q", m)
		}
	}

	// The results follow each key; the skill's name ranks above its
	// mentions: the first hit of "strategy" names it.
	for _, q := range []string{"s", "st", "str", "strategy"} {
		searchFor(t, tab, q)
	}
	first := eval[string](t, tab, `document.querySelector("#search-results .hit-title").textContent`)
	if !strings.Contains(strings.ToLower(first), "strategy") {
		t.Errorf("strategy: the first hit is %q, not a name holding the word", first)
	}

	// A phrase matches words in a row; another order does not.
	searchFor(t, tab, `"incident response"`)
	hits := eval[[]string](t, tab, searchResults+`.map(a => a.textContent.toLowerCase())`)
	if len(hits) == 0 {
		t.Error(`"incident response": nothing found`)
	}
	for _, h := range hits {
		if !strings.Contains(h, "incident response") {
			t.Errorf(`"incident response" found %q`, h)
		}
	}
	searchFor(t, tab, `"response incident"`)
	if n := eval[int](t, tab, searchResults+`.length`); n != 0 {
		t.Errorf(`"response incident": %d hits, want none`, n)
	}
}

// testSearchKeyboard moves through the results with the arrow keys and
// opens one with Enter; Enter in the field opens the first.
func testSearchKeyboard(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, "/search")
	searchFor(t, tab, "stakeholder")
	active := func() string {
		return eval[string](t, tab, `document.activeElement.id || document.activeElement.getAttribute("href")`)
	}
	hrefs := eval[[]string](t, tab, searchResults+`.map(a => a.getAttribute("href"))`)
	if len(hrefs) < 3 {
		t.Fatalf("stakeholder: %d hits, want at least 3", len(hrefs))
	}
	for _, step := range []struct {
		key, want string
	}{
		{kb.ArrowDown, hrefs[0]},
		{kb.ArrowDown, hrefs[1]},
		{kb.ArrowDown, hrefs[2]},
		{kb.ArrowUp, hrefs[1]},
		{kb.Escape, "search-q"},
		{kb.ArrowDown, hrefs[0]},
		{kb.ArrowUp, "search-q"},
		{kb.ArrowDown, hrefs[0]},
		{kb.ArrowDown, hrefs[1]},
	} {
		if err := chromedp.Do(tab, chromedp.KeyEvent(step.key)); err != nil {
			t.Fatal(err)
		}
		if got := active(); got != step.want {
			t.Fatalf("after %q the focus is on %q, want %q", step.key, got, step.want)
		}
	}
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	path, fragment, _ := strings.Cut(hrefs[1], "#")
	waitFor(t, tab, fmt.Sprintf(`location.pathname === %q && location.hash === %q && document.querySelector("h1") !== null`, path, asHash(fragment)))

	tab = open(t, browser, s, "/search")
	searchFor(t, tab, "stakeholder")
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	path, fragment, _ = strings.Cut(hrefs[0], "#")
	waitFor(t, tab, fmt.Sprintf(`location.pathname === %q && location.hash === %q`, path, asHash(fragment)))
}

// asHash is a link's fragment as location.hash gives it.
func asHash(f string) string {
	if f == "" {
		return ""
	}
	return "#" + f
}

// testSearchNothing: a query that matches nothing says so and offers the
// roles.
func testSearchNothing(t *testing.T, browser context.Context, s hosted) {
	tab := open(t, browser, s, "/search")
	searchFor(t, tab, "zzqx")
	if got := eval[string](t, tab, `document.getElementById("search-count").textContent`); got != "Nothing matches “zzqx”." {
		t.Errorf("zzqx: the count says %q", got)
	}
	if !eval[bool](t, tab, `document.querySelector("#search-results a[href='/']") !== null`) {
		t.Error("zzqx: no link to browse the roles")
	}
	checkAxe(t, tab, "/search?q=zzqx")
	searchFor(t, tab, "mentor")
	checkAxe(t, tab, "/search?q=mentor")
}

func checkAxe(t *testing.T, tab context.Context, what string) {
	t.Helper()
	violations, err := browsertest.Axe(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s: %s", what, v)
	}
}

// testSkillElsewhere: a skill's track lists the other roles that require
// it, prerendered and in the app, each a link to its track there.
func testSkillElsewhere(t *testing.T, browser context.Context, s hosted) {
	path := "/roles/" + sharedByRole + "/skills/" + sharedSkill
	res, err := http.Get(s.at(path))
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{"devops-engineer", "data-engineer"} {
		if want := `href="/roles/` + other + `/skills/` + sharedSkill + `"`; !strings.Contains(string(page), want) {
			t.Errorf("the prerendered %s does not link %s", path, want)
		}
	}
	tab := open(t, browser, s, path)
	links := eval[[]string](t, tab, `[...document.querySelectorAll(".elsewhere a")].map(a => a.getAttribute("href"))`)
	if len(links) != 2 {
		t.Fatalf("%s lists %q in other roles, want devops and data engineer", path, links)
	}
	checkAxe(t, tab, path)
	if err := chromedp.Do(tab, chromedp.Click(`.elsewhere a[href*="devops-engineer"]`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "/roles/devops-engineer/skills/`+sharedSkill+`" && document.querySelector(".eyebrow a").textContent === "DevOps engineer" && document.querySelector(".elsewhere a[href*='software-engineer']") !== null`)
}

// testSearchBeforeApp searches while app.wasm is held back: the search
// page says search needs the app, never an empty page; a query typed
// there, or sent from another page's field, is shown once the app runs.
func testSearchBeforeApp(t *testing.T, g *gatedSite) {
	browser := browsertest.Browser(t)
	tab := browsertest.NewTab(t, browser)
	if err := chromedp.Do(tab, chromedp.Navigate(g.at("/search"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.documentElement.dataset.app === "starting"`)
	if got := eval[string](t, tab, `document.getElementById("search-count").textContent`); !strings.Contains(got, "Search needs the app") {
		t.Errorf("before the app runs the search page says %q", got)
	}
	if err := chromedp.Do(tab, chromedp.SendKeys("#search-q", "mentor")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.search === "?q=mentor"`)

	// From a reading page's field, before the app runs.
	other := browsertest.NewTab(t, browser)
	if err := chromedp.Do(other, chromedp.Navigate(g.at("/roles/"+sharedByRole))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(other, chromedp.SendKeys("#site-search-q", "strategy"+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, other, `location.pathname === "/search" && location.hash === "#q=strategy"`)

	close(g.gate)
	for _, tt := range []struct {
		tab context.Context
		q   string
	}{{tab, "mentor"}, {other, "strategy"}} {
		waitFor(t, tt.tab, appReady+fmt.Sprintf(` && location.search === "?q=%s" && location.hash === "" && document.getElementById("search-q").value === %q && `, tt.q, tt.q)+searchResults+`.length > 0`)
		if sent := g.sent(tt.q); len(sent) > 0 {
			t.Errorf("the query %q reached the host: %q", tt.q, sent)
		}
	}
}

// testSearchNoScript: without JavaScript the search page says what it
// needs, and offers the roles.
func testSearchNoScript(t *testing.T, browser context.Context, s hosted) {
	tab := browsertest.NewTab(t, browser)
	if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(s.at("/search"))); err != nil {
		t.Fatal(err)
	}
	text := eval[string](t, tab, `document.querySelector("main").innerText`)
	if !strings.Contains(text, "Search needs JavaScript, which is off") {
		t.Errorf("without JavaScript the search page reads %q", text)
	}
}

// testSearchOffline searches once online, which fetches the search's
// places and has the worker keep them; then, the host stopped, a cold tab
// offline searches.
func testSearchOffline(t *testing.T, dir string) {
	s := startServe(t, dir, "")
	browser := browsertest.Browser(t)
	tab := open(t, browser, s, "/search")
	searchFor(t, tab, "mentor")
	waitFor(t, tab, searchResults+`.length > 0`)
	kept := `caches.keys().then(k => k.length === 1 && caches.open(k[0])).then(c => c && c.keys()).then(r => !!r && r.some(q => q.url.includes("/data/search.")))`
	for i := 0; !await[bool](t, tab, kept); i++ {
		if i == 300 {
			t.Fatal("the worker did not keep the search's file")
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.stop()
	cold := browsertest.NewTab(t, browser)
	if err := browsertest.Offline(cold, true); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(cold, chromedp.Navigate(s.at("/search?q=strategy"))); err != nil {
		t.Fatalf("offline search: %v", err)
	}
	waitFor(t, cold, appReady+` && document.getElementById("search-q").value === "strategy" && `+searchResults+`.length > 0`)
}
