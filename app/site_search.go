package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// siteSearch is the masthead's search field, on every page but the search
// page: it leads to the search page with what was typed. It is a form
// that works without the app (the loader sends its query in the search
// page's fragment, so that it does not reach the host); with the app, the
// app goes there in place.
type siteSearch struct {
	app.Compo
	cat    *Catalog
	submit app.Func
}

func newSiteSearch(c *Catalog) *siteSearch { return &siteSearch{cat: c} }

// OnMount answers the form's submission during its event, so that the
// browser does not load the page anew.
func (s *siteSearch) OnMount(ctx app.Context) {
	form := ctx.JSSrc()
	s.submit = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) > 0 {
			args[0].Call("preventDefault")
		}
		q := strings.TrimSpace(form.Get("elements").Get("q").Get("value").String())
		ctx.Navigate(s.cat.Path(searchPath(q)))
		return nil
	})
	form.Call("addEventListener", "submit", s.submit)
}

func (s *siteSearch) OnDismount() {
	if s.submit != nil {
		s.submit.Release()
	}
}

func (s *siteSearch) Render() app.UI {
	return el("form", attrs{"class", "site-search", "role", "search", "action", s.cat.Path(searchPattern)},
		txt("label", attrs{"class", "visually-hidden", "for", "site-search-q"}, "Search every role and level"),
		void("input", attrs{"type", "search", "id", "site-search-q", "name", "q", "placeholder", "Search skills and roles", "autocomplete", "off", "enterkeyhint", "search"}, "", nil),
		txt("button", attrs{"type", "submit"}, "Search"),
	)
}
