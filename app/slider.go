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
	names := make([]string, len(levels))
	for i := range levels {
		names[i] = levels[i].Name
	}
	ticks := each(len(levels), func(i int) app.UI {
		return el("li", nil, tickLink(names[i], link(i), i == p.idx))
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
		el("ol", attrs{"class", "ticks", "aria-label", "Levels", "data-fit", ticksFit(names)}, ticks...),
		el("nav", attrs{"class", "steps", "aria-label", "Previous and next level"}, prev, next),
	)
}

// quickSlide writes the level the slider is moving to into the page during
// the event: its title, introduction and expectations, where the level has
// the same skills as the one shown. slide, a frame later, does the rest.
func (p *levelPage) quickSlide(slider app.Value) bool {
	i, err := strconv.Atoi(slider.Get("value").String())
	if err != nil || p.role == nil || i < 0 || i >= len(p.role.Levels) {
		return false
	}
	slider.Call("setAttribute", "aria-valuetext", p.role.Levels[i].Name)
	p.writeLevel(i)
	p.wrote = i
	return true
}

// mendSlide writes the level shown into what quickSlide wrote, if that is
// another level: a navigation before go-app's frame (a step, then a click
// on the tick of the level it left) brings go-app back to the level it
// last rendered, so it sees nothing to write.
func (p *levelPage) mendSlide() {
	if p.role != nil && p.idx >= 0 && p.idx != p.wrote {
		if slider := app.Window().GetElementByID("level-slider"); slider.Truthy() {
			slider.Set("value", strconv.Itoa(p.idx))
			slider.Call("setAttribute", "aria-valuetext", p.role.Levels[p.idx].Name)
		}
		p.writeLevel(p.idx)
	}
	p.wrote = -1
}

// writeLevel writes level i's title, introduction and expectations into
// the page's nodes, where the level has the skills the page shows.
func (p *levelPage) writeLevel(i int) {
	l := &p.role.Levels[i]
	doc := app.Window().Get("document")
	setText(doc.Call("getElementById", "level-title"), l.Title)
	if intro := doc.Call("querySelector", ".prose.intro"); intro.Truthy() && l.HTML != "" {
		setProse(intro, l.HTML)
	}
	sections := doc.Call("querySelectorAll", ".expectations > section.skill")
	if sections.Length() != len(l.Skills) {
		return
	}
	for k := range l.Skills {
		e, s := &l.Skills[k], sections.Index(k)
		if s.Get("id").String() != e.SkillID {
			return
		}
		if prose := s.Call("querySelector", ".prose"); prose.Truthy() && e.HTML != "" {
			setProse(prose, e.HTML)
		}
	}
}
