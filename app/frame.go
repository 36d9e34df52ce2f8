package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// crumb is one step of the breadcrumb trail: a page above the current one.
type crumb struct {
	label, path string
}

// frame wraps a page's content in what every page shares: a skip link,
// the masthead with the breadcrumb trail, the update notice and the footer.
// The current page ends the trail, unlinked.
func frame(c *Catalog, trail []crumb, current string, content ...app.UI) app.UI {
	return app.Div().Class("page").Body(
		app.A().Class("skip").Href("#main").Text("Skip to content"),
		app.Header().Class("masthead").Body(
			app.A().Class("brand").Href(c.Path("/")).Body(
				app.Img().Class("brand-icon").Src(c.Path("/web/icon.svg")).Alt("").Width(28).Height(28),
				app.Span().Text(Name),
			),
			breadcrumbs(c, trail, current),
			newStatus(),
		),
		app.Main().ID("main").Body(content...),
		app.Footer().Class("footer").Body(
			app.P().Text("Every page works offline once visited, and nothing you do here leaves your device."),
		),
	)
}

func breadcrumbs(c *Catalog, trail []crumb, current string) app.UI {
	if len(trail) == 0 {
		return nil
	}
	return app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
		app.Ol().Body(
			app.Range(trail).Slice(func(i int) app.UI {
				return app.Li().Body(app.A().Href(c.Path(trail[i].path)).Text(trail[i].label))
			}),
			app.Li().Body(app.Span().Aria("current", "page").Text(current)),
		),
	)
}

// ProseStart and ProseEnd mark where content HTML starts and ends in a
// rendered page. go-app writes its own attributes with Go's quoting, which
// the build rewrites as HTML's; content HTML is HTML already and must be
// left as it is.
const (
	ProseStart = "<!--prose-->"
	ProseEnd   = "<!--/prose-->"
)

// prose inserts content HTML, which the reader has made safe: raw HTML in
// the pages is escaped and links with unsafe schemes are gone.
func prose(class, html string) app.UI {
	if html == "" {
		return nil
	}
	return app.Raw(`<div class="prose ` + class + `">` + ProseStart + html + ProseEnd + `</div>`)
}
