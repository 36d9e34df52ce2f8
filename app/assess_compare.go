package app

import (
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/assess"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// movesView compares the assessment shown with another of the role's:
// which skills moved, and where.
func (p *assessPage) movesView(a *ladder.Assessment) app.UI {
	mine := p.mine()
	if a == nil || len(mine) < 2 {
		return nil
	}
	other := p.find(p.against)
	if other == nil || other.ID == a.ID {
		other = nil
		for _, m := range mine {
			if m.ID != a.ID {
				other = m
				break
			}
		}
	}
	moves := ladder.Moves(p.role, other, a)
	return app.Section().Class("moves").Aria("labelledby", "moves-title").Body(
		app.H2().ID("moves-title").Text("What moved"),
		app.P().Body(
			app.Label().For("against").Text("Since "),
			app.Select().ID("against").OnChange(p.setAgainst).Body(
				app.Range(mine).Slice(func(i int) app.UI {
					m := mine[i]
					if m.ID == a.ID {
						return nil
					}
					return app.Option().Value(m.ID).Selected(m.ID == other.ID).Text(m.Name + " (" + assess.Day(m.Updated) + ")")
				}),
			),
		),
		app.If(len(moves) == 0, app.P().ID("moves-none").Text("No skill moved.")),
		app.Ul().ID("moves-list").Body(
			app.Range(moves).Slice(func(i int) app.UI {
				m := moves[i]
				return app.Li().Text(m.Skill.Name + ": " + placed(p.role, m.From) + " → " + placed(p.role, m.To))
			}),
		),
	)
}

func placed(r *ladder.Role, pl ladder.Placement) string {
	if !pl.Answered {
		return "not placed"
	}
	if pl.Level == ladder.NotYet {
		return "not yet"
	}
	return r.Levels[pl.Level].Name
}

func (p *assessPage) setAgainst(ctx app.Context, _ app.Event) {
	p.against = ctx.JSSrc().Get("value").String()
}
