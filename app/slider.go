package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

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
	ticks := each(len(levels), func(i int) app.UI {
		a := attrs{"href", link(i)}
		if i == p.idx {
			a = append(a, "aria-current", "page")
		}
		return el("li", nil, txt("a", a, levels[i].Name))
	})
	var prev, next app.UI
	if p.idx > 0 {
		prev = txt("a", attrs{"rel", "prev", "href", link(p.idx - 1)}, "← "+levels[p.idx-1].Name)
	}
	if p.idx < len(levels)-1 {
		next = txt("a", attrs{"rel", "next", "href", link(p.idx + 1)}, levels[p.idx+1].Name+" →")
	}
	return el("div", attrs{"class", "slider"},
		txt("label", attrs{"for", "level-slider"}, "Level"),
		void("input", attrs{
			"type", "range", "id", "level-slider",
			"min", "0", "max", strconv.Itoa(len(levels) - 1), "step", "1", "value", strconv.Itoa(p.idx),
			"list", "level-ticks",
			"aria-valuetext", levels[p.idx].Name,
		}, "input", p.slide),
		el("datalist", attrs{"id", "level-ticks"}, each(len(levels), func(i int) app.UI {
			return el("option", attrs{"value", strconv.Itoa(i), "label", levels[i].Name})
		})...),
		el("ol", attrs{"class", "ticks", "aria-label", "Levels"}, ticks...),
		el("nav", attrs{"class", "steps", "aria-label", "Previous and next level"}, prev, next),
	)
}
