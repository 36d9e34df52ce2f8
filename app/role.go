package app

import (
	"strings"

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
	return &rolePage{cat: c, asked: id, role: c.Framework().Role(id)}
}

func (p *rolePage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *rolePage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *rolePage) load(ctx app.Context) {
	p.asked, p.role = p.cat.roleAt(ctx)
	if p.role == nil {
		setMeta(ctx, p.cat, rolePath(p.asked), "Role not found", "")
		return
	}
	setMeta(ctx, p.cat, rolePath(p.role.ID), p.role.Title, p.role.Description)
}

func (p *rolePage) Render() app.UI {
	r := p.role
	if r == nil {
		return missingRole(p.cat, p.asked)
	}
	return frame(p.cat, []crumb{{"Roles", "/"}}, r.Title,
		app.H1().Text(r.Title),
		app.If(r.Description != "", app.P().Class("lead").Text(r.Description)),
		prose("intro", r.Intro.HTML),
		app.Section().Class("ladder").Aria("labelledby", "levels").Body(
			app.H2().ID("levels").Text("Levels"),
			p.links(),
			app.Ol().Class("rungs").Body(
				app.Range(r.Levels).Slice(func(i int) app.UI {
					l := r.Levels[i]
					return app.Li().Body(
						app.A().Href(p.cat.Path(levelPath(r.ID, l.ID))).Text(l.Title),
					)
				}),
			),
		),
		app.Section().Class("required").Aria("labelledby", "skills").Body(
			app.H2().ID("skills").Text("Required skills"),
			app.Range(r.Skills).Slice(func(i int) app.UI {
				s := r.Skills[i]
				return app.Section().Class("skill").ID(s.ID).Body(
					app.H3().Body(app.A().Href(p.cat.Path(trackPath(r.ID, s.ID))).Text(s.Name)),
					prose("", s.HTML),
				)
			}),
		),
		app.Range(r.Notes).Slice(func(i int) app.UI {
			n := r.Notes[i]
			return app.Section().Class("note").Body(
				app.H2().Text(n.Title),
				prose("", n.HTML),
			)
		}),
	)
}

// roleAt reads the role that a page's address names, /roles/{role}/… or
// /assess/{role}: the id as asked, and the role, or nil.
func (c *Catalog) roleAt(ctx app.Context) (string, *ladder.Role) {
	asked := segments(c.local(ctx.Page().URL().Path))[1]
	return asked, c.Framework().Role(asked)
}

// segments splits a page path into its parts, ignoring empty ones, and
// always returns at least four so that callers can index the parts of
// "/roles/{role}/{level}" and "/roles/{role}/skills/{skill}" directly.
func segments(path string) []string {
	var seg []string
	for _, s := range strings.Split(path, "/") {
		if s != "" {
			seg = append(seg, s)
		}
	}
	for len(seg) < 4 {
		seg = append(seg, "")
	}
	return seg
}

// segment is seg[i], or empty.
func segment(seg []string, i int) string {
	if i < len(seg) {
		return seg[i]
	}
	return ""
}

// links leads to the views of the whole role: two levels side by side and
// the grid.
func (p *rolePage) links() app.UI {
	r := p.role
	if len(r.Levels) < 2 {
		return nil
	}
	return app.P().Class("page-links").Body(
		app.A().Href(p.cat.Path(comparePath(r.ID+"/"+r.Levels[0].ID, r.ID+"/"+r.Levels[1].ID))).Text("Compare two levels"),
		app.Text(" · "),
		app.A().Href(p.cat.Path(gridPath(r.ID))).Text("The whole ladder in a grid"),
		app.Text(" · "),
		app.A().ID("assess-link").Href(p.cat.Path(assessPath(r.ID))).Text("Assess yourself"),
	)
}
