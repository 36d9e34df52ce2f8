package app

import (
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// home lists every role, grouped by family, each with its levels.
type home struct {
	app.Compo
	cat *Catalog
}

func newHome(c *Catalog) *home { return &home{cat: c} }

func (h *home) OnPreRender(ctx app.Context) { h.meta(ctx) }

func (h *home) OnNav(ctx app.Context) { h.meta(ctx) }

func (h *home) meta(ctx app.Context) {
	setMeta(ctx, h.cat, "/", "", "Every role's career ladder: the skills it needs and what each level expects of them.")
}

func (h *home) Render() app.UI {
	groups := h.cat.Framework().Groups()
	return frame(h.cat, nil, "",
		app.H1().Text("Career ladders"),
		app.If(len(groups) == 0,
			app.P().Text("There are no roles to show yet."),
		),
		app.Range(groups).Slice(func(i int) app.UI {
			return h.group(groups[i], len(groups) > 1)
		}),
	)
}

func (h *home) group(g ladder.Group, titled bool) app.UI {
	name := g.Name
	if name == "" && titled {
		name = "Other roles"
	}
	return app.Section().Class("family").Body(
		app.If(name != "", app.H2().Text(name)),
		app.Ul().Class("roles").Body(
			app.Range(g.Roles).Slice(func(i int) app.UI {
				return h.role(g.Roles[i], name != "")
			}),
		),
	)
}

// role is a role's card; its heading is one level under its family's, or
// under the page's when the family has no heading.
func (h *home) role(r *ladder.Role, underFamily bool) app.UI {
	link := app.A().Href(h.cat.Path(rolePath(r.ID))).Text(r.Title)
	var heading app.UI = app.H2().Body(link)
	if underFamily {
		heading = app.H3().Body(link)
	}
	return app.Li().Class("role-card").Body(
		heading,
		app.If(r.Description != "", app.P().Text(r.Description)),
		app.Ol().Class("level-links").Aria("label", r.Title+" levels").Body(
			app.Range(r.Levels).Slice(func(i int) app.UI {
				l := r.Levels[i]
				return app.Li().Body(app.A().Href(h.cat.Path(levelPath(r.ID, l.ID))).Text(l.Name))
			}),
		),
	)
}
