package app

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// searchPage finds where words appear in every role, as the visitor
// types: the places that match, grouped by role, each a link to the view
// that shows it. The address follows the query, q, so that a search can
// be shared. Search runs on the device: the places are data the app
// fetches when search is first used, and nothing of a query leaves it.
type searchPage struct {
	app.Compo
	cat   *Catalog
	query string
	// shown is what the page shows for query.
	shown searchView
	// written is the results' HTML in the page. The page writes the
	// results itself, in the event that changes them (see write): go-app
	// renders their element, empty, and never changes it.
	written string
	quick   *quickListener
	keys    app.Func
}

// maxHits is how many places a search shows: the best ones.
const maxHits = 50

func newSearchPage(c *Catalog) *searchPage {
	p := &searchPage{cat: c}
	if app.IsClient {
		// The first render must already show what the address asks for.
		p.query = queryAt(app.Window().URL())
	}
	return p
}

// queryAt is the query of a search page's address: its q, or the q of its
// fragment, where the loader puts a query typed before the app ran, so
// that it is not sent with the page's request.
func queryAt(u *url.URL) string {
	if q := u.Query().Get("q"); q != "" {
		return q
	}
	if f, err := url.ParseQuery(u.Fragment); err == nil {
		return f.Get("q")
	}
	return ""
}

// searchPath is the address of the search for q.
func searchPath(q string) string {
	if q == "" {
		return searchPattern
	}
	return searchPattern + "?q=" + url.QueryEscape(q)
}

func (p *searchPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *searchPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	p.query = queryAt(u)
	if u.Query().Get("q") != p.query {
		p.follow(ctx)
	}
	field := app.Window().GetElementByID("search-q")
	if field.Truthy() {
		if field.Get("value").String() != p.query {
			field.Set("value", p.query)
		}
		field.Call("focus")
	}
	p.load(ctx)
}

// OnMount answers the field's typing in the event that brings it (see
// quick.go), and the keys that move through the results.
func (p *searchPage) OnMount(ctx app.Context) {
	p.quick = listenQuick(ctx, "input", func(id string) bool { return id == "search-q" }, p.quickType, p.mend)
	p.keys = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) > 0 {
			moveThroughResults(args[0])
		}
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "keydown", p.keys)
}

func (p *searchPage) OnDismount() {
	p.quick.stop()
	if p.keys != nil {
		app.Window().Get("document").Call("removeEventListener", "keydown", p.keys)
		p.keys.Release()
	}
}

// load fetches the places when search is first used, and searches them.
func (p *searchPage) load(ctx app.Context) {
	p.cat.NeedOutline(ctx, p.load) // the results name roles and levels
	p.cat.NeedSearch(ctx, p.load)
	p.shown = p.view(p.query)
	p.write(p.shown)
	setMeta(ctx, p.cat, searchPattern, searchTitle(p.query), searchDescription)
}

// searchDescription is the search page's description.
const searchDescription = "Find where a skill, a tool or a practice appears in every role and level."

// typed takes the field's new query: it searches, writes the results and
// puts the query in the address. go-app calls it during the input event,
// before the quick path, which then finds the results written; the quick
// path writes them when go-app has not.
func (p *searchPage) typed(ctx app.Context, _ app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
	p.shown = p.view(p.query)
	p.write(p.shown)
	p.follow(ctx)
	setMeta(ctx, p.cat, searchPattern, searchTitle(p.query), searchDescription)
}

// follow puts the query in the address, in place.
func (p *searchPage) follow(ctx app.Context) {
	u := *ctx.Page().URL()
	next, _ := url.Parse(p.cat.Path(searchPath(p.query)))
	u.RawQuery, u.Fragment = next.RawQuery, ""
	ctx.Page().ReplaceURL(&u)
}

func searchTitle(q string) string {
	if q == "" {
		return "Search"
	}
	return "“" + q + "” – Search"
}

// quickType shows the results of the field's query during the input
// event (see quick.go), unless the places are still on their way; typed
// has most often written them already.
func (p *searchPage) quickType(field app.Value) bool {
	v := p.view(field.Get("value").String())
	if !v.ready {
		return false
	}
	p.write(v)
	return true
}

// mend writes the results shown into the page, if go-app's frame has come
// to another query than quickType wrote (see quick.go).
func (p *searchPage) mend() { p.write(p.shown) }

// write puts a view into the page: its count, as go-app will a frame
// later, and its results, which only the page writes, when they are not
// what the page holds. Each key writes them once, whichever of the quick
// path and go-app's handler comes first.
func (p *searchPage) write(v searchView) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	setText(doc.Call("getElementById", "search-count"), v.count)
	if e := doc.Call("getElementById", "search-results"); e.Truthy() && v.inner != p.written {
		e.Set("innerHTML", v.inner)
		p.written = v.inner
	}
}

func (p *searchPage) Render() app.UI {
	return framed(p.cat, false, []crumb{{"Roles", "/"}}, "Search",
		txt("h1", nil, "Search"),
		el("noscript", nil, el("p", attrs{"class", "notice"},
			txt("span", nil, "Search needs JavaScript, which is off: "),
			txt("a", attrs{"href", p.cat.Path("/")}, "browse the roles"),
			txt("span", nil, " instead."),
		)),
		el("form", attrs{"class", "search-form", "role", "search", "action", p.cat.Path(searchPattern)},
			txt("label", attrs{"for", "search-q"}, "Search every role and level"),
			void("input", attrs{
				"type", "search", "id", "search-q", "name", "q", "autocomplete", "off", "spellcheck", "false",
				"enterkeyhint", "go", "aria-describedby", "search-hint", "aria-controls", "search-results",
			}, "input", p.typed),
			txt("p", attrs{"class", "hint", "id", "search-hint"},
				"Every word must match; a word’s start finds longer words; put a phrase in quotes. ↓ and ↑ move through the results, Enter opens one."),
		),
		txt("p", attrs{"class", "search-count", "id", "search-count", "role", "status"}, p.shown.count),
		// The results: written by the page (see write), never by go-app.
		app.Raw(`<div class="search-results" id="search-results"></div>`),
	)
}
