package app

import (
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/search"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Name is the explorer's name, as the browser and the installed app show it.
const Name = "Ladder explorer"

// Site says where the explorer is published.
type Site struct {
	// BaseURL is the public origin, such as "https://careers.example.org",
	// with no path and no trailing slash. Pages put it in their canonical
	// link and their og:url; the browser does not need it.
	BaseURL string
	// Prefix is the path the site lives under, such as "/ladders", or empty
	// when it lives at the root. Every link carries it.
	Prefix string
}

// Catalog is the framework the explorer shows and where it is published:
// everything a component needs besides the URL. On the server it holds
// every role whole. In the browser it starts from the data index, every
// role's outline, and loads a role whole when a page needs it (see
// load.go).
type Catalog struct {
	site Site
	// mu guards what arrives as pages need it: everything below.
	mu sync.Mutex
	// outline is every role as the index has it, without prose; nil in
	// the browser until the index has arrived.
	outline *ladder.Framework
	// files are the roles' data files, by ID, in the browser.
	files map[string]string
	// err is why the index could not be loaded, if it could not.
	err error
	// indexWaiting holds who waits for the index while it is on its way.
	indexWaiting []waiter
	// roles are the roles loaded whole, by ID.
	roles map[string]*ladder.Role
	// loading holds who waits for a role on its way; failed, why a role
	// could not be loaded.
	loading map[string][]waiter
	failed  map[string]error
	// searchFile is the search's file, as the index names it; search,
	// its places indexed once they have arrived, or searchErr why they
	// could not be had; searchWaiting, who waits for them meanwhile.
	searchFile    string
	search        *search.Index
	searchErr     error
	searchWaiting []waiter
}

// NewCatalog returns the catalog of fw, every role whole, published at
// site.
func NewCatalog(fw *ladder.Framework, site Site) *Catalog {
	if fw == nil {
		fw = &ladder.Framework{}
	}
	c := newCatalog(site)
	c.outline = fw
	for i := range fw.Roles {
		c.roles[fw.Roles[i].ID] = &fw.Roles[i]
	}
	return c
}

func newCatalog(site Site) *Catalog {
	site.Prefix = strings.TrimSuffix(site.Prefix, "/")
	site.BaseURL = strings.TrimSuffix(site.BaseURL, "/")
	return &Catalog{
		site:    site,
		roles:   map[string]*ladder.Role{},
		files:   map[string]string{},
		loading: map[string][]waiter{},
		failed:  map[string]error{},
	}
}

// Outline returns every role as lists and links need it: its names, its
// levels' IDs, names and titles, and its skills' IDs. Where a role's prose
// is needed, Role gives the role whole. In the browser, until the index
// has arrived (see NeedOutline), it holds only the roles loaded whole.
func (c *Catalog) Outline() *ladder.Framework {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.outline != nil {
		return c.outline
	}
	fw := &ladder.Framework{}
	for _, r := range c.roles {
		fw.Roles = append(fw.Roles, *r)
	}
	slices.SortFunc(fw.Roles, func(a, b ladder.Role) int { return strings.Compare(a.ID, b.ID) })
	return fw
}

// title is the title of the role with the given ID, as the outline has it,
// or the ID itself when the outline does not have it yet.
func (c *Catalog) title(id string) string {
	if r := c.Outline().Role(id); r != nil {
		return r.Title
	}
	return id
}

// Role returns the role with the given ID, whole, or nil when there is no
// such role or it is not loaded (see Need).
func (c *Catalog) Role(id string) *ladder.Role {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.roles[id]
}

// Path returns the path of a page, such as "/roles/x", as links must
// carry it: with the site's prefix.
func (c *Catalog) Path(p string) string {
	if c.site.Prefix != "" && p == "/" {
		return c.site.Prefix + "/"
	}
	return c.site.Prefix + p
}

// URL returns the public address of a page.
func (c *Catalog) URL(p string) string {
	return c.site.BaseURL + c.Path(p)
}

// local returns the page path of a URL path, without the site's prefix.
// Pages are prerendered from their unprefixed path; in the browser the
// address bar carries the prefix.
func (c *Catalog) local(p string) string {
	if app.IsClient && c.site.Prefix != "" {
		if p == c.site.Prefix {
			return "/"
		}
		p = strings.TrimPrefix(p, c.site.Prefix)
	}
	if p == "" {
		return "/"
	}
	return p
}

// Pages returns the path of every page that exists, in display order (see
// pages).
func (c *Catalog) Pages() []string {
	var out []string
	for _, p := range c.pages() {
		out = append(out, p.path)
	}
	return out
}

// RoleOf returns the ID of the role whose page is at path (no prefix), or
// empty when the page is not one role's.
func (c *Catalog) RoleOf(path string) string {
	_, at := match(path)
	return at["role"]
}

// StartsApp says whether the page at path (no prefix) is a tool that needs
// the app to do anything, whose page starts the app as it loads (see
// route.startsApp).
func (c *Catalog) StartsApp(path string) bool {
	r, _ := match(path)
	return r != nil && r.startsApp
}

func rolePath(role string) string { return fill(rolePattern, role) }

func levelPath(role, level string) string { return fill(levelPattern, role, level) }

func trackPath(role, skill string) string { return fill(trackPattern, role, skill) }

// MovedPath is the page, and the place on it, where what a heading of the
// careers site's page of role introduced is now (see ladder.Anchor): a
// level's page, at the skill when there is one, or the role's page, at the
// skill when there is one.
func MovedPath(role string, a ladder.Anchor) string {
	p := rolePath(role)
	if a.Level != "" {
		p = levelPath(role, a.Level)
	}
	if a.Skill != "" {
		p += "#" + a.Skill
	}
	return p
}

func gridPath(role string) string { return fill(gridPattern, role) }

func assessPath(role string) string { return fill(assessPattern, role) }

// comparePath is the comparison of two levels, each "role/level".
func comparePath(left, right string) string {
	return comparePattern + "?left=" + sideQuery(left) + "&right=" + sideQuery(right)
}

// sideQuery escapes "role/level" for a query, keeping its slash as it is,
// so that shared addresses read as the contract writes them.
func sideQuery(ref string) string {
	role, level, _ := strings.Cut(ref, "/")
	return url.QueryEscape(role) + "/" + url.QueryEscape(level)
}
