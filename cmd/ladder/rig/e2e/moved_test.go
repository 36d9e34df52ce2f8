package e2e

import (
	"context"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// oldPage is a page of the careers site: its permalink, and the page of
// the explorer it is now.
type oldPage struct{ permalink, now string }

var permalinkLine = regexp.MustCompile(`(?m)^permalink:\s*(\S+)\s*$`)

// oldPages reads the corpus's permalinks as the careers site has them:
// each role's goes to the role's page, the index's to the home page.
func oldPages(t *testing.T) []oldPage {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpus, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the corpus's pages: %v (%d)", err, len(files))
	}
	var out []oldPage
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := permalinkLine.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s has no permalink", f)
		}
		p := string(m[1])
		now := "/roles/" + path.Base(p)
		if filepath.Base(f) == "index.md" {
			now = "/"
		}
		out = append(out, oldPage{p, now})
	}
	return out
}

// movedAnchors are links to headings of the careers site's DevOps engineer
// page, by the ids kramdown gave them, and where each lands now. An id the
// old page did not have lands on the role's page, with or without it (a
// host's redirect keeps it: anyHash).
var movedAnchors = []struct{ id, path, hash string }{
	{"senior-devops-engineer", "/roles/devops-engineer/senior", ""},
	{"continuous-delivery-4", "/roles/devops-engineer/senior", "#continuous-delivery"},
	{"infrastructure-standardization-and-automation-6", "/roles/devops-engineer/principal", "#infrastructure-standardization-and-automation"},
	{"skills-needed-for-this-level-2", "/roles/devops-engineer/ii", ""},
	{"modern-software-development", "/roles/devops-engineer", "#modern-software-development"},
	{"required-skills", "/roles/devops-engineer", ""},
	{"no-such-heading", "/roles/devops-engineer", anyHash},
}

// anyHash is a hash follow does not check.
const anyHash = "#*"

const devopsPermalink = "/careers/career-pathways/devops-engineer/"

// TestMoved follows the careers site's old addresses on the site built
// from its pages, as links in job posts and search engines do: every
// permalink, with and without its final slash, and links to a level's and
// a skill's heading, land on the right view, under ladder serve (the page
// left at the old address) and nginx (a 301, then the role's page), at the
// root and under a prefix.
func TestMoved(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the corpus's site and drives Chromium")
	}
	t.Parallel()
	dir := buildSite(t, corpus)
	sub := buildSite(t, corpus, "--prefix", "/sub")
	browser := browsertest.Browser(t)
	n := browsertest.Nginx(t, dir)
	np := browsertest.NginxPrefix(t, sub, "/sub")
	for _, h := range []struct {
		name  string
		s     hosted
		nginx bool
	}{
		{"ladder serve", startServe(t, dir, ""), false},
		{"nginx", hosted{url: n.URL, stop: n.Stop}, true},
		{"ladder serve prefix", startServe(t, sub, "/sub"), false},
		{"nginx prefix", hosted{url: np.URL, prefix: "/sub", stop: np.Stop}, true},
	} {
		t.Run(h.name, func(t *testing.T) { testMovedOn(t, browser, h.s, h.nginx) })
	}
	t.Run("without JavaScript", func(t *testing.T) { testMovedNoScript(t, browser, startServe(t, dir, "")) })
	t.Run("axe", func(t *testing.T) { testMovedAxe(t, browser, startServe(t, dir, "")) })
}

func testMovedOn(t *testing.T, browser context.Context, s hosted, nginx bool) {
	tab := browsertest.NewTab(t, browser)
	for _, p := range oldPages(t) {
		follow(t, tab, s, p.permalink, p.now, "")
	}
	for _, old := range []string{strings.TrimSuffix(devopsPermalink, "/"), devopsPermalink + "index.html"} {
		follow(t, tab, s, old, "/roles/devops-engineer", "")
	}
	for _, a := range movedAnchors {
		follow(t, tab, s, devopsPermalink+"#"+a.id, a.path, a.hash)
		// The role's page follows them too, for a host's redirect, which
		// keeps the #id.
		follow(t, tab, s, "/roles/devops-engineer#"+a.id, a.path, a.hash)
	}
	if nginx {
		// nginx answers the old address itself.
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Get(s.at(devopsPermalink))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || !strings.HasSuffix(resp.Header.Get("Location"), s.prefix+"/roles/devops-engineer") {
			t.Errorf("nginx answers %s with %s, Location %q; want a 301 to the role", devopsPermalink, resp.Status, resp.Header.Get("Location"))
		}
	}
}

// follow opens the old address and waits until the tab is on the page
// path, at hash, with that page's content in place.
func follow(t *testing.T, tab context.Context, s hosted, old, path, hash string) {
	t.Helper()
	// A link from elsewhere: a new load, even when the tab is on the same
	// page already.
	if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	// Navigate alone, not waiting for a load: the page may go on at once.
	if _, err := chromedp.Call(tab, cdpage.Navigate, cdpage.NavigateParams{URL: s.at(old)}); err != nil {
		t.Fatalf("open %s: %v", old, err)
	}
	want := s.at(path)
	if path == "/" {
		want = s.at("/")
	}
	js := `location.href === ` + jsString(want+hash)
	if hash == anyHash {
		js = `location.origin + location.pathname === ` + jsString(want)
	}
	js += ` && document.readyState === "complete" && document.querySelector("main h1") !== null`
	if hash != "" && hash != anyHash {
		js += ` && document.getElementById(` + jsString(strings.TrimPrefix(hash, "#")) + `) !== null`
	}
	waitFor(t, tab, js)
}

// blockURLs makes the tab's requests for addresses matching a pattern fail.
func blockURLs(t *testing.T, tab context.Context, patterns ...string) {
	t.Helper()
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	block := network.SetBlockedURLsParams{}
	for _, p := range patterns {
		block.URLPatterns = append(block.URLPatterns, &network.BlockPattern{URLPattern: p, Block: true})
	}
	if _, err := chromedp.Call(tab, network.SetBlockedURLs, block); err != nil {
		t.Fatal(err)
	}
}

// jsString quotes s as a JavaScript string.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// testMovedNoScript follows an old address with JavaScript off: the page
// left there refreshes to the role's page.
func testMovedNoScript(t *testing.T, browser context.Context, s hosted) {
	tab := browsertest.NewTab(t, browser)
	if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, cdpage.Navigate, cdpage.NavigateParams{URL: s.at(devopsPermalink + "#senior-devops-engineer")}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "/roles/devops-engineer" && document.querySelector("main h1") !== null && document.querySelector("main h1").textContent === "DevOps engineer"`)
}

// testMovedAxe checks the page left at an old address, kept from going on
// (its script blocked), with axe-core.
func testMovedAxe(t *testing.T, browser context.Context, s hosted) {
	tab := browsertest.NewTab(t, browser)
	blockURLs(t, tab, "*://*:*/web/loader.js")
	if err := chromedp.Do(tab, chromedp.Navigate(s.at(devopsPermalink))); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, tab, `document.querySelector("main a").getAttribute("href")`); got != "/roles/devops-engineer" {
		t.Errorf("the page left at the old address links %q", got)
	}
	violations, err := browsertest.Axe(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s: %s", devopsPermalink, v)
	}
}
