package e2e

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// pwned is what a hostile link's script would do: mark the document.
const pwned = "document.documentElement.dataset.pwned=1"

// hostileLinks is a paragraph of links a hostile author could write, each
// to a scheme hidden in an encoding a browser or goldmark decodes, and
// links that are fine: within the page, to the site and to a phone (a tel:
// link stopped go-app, which pushed it into the history).
const hostileLinks = "[h1](javascript&colon;" + pwned + ") [h2](javascript&#58;" + pwned + ") " +
	"[h3](javascript&#x3A;" + pwned + ") [h4](javascript&#X3a;" + pwned + ") [h5](&#106;avascript:" + pwned + ") " +
	"[h6](java&Tab;script:" + pwned + ") [h7](javascript%3A" + pwned + ") [h8](JaVaScRiPt:" + pwned + ") " +
	"![h9](javascript&colon;" + pwned + ") [h10][hostile] <javascript:" + pwned + "> " +
	"[h11](data&colon;text/html,%3Cscript%3E" + pwned + "%3C/script%3E) [h12](vbscript&colon;" + pwned + ") " +
	"[fine](#distributed-systems) [home](/) [call](tel:+442079460000)\n\n[hostile]: javascript&colon;" + pwned + "\n"

// hostileFiles are file names that are not ids, and the ids they become.
var hostileFiles = map[string]string{
	"x y.md":         "x-y",
	"tab\tname.md":   "tab-name",
	"q?x.md":         "q-x",
	"h#x.md":         "h-x",
	"%2e%2e.md":      "2e-2e",
	"développeur.md": "développeur",
	"-dash.md":       "dash",
}

// writeHostileContent writes the bundled page under each of hostileFiles'
// names, without its permalink so that the name gives the id, with
// hostileLinks in the introduction and in a Senior expectation.
func writeHostileContent(t *testing.T) string {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join(contentDir, "devops-engineer.md"))
	if err != nil {
		t.Fatal(err)
	}
	page := regexp.MustCompile(`(?m)^permalink: .*\n`).ReplaceAllString(string(seed), "")
	for _, at := range []string{"\n### Required skills", "You identify inefficiencies in a system"} {
		if !strings.Contains(page, at) {
			t.Fatalf("the bundled page lacks %q", at)
		}
		page = strings.Replace(page, at, "\n"+hostileLinks+"\n"+at, 1)
	}
	dir := t.TempDir()
	for name := range hostileFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestHostileContent builds a site from pages a hostile author could write
// and serves it from a host that sends no security headers: what ladder
// check passes, ladder build builds; every link leads where its page is;
// no link runs script, before the app starts or after; the page's own
// policy refuses injected script; and the app still works.
func TestHostileContent(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site and drives Chromium")
	}
	content := writeHostileContent(t)
	code, stdout, stderr := runLadder(t, "check", content)
	if code != 0 {
		t.Fatalf("ladder check: status %d\n%s%s", code, stdout, stderr)
	}
	for name, id := range hostileFiles {
		if !strings.Contains(stdout, "the role's id, in its addresses, is \""+id+"\"") && id != strings.TrimSuffix(name, ".md") {
			t.Errorf("ladder check says nothing of %q becoming %q:\n%s", name, id, stdout)
		}
	}
	dir := buildSite(t, content)
	origin := browsertest.PlainHost(t, dir)
	checkHostileSite(t, dir, origin)
	browser := browsertest.Browser(t)
	t.Run("before the app starts", func(t *testing.T) {
		tab := browsertest.NewTab(t, browser)
		blockURLs(t, tab, "*://*:*/*.wasm")
		for _, id := range hostileFiles {
			clickEveryLink(t, tab, origin, "/roles/"+id)
			clickEveryLink(t, tab, origin, "/roles/"+id+"/senior")
		}
		if eval[bool](t, tab, `document.documentElement.dataset.app === "ready"`) {
			t.Error("the app started: the links were not tried on the page before it")
		}
	})
	t.Run("with the app", func(t *testing.T) {
		s := hosted{url: origin}
		for _, id := range []string{"x-y", "développeur"} {
			tab := open(t, browser, s, "/roles/"+id+"/senior")
			checkHeading(t, tab, "/roles/"+id+"/senior", "Senior DevOps engineer")
			checkPagePolicy(t, tab)
			clickLinks(t, tab, origin)
			// The app still runs: a tick label takes the page to its level in
			// place, without loading another document.
			waitFor(t, tab, appReady)
			eval[bool](t, tab, `window.stayed = true`)
			if err := chromedp.Do(tab, chromedp.Click(`.ticks a[href$="/staff"]`)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, tab, `location.pathname.endsWith("/staff") && document.querySelector("h1").textContent === "Staff DevOps engineer" && window.stayed`)
			// And under its own policy: the slider steps in place.
			tab = open(t, browser, s, "/roles/"+id+"/senior")
			if err := chromedp.Do(tab, chromedp.Focus("#level-slider"), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
				t.Fatal(err)
			}
			want := "/roles/" + id + "/staff"
			waitFor(t, tab, `decodeURI(location.pathname) === `+strconv.Quote(want)+` && document.querySelector("h1").textContent === "Staff DevOps engineer"`)
		}
	})
	t.Run("in search results", func(t *testing.T) {
		// The hostile links' words are text in the results: no element
		// of theirs, and every result a link to the site.
		tab := open(t, browser, hosted{url: origin}, "/search")
		searchFor(t, tab, "pwned")
		hrefs := eval[[]string](t, tab, searchResults+`.map(a => a.href)`)
		if len(hrefs) == 0 {
			t.Fatal("searching the hostile links' words found nothing")
		}
		for _, h := range hrefs {
			if !strings.HasPrefix(h, origin+"/") {
				t.Errorf("a result links to %q, off the site", h)
			}
		}
		tags := eval[[]string](t, tab, `[...new Set([...document.querySelectorAll("#search-results *")].map(e => e.localName))].sort()`)
		if want := []string{"a", "h2", "li", "mark", "ol", "section", "span"}; !slices.Equal(tags, want) {
			t.Errorf("the results hold the elements %q, want only %q", tags, want)
		}
		eval[bool](t, tab, searchResults+`[0].click(), true`)
		waitFor(t, tab, `location.href === `+strconv.Quote(hrefs[0])+` && document.querySelector("h1") !== null`)
		if eval[bool](t, tab, `document.documentElement.dataset.pwned === "1"`) {
			t.Fatal("a search result ran the hostile link's script")
		}
	})
}

