package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// crumb is one step of the breadcrumb trail: a page above the current one.
type crumb struct {
	label, path string
}

// frame wraps a page's content in what every page shares: a skip link,
// the masthead with the breadcrumb trail and the search field, the update
// notice and the footer. The current page ends the trail, unlinked.
func frame(c *Catalog, trail []crumb, current string, content ...app.UI) app.UI {
	return framed(c, true, trail, current, content...)
}

// framed is frame, with the masthead's search field only when withSearch:
// the search page has its own.
func framed(c *Catalog, withSearch bool, trail []crumb, current string, content ...app.UI) app.UI {
	return el("div", attrs{"class", "page"},
		txt("a", attrs{"class", "skip", "href", "#main"}, "Skip to content"),
		el("header", attrs{"class", "masthead"},
			el("a", attrs{"class", "brand", "href", c.Path("/")},
				void("img", attrs{"class", "brand-icon", "src", c.Path("/web/icon.svg"), "alt", "", "width", "28", "height", "28"}, "", nil),
				txt("span", nil, Name),
			),
			breadcrumbs(c, trail, current),
			when(withSearch, newSiteSearch(c)),
			newStatus(),
		),
		el("main", attrs{"id", "main"}, append([]app.UI{dataError(c)}, content...)...),
		el("footer", attrs{"class", "footer"},
			offline(),
		),
	)
}

// dataError says that the site's data could not be loaded, on every page,
// when it could not.
func dataError(c *Catalog) app.UI {
	if c.Err() == nil {
		return nil
	}
	return el("p", attrs{"class", "notice", "role", "alert"},
		txt("span", nil, "The ladders could not be loaded ("+c.Err().Error()+"). Check the connection, then "),
		button(attrs{"id", "reload-data"}, "reload", func(ctx app.Context, _ app.Event) { ctx.Reload() }),
	)
}

// offline is the footer's word on the whole-site offline copy, which the
// service worker makes once the visitor uses the site, never for one who
// only reads. It holds every state's words; the loader
// (web/static/loader.js) marks the document with the copy's state
// (data-offline: saving, kept or none) and the stylesheet shows that
// state's words. Until then it offers the copy: pressing the button uses
// the page, which starts the app and, with it, the copy.
func offline() app.UI {
	return el("p", attrs{"class", "offline"},
		txt("span", nil, "Nothing you do here leaves your device. "),
		txt("button", attrs{"type", "button", "id", "keep-offline", "class", "offline-offer"}, "Keep available offline"),
		txt("span", attrs{"class", "offline-saving"}, "Keeping every page on this device for reading offline…"),
		txt("span", attrs{"class", "offline-kept"}, "Every page is kept on this device and works offline."),
		txt("span", attrs{"class", "offline-none"}, "This browser cannot keep the site for offline use."),
	)
}

func breadcrumbs(c *Catalog, trail []crumb, current string) app.UI {
	if len(trail) == 0 {
		return nil
	}
	items := each(len(trail), func(i int) app.UI {
		return el("li", nil, txt("a", attrs{"href", c.Path(trail[i].path)}, trail[i].label))
	})
	items = append(items, el("li", nil, txt("span", attrs{"aria-current", "page"}, current)))
	return el("nav", attrs{"class", "crumbs", "aria-label", "Breadcrumb"}, el("ol", nil, items...))
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
