package app

import (
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// rolePage shows a role: its introduction, its ladder of levels and its
// required skills. It is rebuilt from the URL on every navigation.
type rolePage struct {
	app.Compo
	cat  *Catalog
	role *ladder.Role
	// asked is the role id in the URL, kept for the not-found message.
	asked string
}

// newRolePage returns the page of the role with the given ID; with an
// empty ID, the role is read from the URL in OnNav.
func newRolePage(c *Catalog, id string) *rolePage {
	return &rolePage{cat: c, asked: id, role: c.Role(id)}
}

func (p *rolePage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *rolePage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *rolePage) load(ctx app.Context) {
	at, r := p.cat.roleAt(ctx, p.load)
	if p.asked, p.role = at["role"], r; r == nil {
		return
	}
	setMeta(ctx, p.cat, rolePath(p.role.ID), p.role.Title, p.role.Description)
}

func (p *rolePage) Render() app.UI {
	r := p.role
	if r == nil {
		return absentRole(p.cat, p.asked)
	}
	skills := []app.UI{txt("h2", attrs{"id", "skills"}, "Required skills")}
	for i := range r.Skills {
		s := &r.Skills[i]
		skills = append(skills, el("section", attrs{"class", "skill", "id", s.ID},
			el("h3", nil, txt("a", attrs{"href", p.cat.Path(trackPath(r.ID, s.ID))}, s.Name)),
			prose("", s.HTML),
		))
	}
	content := []app.UI{
		txt("h1", nil, r.Title),
		when(r.Description != "", txt("p", attrs{"class", "lead"}, r.Description)),
		shareTools(false),
		prose("intro", r.Intro.HTML),
		el("section", attrs{"class", "ladder", "aria-labelledby", "levels"},
			txt("h2", attrs{"id", "levels"}, "Levels"),
			p.links(),
			el("ol", attrs{"class", "rungs"}, each(len(r.Levels), func(i int) app.UI {
				l := &r.Levels[i]
				return el("li", nil, txt("a", attrs{"href", p.cat.Path(levelPath(r.ID, l.ID))}, l.Title))
			})...),
		),
		el("section", attrs{"class", "required", "aria-labelledby", "skills"}, skills...),
	}
	for i := range r.Notes {
		n := &r.Notes[i]
		content = append(content, el("section", attrs{"class", "note"}, txt("h2", nil, n.Title), prose("", n.HTML)))
	}
	return frame(p.cat, []crumb{{"Roles", "/"}}, r.Title, content...)
}

// roleAt reads the page's address: its parameters as asked, and the role
// whole that they name, or nil while it loads (then calls reload once it
// has, see Need) or when there is none. Without the role, it gives the
// page the title that says so. Every page of a role begins here.
func (c *Catalog) roleAt(ctx app.Context, reload func(app.Context)) (params, *ladder.Role) {
	route, at := match(c.local(ctx.Page().URL().Path))
	if route == nil {
		return params{}, nil // not a page of a role: the router sent it elsewhere
	}
	r := c.Need(ctx, at["role"], reload)
	if r == nil {
		setMeta(ctx, c, route.path(at), c.absentTitle(at["role"]), "")
	}
	return at, r
}

// links leads to the views of the whole role: two levels side by side and
// the grid.
func (p *rolePage) links() app.UI {
	r := p.role
	if len(r.Levels) < 2 {
		return nil
	}
	return el("p", attrs{"class", "page-links"},
		txt("a", attrs{"href", p.cat.Path(comparePath(r.ID+"/"+r.Levels[0].ID, r.ID+"/"+r.Levels[1].ID))}, "Compare two levels"),
		app.Text(" · "),
		txt("a", attrs{"href", p.cat.Path(gridPath(r.ID))}, "The whole ladder in a grid"),
		app.Text(" · "),
		txt("a", attrs{"id", "assess-link", "href", p.cat.Path(assessPath(r.ID))}, "Assess yourself"),
	)
}
