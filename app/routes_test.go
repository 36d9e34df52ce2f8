package app

import (
	"maps"
	"regexp"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// TestRouteTable walks the route table: every page a catalog lists reads
// back, through match, as its own kind with its own parameters; go-app's
// fallback for its kind matches it, and no fallback tried before; the path
// builders agree with the table; and an address of no kind matches none.
func TestRouteTable(t *testing.T) {
	fw := &ladder.Framework{Roles: []ladder.Role{
		{ID: "devops", Levels: []ladder.Level{{ID: "one"}, {ID: "grid"}}, Skills: []ladder.Skill{{ID: "testing"}}},
		{ID: "data", Levels: []ladder.Level{{ID: "senior"}}, Skills: []ladder.Skill{{ID: "skills"}}},
	}}
	c := NewCatalog(fw, Site{})
	kinds := map[string]int{}
	for _, p := range c.pages() {
		kinds[p.route.pattern]++
		r, at := match(p.path)
		if p.route.pattern == levelPattern && p.at["level"] == "grid" {
			// A level named "grid" is shadowed by the grid: match says so.
			if r == nil || r.pattern != gridPattern {
				t.Errorf("%s: want the grid to win over a level named grid, got %v", p.path, r)
			}
			continue
		}
		if r != p.route || !maps.Equal(at, p.at) {
			t.Errorf("%s reads as %v %v, want %s %v", p.path, r, at, p.route.pattern, p.at)
		}
		if p.route.each == nil {
			continue
		}
		for _, q := range []string{p.path, p.path + "/"} {
			for _, f := range byLiterals() {
				if regexp.MustCompile(f.fallback()).MatchString(q) {
					if f != p.route {
						t.Errorf("go-app's fallbacks give %s to %s, want %s", q, f.pattern, p.route.pattern)
					}
					break
				}
			}
		}
	}
	for i := range routes {
		if kinds[routes[i].pattern] == 0 {
			t.Errorf("no page of kind %s", routes[i].pattern)
		}
		if routes[i].page(c, params{}) == nil {
			t.Errorf("%s makes no component", routes[i].pattern)
		}
	}

	builders := map[string]string{
		rolePath("devops"):                "/roles/devops",
		levelPath("devops", "one"):        "/roles/devops/one",
		gridPath("devops"):                "/roles/devops/grid",
		trackPath("devops", "testing"):    "/roles/devops/skills/testing",
		assessPath("devops"):              "/assess/devops",
		comparePath("a/one", "b/two"):     "/compare?left=a/one&right=b/two",
		fill(levelPattern, "x", "y"):      "/roles/x/y",
		fill(trackPattern, "x", "y", "z"): "/roles/x/skills/y",
	}
	for got, want := range builders {
		if got != want {
			t.Errorf("built %q, want %q", got, want)
		}
	}

	for _, p := range []string{"/elsewhere", "/roles", "/roles/a/b/c", "/roles/a/skills/b/c", "/assess", "/compare/x"} {
		if r, _ := match(p); r != nil {
			t.Errorf("%s matches %s, want no kind of page", p, r.pattern)
		}
	}
	if r, at := match("//roles//a/"); r == nil || r.pattern != rolePattern || at["role"] != "a" {
		t.Errorf("empty segments are not ignored: %v %v", r, at)
	}
	for p, want := range map[string]bool{"/compare": true, "/assess/devops": true, "/": false, "/roles/devops/one": false, "/elsewhere": false} {
		if got := c.StartsApp(p); got != want {
			t.Errorf("StartsApp(%s) = %t, want %t", p, got, want)
		}
	}
}
