package app

import (
	"strconv"
	"strings"

	"github.com/ladder-explorer/ladder/ladder/search"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// searchView is what the search page shows for a query: the count line and
// the results' HTML.
type searchView struct {
	query string
	ready bool // the places had arrived
	count string
	inner string
}

// snippetWords is about how many words of a place's text a result shows.
const snippetWords = 24

// view is what the page shows for q: before the app runs, that search
// needs it; while the places are on their way, that they are; then the
// places that match. The last view is kept: the quick path and go-app's
// handler ask for the same query one after the other.
func (p *searchPage) view(q string) searchView {
	if app.IsServer {
		return searchView{query: q, count: "Search needs the app, which starts as the page loads…"}
	}
	ix := p.cat.searchIndex()
	if p.shown.ready && ix != nil && p.shown.query == q {
		return p.shown
	}
	switch {
	case ix == nil && p.cat.SearchErr() != nil:
		return searchView{query: q, count: "The search could not be loaded (" + p.cat.SearchErr().Error() + "). Check the connection, then reload the page."}
	case ix == nil:
		return searchView{query: q, count: "Loading the search…"}
	}
	v := searchView{query: q, ready: true}
	query := search.Parse(q)
	if query.IsEmpty() {
		return v
	}
	res := ix.Search(query, maxHits)
	if res.Total == 0 {
		v.count = "Nothing matches “" + q + "”."
		v.inner = `<p class="search-none">Try fewer words, or the start of a word, or <a href="` +
			escapeText(p.cat.Path("/")) + `">browse the roles</a>.</p>`
		return v
	}
	v.count = countPlaces(res)
	v.inner = resultsHTML(p.cat, ix, query, res)
	return v
}

// countPlaces says how many places matched, and how many are shown.
func countPlaces(res search.Results) string {
	places := plural(res.Total, "place") + " in " + plural(res.Roles, "role")
	if shown := res.Shown(); shown < res.Total {
		return "The best " + strconv.Itoa(shown) + " of " + places + "."
	}
	return places + "."
}

// resultsHTML is the results as HTML: a section per role, with a link per
// place, its name and its words with what matched marked. Every text is
// escaped: it is the content's.
func resultsHTML(c *Catalog, ix *search.Index, q search.Query, res search.Results) string {
	var b strings.Builder
	for gi, g := range res.Groups {
		id := "search-group-" + strconv.Itoa(gi)
		b.WriteString(`<section class="search-group" aria-labelledby="` + id + `"><h2 id="` + id + `">` + escapeText(c.title(g.Role)) + `</h2><ol class="search-hits">`)
		for _, h := range g.Hits {
			d := ix.Doc(h.Doc)
			b.WriteString(`<li><a class="search-hit" href="` + escapeText(c.Path(placePath(d))) + `"><span class="hit-title">`)
			writeSpans(&b, q.Marks(d.Title))
			b.WriteString(`</span> <span class="hit-where">` + escapeText(placeWhere(d, c)) + `</span> <span class="hit-text">`)
			spans, before, after := q.Snippet(d.Text, snippetWords)
			if before {
				b.WriteString("…")
			}
			writeSpans(&b, spans)
			if after {
				b.WriteString("…")
			}
			b.WriteString(`</span></a></li>`)
		}
		b.WriteString(`</ol></section>`)
	}
	return b.String()
}

// writeSpans writes spans, escaped, the marked ones in mark elements.
func writeSpans(b *strings.Builder, spans []search.Span) {
	for _, s := range spans {
		if s.Mark {
			b.WriteString("<mark>" + escapeText(s.Text) + "</mark>")
		} else {
			b.WriteString(escapeText(s.Text))
		}
	}
}

// placePath is the address of the view that shows a place: the role, the
// skill's track, the level, or the level at the skill.
func placePath(d search.Doc) string {
	switch d.Kind() {
	case search.SkillDoc:
		return trackPath(d.Role, d.Skill)
	case search.LevelDoc:
		return levelPath(d.Role, d.Level)
	case search.ExpectationDoc:
		return levelPath(d.Role, d.Level) + "#" + d.Skill
	}
	return rolePath(d.Role)
}

// placeWhere says what a place is: the role, a skill up the ladder, a
// level's introduction, or the level that expects it.
func placeWhere(d search.Doc, c *Catalog) string {
	switch d.Kind() {
	case search.SkillDoc:
		return "the skill, level by level"
	case search.LevelDoc:
		return "the level"
	case search.ExpectationDoc:
		if r := c.Outline().Role(d.Role); r != nil {
			if l := r.Level(d.Level); l != nil {
				return l.Title
			}
		}
		return d.Level
	}
	return "the role"
}

// moveThroughResults answers the keys that move through a search's
// results, during the key's event, so that it can keep the browser from
// scrolling: ↓ and ↑ go from the field to the results and between them,
// Escape back to the field, and Enter in the field opens the first.
func moveThroughResults(e app.Value) {
	key := e.Get("key").String()
	switch key {
	case "ArrowDown", "ArrowUp", "Escape", "Enter":
	default:
		return // typing: nothing to move
	}
	doc := app.Window().Get("document")
	field := doc.Call("getElementById", "search-q")
	if !field.Truthy() {
		return
	}
	target, at := e.Get("target"), -2
	if target.Equal(field) {
		at = -1
		if key == "Enter" {
			// The page is already the search: the form is not sent.
			e.Call("preventDefault")
		}
	}
	hits := doc.Call("querySelectorAll", "#search-results a.search-hit")
	if hits.Length() == 0 {
		return
	}
	for i := 0; at == -2 && i < hits.Length(); i++ {
		if target.Equal(hits.Index(i)) {
			at = i
		}
	}
	next := at
	switch key {
	case "ArrowDown":
		next = min(at+1, hits.Length()-1)
	case "ArrowUp":
		next = max(at-1, -1)
	case "Escape":
		next = -1
	case "Enter":
		if at == -1 {
			hits.Index(0).Call("click")
		}
		return
	}
	if at == -2 || next == at {
		return
	}
	e.Call("preventDefault")
	if next == -1 {
		field.Call("focus")
	} else {
		hits.Index(next).Call("focus")
	}
}
