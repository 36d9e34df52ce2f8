package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// slider is the level slider: a native range input with one step per
// level, the levels' names as its tick labels, and links to the previous
// and next levels. The tick labels are links too, so the ladder can be
// walked without JavaScript.
func (p *levelPage) slider() app.UI {
	r, levels := p.role, p.role.Levels
	if len(levels) < 2 {
		return nil
	}
	link := func(i int) string { return p.cat.Path(levelPath(r.ID, levels[i].ID)) }
	return app.Div().Class("slider").Body(
		app.Label().For("level-slider").Text("Level"),
		app.Input().Type("range").ID("level-slider").
			Min(0).Max(len(levels)-1).Step(1).Value(p.idx).
			List("level-ticks").
			Aria("valuetext", levels[p.idx].Name).
			OnInput(p.slide),
		app.DataList().ID("level-ticks").Body(
			app.Range(levels).Slice(func(i int) app.UI {
				return app.Option().Value(i).Label(levels[i].Name)
			}),
		),
		app.Ol().Class("ticks").Aria("label", "Levels").Body(
			app.Range(levels).Slice(func(i int) app.UI {
				a := app.A().Href(link(i)).Text(levels[i].Name)
				if i == p.idx {
					a = a.Aria("current", "page")
				}
				return app.Li().Body(a)
			}),
		),
		app.Nav().Class("steps").Aria("label", "Previous and next level").Body(
			app.If(p.idx > 0, app.A().Rel("prev").Href(link(max(p.idx-1, 0))).Text("← "+levels[max(p.idx-1, 0)].Name)),
			app.If(p.idx < len(levels)-1, app.A().Rel("next").Href(link(min(p.idx+1, len(levels)-1))).Text(levels[min(p.idx+1, len(levels)-1)].Name+" →")),
		),
	)
}
