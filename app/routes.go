package app

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The address of every kind of page, written once: literal segments and
// {named} parameters. The route table below, the path builders, the
// prerendered page list and the views' loaders all read these.
const (
	homePattern    = "/"
	comparePattern = "/compare" // its query says what it compares
	searchPattern  = SearchPath
	rolePattern    = "/roles/{role}"
	levelPattern   = "/roles/{role}/{level}"
	gridPattern    = "/roles/{role}/grid"
	trackPattern   = "/roles/{role}/skills/{skill}"
	assessPattern  = "/assess/{role}"
)

// SearchPath is the search page's address; its query, q, is what is
// searched for.
const SearchPath = "/search"

// route is one kind of page: its address, its component, and which pages
// of that kind exist.
type route struct {
	pattern string
	// page makes the component that shows the page whose parameters are
	// at; at is empty for an address whose page is only known in OnNav.
	page func(c *Catalog, at params) app.Composer
	// each lists the parameters of the pages of this kind that a role
	// has; nil for a kind with one page, which has no parameter.
	each func(r *ladder.Role) []params
	// startsApp marks a tool that needs the app to do anything (compare,
	// search, assess): its page starts the app as it loads. Every other page
	// reads as a document until the visitor uses it.
	startsApp bool
	// namesRoles marks a page of a role that also names other roles (a
	// skill's track lists the roles that share the skill): the app
	// starting on it needs the data index as well as the role's file.
	namesRoles bool
}

// routes are the kinds of page, in the order a role's pages are listed.
// Adding a kind of page is an entry here, its pattern and its view.
var routes = []route{
	{pattern: homePattern, page: func(c *Catalog, _ params) app.Composer { return newHome(c) }},
	{pattern: comparePattern, startsApp: true,
		page: func(c *Catalog, _ params) app.Composer { return newComparePage(c) }},
	{pattern: searchPattern, startsApp: true,
		page: func(c *Catalog, _ params) app.Composer { return newSearchPage(c) }},
	{pattern: rolePattern, each: theRole,
		page: func(c *Catalog, at params) app.Composer { return newRolePage(c, at["role"]) }},
	{pattern: levelPattern, each: eachLevel,
		page: func(c *Catalog, at params) app.Composer { return newLevelPage(c, at["role"], at["level"]) }},
	{pattern: gridPattern, each: theRole,
		page: func(c *Catalog, at params) app.Composer { return newGridPage(c, at["role"]) }},
	{pattern: assessPattern, each: theRole, startsApp: true,
		page: func(c *Catalog, at params) app.Composer { return newAssessPage(c, at["role"]) }},
	{pattern: trackPattern, each: eachSkill, namesRoles: true,
		page: func(c *Catalog, at params) app.Composer { return newTrackPage(c, at["role"], at["skill"]) }},
}

func theRole(r *ladder.Role) []params { return []params{{"role": r.ID}} }

func eachLevel(r *ladder.Role) []params {
	out := make([]params, len(r.Levels))
	for i := range r.Levels {
		out[i] = params{"role": r.ID, "level": r.Levels[i].ID}
	}
	return out
}

func eachSkill(r *ladder.Role) []params {
	out := make([]params, len(r.Skills))
	for i := range r.Skills {
		out[i] = params{"role": r.ID, "skill": r.Skills[i].ID}
	}
	return out
}

// params are the named parameters of an address, such as "role".
type params map[string]string

// fill returns the address of pattern with its parameters, in order, set
// to args.
func fill(pattern string, args ...string) string {
	parts := strings.Split(pattern, "/")
	for i, part := range parts {
		if strings.HasPrefix(part, "{") && len(args) > 0 {
			parts[i], args = args[0], args[1:]
		}
	}
	return strings.Join(parts, "/")
}

// path is the address of the page of r with the parameters at.
func (r *route) path(at params) string {
	var args []string
	for _, part := range strings.Split(r.pattern, "/") {
		if name, ok := paramName(part); ok {
			args = append(args, at[name])
		}
	}
	return fill(r.pattern, args...)
}

// paramName is the name of a pattern's segment that is a parameter.
func paramName(part string) (string, bool) {
	if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
		return part[1 : len(part)-1], true
	}
	return "", false
}

// match reads the page path p (empty segments ignored): its route and
// parameters, or nil when no kind of page has that address. Where two
// patterns match, the one with more literal segments wins: /roles/x/grid
// is the grid, not a level named "grid".
func match(p string) (*route, params) {
	var seg []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			seg = append(seg, s)
		}
	}
	var best *route
	var bestAt params
	bestLiterals := -1
	for i := range routes {
		r := &routes[i]
		at, literals, ok := r.read(seg)
		if ok && literals > bestLiterals {
			best, bestAt, bestLiterals = r, at, literals
		}
	}
	return best, bestAt
}

