package app

import (
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// gridPage shows a role's whole ladder in one table: a row per skill, a
// column per level, each cell the start of the expectation, opened in
// place to read all of it.
type gridPage struct {
	app.Compo
	cat   *Catalog
	role  *ladder.Role
	asked string
}

// newGridPage returns the grid of the role with the given ID; with an
// empty ID, the role is read from the URL in OnNav.
func newGridPage(c *Catalog, id string) *gridPage {
	return &gridPage{cat: c, asked: id, role: c.Framework().Role(id)}
}

func (p *gridPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *gridPage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *gridPage) load(ctx app.Context) {
	p.asked, p.role = p.cat.roleAt(ctx)
	if p.role == nil {
		setMeta(ctx, p.cat, gridPath(p.asked), "Role not found", "")
		return
	}
	setMeta(ctx, p.cat, gridPath(p.role.ID), p.role.Title+": the whole ladder",
		"Every skill of the "+p.role.Title+" ladder at every level, in one table.")
}

// excerptLength is how many characters of an expectation a closed cell
// shows.
const excerptLength = 90

func (p *gridPage) Render() app.UI {
	r := p.role
	if r == nil {
		return missingRole(p.cat, p.asked)
	}
	return frame(p.cat, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, "Grid",
		app.Div().Class("level-head").Body(
			app.P().Class("eyebrow").Body(app.A().Href(p.cat.Path(rolePath(r.ID))).Text(r.Title)),
			app.H1().Text("The whole ladder"),
		),
		app.P().Class("lead").Text("Every skill at every level. Open a cell to read all of it."),
		app.Div().Class("grid-scroll").TabIndex(0).Aria("labelledby", "grid-caption").Body(
			app.Table().Class("grid").Body(
				app.Caption().ID("grid-caption").Text(r.Title+": skills by level"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Skill"),
					app.Range(r.Levels).Slice(func(i int) app.UI {
						l := r.Levels[i]
						return app.Th().Scope("col").Body(app.A().Href(p.cat.Path(levelPath(r.ID, l.ID))).Text(l.Name))
					}),
				)),
				app.TBody().Body(
					app.Range(r.Skills).Slice(func(i int) app.UI { return p.row(r.Skills[i]) }),
				),
			),
		),
	)
}

func (p *gridPage) row(s ladder.Skill) app.UI {
	r := p.role
	return app.Tr().Body(
		app.Th().Scope("row").Body(app.A().Href(p.cat.Path(trackPath(r.ID, s.ID))).Text(s.Name)),
		app.Range(r.Levels).Slice(func(i int) app.UI {
			e, _ := r.Levels[i].Expectation(s.ID)
			return app.Td().Body(cell(e.Text))
		}),
	)
}

// cell is an expectation cut to its first words, opened in place.
func cell(text string) app.UI {
	excerpt := truncate(text, excerptLength)
	if excerpt == text {
		return plainText(text)
	}
	return app.Details().Body(
		app.Summary().Body(
			app.Span().Class("excerpt").Text(excerpt),
			app.Span().Class("more").Text(" more"),
		),
		plainText(text),
	)
}
