package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/browsertest"
)

// dataRequests lists the data files the page has fetched, by path without
// the site's prefix, index first.
const dataRequests = `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.includes("/data/")).map(p => p.slice(p.indexOf("/data/"))).sort()`

// testLoadsRoles: the app fetches a role's data when a page needs it, and
// only then: the home page takes the index, a role reached in the app its
// own file, a comparison the files of its two sides. levels are a level of
// each role.
func testLoadsRoles(t *testing.T, browser context.Context, s hosted, roles, levels []string) {
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