// read matches the segments of a path against r's pattern.
func (r *route) read(seg []string) (at params, literals int, ok bool) {
	parts := strings.FieldsFunc(r.pattern, func(c rune) bool { return c == '/' })
	if len(parts) != len(seg) {
		return nil, 0, false
	}
	at = params{}
	for i, part := range parts {
		if name, isParam := paramName(part); isParam {
			at[name] = seg[i]
		} else if part != seg[i] {
			return nil, 0, false
		} else {
			literals++
		}
	}
	return at, literals, true
}

// fallback is the regular expression of the addresses of r's kind that
// are not among the pages the catalog knows, for its route in go-app:
// each parameter any segment, with or without a final slash.
func (r *route) fallback() string {
	var b strings.Builder
	b.WriteString("^")
	for _, part := range strings.FieldsFunc(r.pattern, func(c rune) bool { return c == '/' }) {
		b.WriteString("/")
		if _, isParam := paramName(part); isParam {
			b.WriteString("[^/]+")
		} else {
			b.WriteString(regexp.QuoteMeta(part))
		}
	}
	b.WriteString("/?$")
	return b.String()
}

// byLiterals are the routes with parameters, most literal segments first:
// the order go-app must try their fallbacks in, as match prefers them.
func byLiterals() []*route {
	var out []*route
	for i := range routes {
		if routes[i].each != nil {
			out = append(out, &routes[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *route) int { return b.literals() - a.literals() })
	return out
}

// literals counts the segments of r's pattern that are not parameters.
func (r *route) literals() int {
	n := 0
	for _, part := range strings.Split(r.pattern, "/") {
		if _, isParam := paramName(part); part != "" && !isParam {
			n++
		}
	}
	return n
}

var (
	// shown is the catalog the routes' components show. go-app's routes are
	// global and can only be added, so a route reads the catalog when its
	// page is made: a build can render a second site.
	shown    atomic.Pointer[Catalog]
	fallback sync.Once
)

// Register routes every page of the explorer to its component, showing c.
// Call it before app.RunWhenOnBrowser in the browser, or before rendering
// pages on the server; a later call replaces the catalog.
//
// Each page of a role the catalog knows has a route of its own, which
// makes its component knowing what it shows: go-app mounts a page, and
// paints it, before it calls OnNav, and a component that waited for OnNav
// to read its URL would first replace the prerendered page with a wrong
// one. The server knows every role. The browser knows the roles of the
// first page, then each role as it arrives, and every role once a page
// has needed the index (see routeRoles): the app's start on a role's page
// does not grow with the number of roles. Other addresses of each kind get
// a component that learns what was asked in OnNav, and shows "Loading…"
// until then; any other address gets the not-found page.
func Register(c *Catalog) {
	shown.Store(c)
	for _, p := range onePages() {
		routePage(p)
	}
	c.mu.Lock()
	c.routeRoles()
	c.mu.Unlock()
	if app.IsServer {
		app.RouteFunc(ShellPath, func() app.Composer { return &shell{cat: shown.Load()} })
	}
	fallback.Do(func() {
		for _, r := range byLiterals() {
			app.RouteWithRegexpFunc(r.fallback(), func() app.Composer { return r.page(shown.Load(), params{}) })
		}
		app.RouteWithRegexpFunc(`.*`, func() app.Composer { return newNotFound(shown.Load()) })
	})
}

// routeRoles routes the pages of every role c knows: each role of the
// outline once the index has arrived (every role, on the server), else
// each role loaded whole. c.mu is held.
func (c *Catalog) routeRoles() {
	if c.outline != nil {
		for i := range c.outline.Roles {
			routeRole(&c.outline.Roles[i])
		}
		return
	}
	for _, r := range c.roles {
		routeRole(r)
	}
}

// routeRole routes each page of r to its component.
func routeRole(r *ladder.Role) {
	for _, p := range rolePages(r) {
		routePage(p)
	}
}

func routePage(p aPage) {
	app.RouteFunc(p.path, func() app.Composer { return p.route.page(shown.Load(), p.at) })
}

// aPage is one page that exists: its route, parameters and address.
type aPage struct {
	route *route
	at    params
	path  string
}

// pages lists every page that exists, in display order: the pages with no
// parameter (home, compare, search), then each role's pages (see rolePages).
func (c *Catalog) pages() []aPage {
	out := onePages()
	outline := c.Outline()
	for i := range outline.Roles {
		out = append(out, rolePages(&outline.Roles[i])...)
	}
	return out
}

// onePages lists the pages of the kinds with one page and no parameter
// (home, compare, search), in the table's order.
func onePages() []aPage {
	var out []aPage
	for i := range routes {
		if routes[i].each == nil {
			out = append(out, aPage{&routes[i], params{}, routes[i].pattern})
		}
	}
	return out
}

// rolePages lists the pages of a role, kind by kind in the table's order.
func rolePages(role *ladder.Role) []aPage {
	var out []aPage
	for i := range routes {
		r := &routes[i]
		if r.each == nil {
			continue
		}
		for _, at := range r.each(role) {
			out = append(out, aPage{r, at, r.path(at)})
		}
	}
	return out
}
