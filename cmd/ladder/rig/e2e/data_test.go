package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// dataRequests lists the data files the page has fetched, by path without
// the site's prefix, index first.
const dataRequests = `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.includes("/data/")).map(p => p.slice(p.indexOf("/data/"))).sort()`

// testLoadsRoles: the app fetches a role's data when a page needs it, and
// only then: the home page takes the index, a role reached in the app its
// own file, a page of a role started on that role's file alone, a
// comparison the files of its two sides. levels are a level of each role;
// the site has roleCount roles.
func testLoadsRoles(t *testing.T, browser context.Context, s hosted, roleCount int, roles, levels []string) {
	tab := open(t, browser, s, "/")
	if got := eval[[]string](t, tab, dataRequests); !slices.Equal(got, []string{"/data/index.json"}) {
		t.Fatalf("the home page fetched %q, want the index alone", got)
	}
	eval[bool](t, tab, `window.stayed = true`)
	if err := chromedp.Do(tab, chromedp.Click(`.role-card a[href="/roles/`+roles[0]+`"]`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `window.stayed === true && location.pathname === "/roles/`+roles[0]+`" && document.getElementById("skills") !== null && document.querySelector(".required .prose") !== null`)
	got := eval[[]string](t, tab, dataRequests)
	if len(got) != 2 || !strings.HasPrefix(got[1], "/data/roles/"+roles[0]+".") {
		t.Errorf("after opening %s in the app, the data fetched is %q, want the index and that role's file", roles[0], got)
	}

	// A level's page names its role's file: the app starts with that file
	// alone, whatever the number of roles; the index comes when a page
	// lists the roles.
	level := open(t, browser, s, "/roles/"+roles[1]+"/"+levels[1])
	if got := eval[[]string](t, level, dataRequests); len(got) != 1 || !strings.HasPrefix(got[0], "/data/roles/"+roles[1]+".") {
		t.Errorf("the app started on a level of %s fetched %q, want that role's file alone", roles[1], got)
	}
	eval[bool](t, level, `window.stayed = true`)
	if err := chromedp.Do(level, chromedp.Click(`a.brand`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, level, `window.stayed === true && location.pathname === "/" && document.querySelectorAll(".role-card").length === `+strconv.Itoa(roleCount))
	if got := eval[[]string](t, level, dataRequests); len(got) != 2 || got[0] != "/data/index.json" {
		t.Errorf("after going home in the app, the data fetched is %q, want the index and the role's file", got)
	}

	cmp := open(t, browser, s, "/compare?left="+roles[1]+"/"+levels[1]+"&right="+roles[2]+"/"+levels[2])
	waitFor(t, cmp, `document.getElementById("compare-count") !== null`)
	got = eval[[]string](t, cmp, dataRequests)
	if len(got) != 3 || !strings.HasPrefix(got[1], "/data/roles/"+roles[1]+".") || !strings.HasPrefix(got[2], "/data/roles/"+roles[2]+".") {
		t.Errorf("a comparison of %s and %s fetched %q, want the index and both roles' files", roles[1], roles[2], got)
	}
	// Another role on one side: its file comes, and the comparison with it.
	choose(t, cmp, "right-role", roles[0])
	waitFor(t, cmp, `document.getElementById("right-level").value !== "" && document.getElementById("compare-count") !== null && location.search.includes("right=`+roles[0]+`/")`)
	if got := eval[[]string](t, cmp, dataRequests); len(got) != 4 {
		t.Errorf("after choosing %s, the data fetched is %q, want one more role's file", roles[0], got)
	}
}

// testRoleNotLoaded: a role whose file does not come says so, and offers
// a reload, instead of an empty page or a wrong "not found".
func testRoleNotLoaded(t *testing.T, browser context.Context, dir, role string) {
	broken := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(broken, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(broken, "data", "roles", role+".*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no data file for %s in the build (%v)", role, err)
	}
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	s := startServe(t, broken, "")
	// Started on the role's own page, the app tries the file the page
	// names, then the one the index names, and says what failed.
	direct := open(t, browser, s, "/roles/"+role)
	waitFor(t, direct, `document.getElementById("reload-role") !== null`)
	if got := eval[string](t, direct, `document.querySelector("main").innerText`); !strings.Contains(got, "could not be loaded") {
		t.Errorf("the app started on the page of a role whose file is missing reads %q", got)
	}
	tab := open(t, browser, s, "/")
	if err := chromedp.Do(tab, chromedp.Click(`.role-card a[href="/roles/`+role+`"]`)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `location.pathname === "/roles/`+role+`" && document.getElementById("reload-role") !== null`)
	if got := eval[string](t, tab, `document.querySelector("main").innerText`); !strings.Contains(got, "could not be loaded") || !strings.Contains(got, "status 404") {
		t.Errorf("the page of a role whose file is missing reads %q", got)
	}
	violations, err := browsertest.Axe(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("role not loaded: %s", v)
	}
}

// testPageOlderThanData: a page kept from before an update names a role's
// file the site no longer has; the app takes the file the index names now,
// and shows the role.
func testPageOlderThanData(t *testing.T, browser context.Context, dir, role string) {
	moved := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(moved, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(moved, "data", "roles", role+".*.json"))
	if err != nil || len(files) != 1 {
		t.Fatalf("want one data file for %s in the build, have %q (%v)", role, files, err)
	}
	old := "data/roles/" + filepath.Base(files[0])
	now := "data/roles/" + role + ".0123456789.json"
	if err := os.Rename(files[0], filepath.Join(moved, now)); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(moved, "data", "index.json")
	b, err := os.ReadFile(index)
	if err != nil || !bytes.Contains(b, []byte(old)) {
		t.Fatalf("the index does not name %s (%v)", old, err)
	}
	if err := os.WriteFile(index, bytes.ReplaceAll(b, []byte(old), []byte(now)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, gz := range []string{".br", ".gz"} {
		os.Remove(index + gz) // the forms of the index before the edit
		os.Remove(files[0] + gz)
	}
	s := startServe(t, moved, "")
	tab := open(t, browser, s, "/roles/"+role)
	waitFor(t, tab, `document.getElementById("skills") !== null && document.querySelector(".required .prose") !== null`)
	if got := eval[[]string](t, tab, dataRequests); !slices.Contains(got, "/"+now) {
		t.Errorf("the data fetched is %q, want the file the index names, /%s", got, now)
	}
}

// updateBudget is what an installed app may fetch to update after a
// one-word change in one skill of one level.
const updateBudget = 50_000

// TestUpdateCostsWhatChanged installs the app, whole offline copy and all,
// changes one word in one skill of one level, rebuilds, and lets the
// worker update: it fetches only what changed, within updateBudget.
func TestUpdateCostsWhatChanged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site twice and drives Chromium")
	}
	const oldText, newText = "You identify inefficiencies in a system", "You find inefficiencies in a system"
	content, write := editableContent(t, oldText)
	dir := buildSite(t, content)
	g := newGatedSite(t, dir)
	close(g.gate)
	tab := open(t, browsertest.Browser(t), g.hosted, senior)
	first := waitForCache(t, tab, "")
	installed := g.meter.Paths()

	write(newText)
	if code, out, errOut := runLadder(t, "build", "--content", content, "--out", dir); code != 0 {
		t.Fatalf("second build: status %d\n%s%s", code, out, errOut)
	}
	g.meter.Reset()
	await[bool](t, tab, `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)`)
	waitForCache(t, tab, first)
	fetched, bytes := g.meter.Paths(), g.meter.Bytes()
	t.Logf("first install: %d requests; update: %d bytes in %d requests %q", len(installed), bytes, len(fetched), fetched)
	if bytes > updateBudget {
		t.Errorf("the update fetched %d bytes, over %d: %q", bytes, updateBudget, fetched)
	}
	changed := regexp.MustCompile(`^/(app-worker\.js|app\.js|data/index\.json|data/roles/devops-engineer\.[0-9a-f]{10}\.json)$`)
	role := false
	for _, p := range fetched {
		if !changed.MatchString(p) {
			t.Errorf("the update fetched %s, which did not change", p)
		}
		role = role || strings.HasPrefix(p, "/data/roles/")
	}
	if !role {
		t.Errorf("the update did not fetch the changed role's file: %q", fetched)
	}
	// The new words are in the copy.
	text := await[string](t, tab, `caches.keys().then(k => caches.open(k[0])).then(c => c.keys().then(r => Promise.all(r.filter(q => q.url.includes("/data/roles/")).map(q => c.match(q).then(a => a.text()))))).then(t => t.join(""))`)
	if !strings.Contains(text, newText) {
		t.Error("the updated copy does not hold the new words")
	}
}

// waitForCache waits until the worker's only cache is a version other
// than not, and returns its name.
func waitForCache(t *testing.T, tab context.Context, not string) string {
	t.Helper()
	for range 300 {
		names := await[[]string](t, tab, `caches.keys()`)
		if len(names) == 1 && names[0] != not {
			if await[bool](t, tab, `navigator.serviceWorker.getRegistration().then(r => r !== undefined && r.active !== null && r.installing === null && r.waiting === null)`) {
				return names[0]
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the worker's cache did not become a version other than %q: %q", not, await[[]string](t, tab, `caches.keys()`))
	return ""
}

// copyBudget is what the whole-site offline copy may cost beyond the app's
// own files, against the brotli size of the data.
const copyBudget = 1.3

// testOfflineCopyCost installs the whole offline copy of a site and weighs
// what it fetched beyond the app's own files (the data and the shell)
// against the data's brotli size: the worker keeps the data, not a copy of
// every page.
func testOfflineCopyCost(t *testing.T, dir string) {
	var data int64
	err := filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".json.br") {
			return err
		}
		info, err := d.Info()
		data += info.Size()
		return err
	})
	if err != nil || data == 0 {
		t.Fatalf("the data's brotli files: %d bytes (%v)", data, err)
	}
	g := newGatedSite(t, dir)
	close(g.gate)
	tab := open(t, browsertest.Browser(t), g.hosted, "/")
	waitForCache(t, tab, "")
	content := g.meter.BytesWhere(func(p string) bool { return strings.HasPrefix(p, "/data/") || p == "/app-shell" })
	pages := 0
	for _, p := range g.meter.Paths() {
		if p != "/" && !strings.Contains(p, ".") && p != "/app-shell" {
			pages++
		}
	}
	t.Logf("offline copy beyond the app: %d bytes, the data %d bytes with brotli (%.2f×)", content, data, float64(content)/float64(data))
	if float64(content) > copyBudget*float64(data) {
		t.Errorf("the offline copy fetched %d bytes of data and shell, over %.1f× the data's %d bytes with brotli", content, copyBudget, data)
	}
	if pages > 0 {
		t.Errorf("the offline copy fetched %d pages: %q", pages, g.meter.Paths())
	}
}

// editableContent copies the bundled page into a new content folder, and
// returns the folder and a function that writes the page again with its
// first oldText replaced by text.
func editableContent(t *testing.T, oldText string) (string, func(text string)) {
	t.Helper()
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(contentDir, "devops-engineer.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(seed), oldText) {
		t.Fatalf("the content no longer says %q", oldText)
	}
	write := func(text string) {
		t.Helper()
		page := strings.Replace(string(seed), oldText, text, 1)
		if err := os.WriteFile(filepath.Join(dir, "devops-engineer.md"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(oldText)
	return dir, write
}
