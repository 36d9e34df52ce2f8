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
	other := p.store.Find(p.against)
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
	return el("section", attrs{"class", "moves", "aria-labelledby", "moves-title"},
		txt("h2", attrs{"id", "moves-title"}, "What moved"),
		el("p", nil,
			txt("label", attrs{"for", "against"}, "Since "),
			listen("select", attrs{"id", "against"}, "change", p.setAgainst, each(len(mine), func(i int) app.UI {
				m := mine[i]
				return when(m.ID != a.ID, option(m.ID, m.Name+" ("+assess.Day(m.Updated)+")", m.ID == other.ID))
			})...),
		),
		when(len(moves) == 0, txt("p", attrs{"id", "moves-none"}, "No skill moved.")),
		el("ul", attrs{"id", "moves-list"}, each(len(moves), func(i int) app.UI {
			m := &moves[i]
			return txt("li", nil, m.Skill.Name+": "+placed(p.role, m.From)+" → "+placed(p.role, m.To))
		})...),
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
