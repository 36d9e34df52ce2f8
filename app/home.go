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

func (h *home) OnNav(ctx app.Context) {
	h.meta(ctx)
	h.cat.NeedOutline(ctx, func(app.Context) {})
}

func (h *home) meta(ctx app.Context) {
	setMeta(ctx, h.cat, "/", "", "Every role's career ladder: the skills it needs and what each level expects of them.")
}

func (h *home) Render() app.UI {
	if !h.cat.outlined() {
		return loadingPage(h.cat)
	}
	groups := h.cat.Outline().Groups()
	content := []app.UI{
		txt("h1", nil, "Career ladders"),
		when(len(groups) == 0, txt("p", nil, "There are no roles to show yet.")),
	}
	for _, g := range groups {
		content = append(content, h.group(g, len(groups) > 1))
	}
	return frame(h.cat, nil, "", content...)
}

func (h *home) group(g ladder.Group, titled bool) app.UI {
	name := g.Name
	if name == "" && titled {
		name = "Other roles"
	}
	return el("section", attrs{"class", "family"},
		when(name != "", txt("h2", nil, name)),
		el("ul", attrs{"class", "roles"}, each(len(g.Roles), func(i int) app.UI {
			return h.role(g.Roles[i], name != "")
		})...),
	)
}

// role is a role's card; its heading is one level under its family's, or
// under the page's when the family has no heading.
func (h *home) role(r *ladder.Role, underFamily bool) app.UI {
	heading := "h2"
	if underFamily {
		heading = "h3"
	}
	return el("li", attrs{"class", "role-card"},
		el(heading, nil, txt("a", attrs{"href", h.cat.Path(rolePath(r.ID))}, r.Title)),
		when(r.Description != "", txt("p", nil, r.Description)),
		el("ol", attrs{"class", "level-links", "aria-label", r.Title + " levels"}, each(len(r.Levels), func(i int) app.UI {
			l := &r.Levels[i]
			return el("li", nil, txt("a", attrs{"href", h.cat.Path(levelPath(r.ID, l.ID))}, l.Name))
		})...),
	)
}