// hrefRe finds the links and sources of a built page.
var hrefRe = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// checkHostileSite checks the built files: every role's pages are where
// their ids say, every link of every page is to the web, mail, a phone or
// the site, and every link to the site is to something that origin, the
// site's host, serves.
func checkHostileSite(t *testing.T, dir, origin string) {
	t.Helper()
	for _, id := range hostileFiles {
		for _, file := range []string{"roles/" + id + ".html", "roles/" + id + "/senior.html", "roles/" + id + "/grid.html"} {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(file))); err != nil {
				t.Errorf("the site lacks %s: %v", file, err)
			}
		}
	}
	pages, err := filepath.Glob(filepath.Join(dir, "roles", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, filepath.Join(dir, "index.html"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range hrefRe.FindAllStringSubmatch(string(b), -1) {
			u, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil {
				t.Errorf("%s: a link that does not parse: %q", p, m[1])
				continue
			}
			switch {
			case u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto" || u.Scheme == "tel":
			case u.Scheme != "" || u.Host != "":
				t.Errorf("%s: a link to %q", p, m[1])
			case u.Path != "":
				if status := statusOf(t, origin+u.EscapedPath()); status != http.StatusOK {
					t.Errorf("%s: a link to %q, which the host answers with %d", p, m[1], status)
				}
			}
		}
	}
}

// statusOf returns the status of a GET of url.
func statusOf(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// clickEveryLink loads path in tab and clicks every link of its prose.
func clickEveryLink(t *testing.T, tab context.Context, origin, path string) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.Navigate(origin+path)); err != nil {
		t.Fatal(err)
	}
	clickLinks(t, tab, origin)
}

// clickLinks clicks, one by one, every link in the prose of the tab's page
// (its texts come from the pathway page), coming back to the page after
// each, and checks that no script ran. Every link must be to the site or a
// phone: the hostile page has only those, and a test reaches no other host.
func clickLinks(t *testing.T, tab context.Context, origin string) {
	t.Helper()
	page := eval[string](t, tab, `location.href`)
	hrefs := eval[[]string](t, tab, `[...document.querySelectorAll(".prose a")].map(a => a.href)`)
	if len(hrefs) == 0 {
		t.Fatalf("%s: no link in the prose to click", page)
	}
	for i, href := range hrefs {
		to := href // where the tab goes: a phone number leaves it here
		switch {
		case strings.HasPrefix(href, "tel:"):
			to = page
			// The browser's own answer, a call, is kept from starting, as it
			// left headless Chromium deaf to the next click; the event still
			// goes where the page sends it.
			eval[bool](t, tab, `addEventListener("click", e => e.preventDefault(), {capture: true, once: true}), true`)
		case !strings.HasPrefix(href, origin+"/"):
			t.Fatalf("%s: a link to %q, off the site", page, href)
		}
		eval[bool](t, tab, `document.querySelectorAll(".prose a")[`+strconv.Itoa(i)+`].click(), true`)
		waitFor(t, tab, `location.href === `+strconv.Quote(to)+` && document.readyState === "complete" && document.body`)
		if eval[bool](t, tab, `document.documentElement.dataset.pwned === "1"`) {
			t.Fatalf("%s: clicking %s ran the link's script", page, href)
		}
		if eval[string](t, tab, `location.href`) != page {
			if err := chromedp.Do(tab, chromedp.Navigate(page)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// checkPagePolicy checks that the page's own Content-Security-Policy, the
// only one on a host that sends none, refuses what a hostile link or
// script would try: an inline script and a javascript: URL.
func checkPagePolicy(t *testing.T, tab context.Context) {
	t.Helper()
	if got := eval[string](t, tab, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ""`); !strings.Contains(got, "script-src 'self' 'wasm-unsafe-eval'") {
		t.Fatalf("the page's policy is %q", got)
	}
	eval[bool](t, tab, `(() => {
		const s = document.createElement("script");
		s.textContent = "`+pwned+`";
		document.body.append(s);
		const a = document.createElement("a");
		a.href = "javascript:`+pwned+`";
		document.body.append(a);
		a.click();
		return true;
	})()`)
	waitFor(t, tab, `window.__browsertestCSP && window.__browsertestCSP.length >= 2`)
	if eval[bool](t, tab, `document.documentElement.dataset.pwned === "1"`) {
		t.Fatal("an injected script ran under the page's own policy")
	}
}
