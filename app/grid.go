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
	return &gridPage{cat: c, asked: id, role: c.Role(id)}
}

func (p *gridPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *gridPage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *gridPage) load(ctx app.Context) {
	at, r := p.cat.roleAt(ctx, p.load)
	if p.asked, p.role = at["role"], r; r == nil {
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
		return absentRole(p.cat, p.asked)
	}
	return frame(p.cat, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, "Grid",
		el("div", attrs{"class", "level-head"},
			el("p", attrs{"class", "eyebrow"}, txt("a", attrs{"href", p.cat.Path(rolePath(r.ID))}, r.Title)),
			txt("h1", nil, "The whole ladder"),
		),
		txt("p", attrs{"class", "lead"}, "Every skill at every level. Open a cell to read all of it."),
		el("div", attrs{"class", "grid-scroll", "tabindex", "0", "aria-labelledby", "grid-caption"},
			el("table", attrs{"class", "grid"},
				txt("caption", attrs{"id", "grid-caption"}, r.Title+": skills by level"),
				el("thead", nil, el("tr", nil, p.row(-1)...)),
				el("tbody", nil, each(len(r.Skills), func(i int) app.UI { return el("tr", nil, p.row(i)...) })...),
			),
		),
	)
}

// row is the cells of skill i's row, or of the head row when i is -1.
func (p *gridPage) row(i int) []app.UI {
	r := p.role
	cells := make([]app.UI, 0, 1+len(r.Levels))
	if i < 0 {
		cells = append(cells, txt("th", attrs{"scope", "col"}, "Skill"))
		for _, l := range r.Levels {
			cells = append(cells, el("th", attrs{"scope", "col"}, txt("a", attrs{"href", p.cat.Path(levelPath(r.ID, l.ID))}, l.Name)))
		}
		return cells
	}
	s := &r.Skills[i]
	cells = append(cells, el("th", attrs{"scope", "row"}, txt("a", attrs{"href", p.cat.Path(trackPath(r.ID, s.ID))}, s.Name)))
	for j := range r.Levels {
		e, _ := r.Levels[j].Expectation(s.ID)
		cells = append(cells, el("td", nil, cell(e.Text)))
	}
	return cells
}

// cell is an expectation cut to its first words, opened in place.
func cell(text string) app.UI {
	excerpt := truncate(text, excerptLength)
	if excerpt == text {
		return plainText(text)
	}
	return el("details", nil,
		el("summary", nil,
			txt("span", attrs{"class", "excerpt"}, excerpt),
			txt("span", attrs{"class", "more"}, " more"),
		),
		plainText(text),
	)
}
