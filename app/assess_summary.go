package app

import (
	"html"
	"strconv"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// summary is where the person stands: the overall estimate with its rule,
// a chart of each skill against the target with the same figures as a
// table, and the gaps to the target.
func (p *assessPage) summary(ps []ladder.Placement, target string) app.UI {
	r := p.role
	overall, ok := ladder.Overall(ps)
	estimate := "Place yourself on a skill to see an estimate."
	if ok {
		estimate = "Overall: " + ladder.PlacementTitle(r, overall) + "."
	}
	gaps := ladder.Gaps(r, ps, target)
	return app.Section().Class("assess-summary").Aria("labelledby", "summary-title").Body(
		app.H2().ID("summary-title").Text("Summary"),
		app.P().Class("overall").ID("overall").Text(estimate),
		app.P().Class("rule").Text(ladder.OverallRule),
		app.Raw(chartSVG(r, ps, target)),
		app.Table().Class("summary-table").Body(
			app.Caption().Text("Each skill against the target"),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Skill"),
				app.Th().Scope("col").Text("You"),
				app.Th().Scope("col").Text("Target"),
			)),
			app.TBody().Body(app.Range(ps).Slice(func(i int) app.UI {
				you := "Not placed"
				if ps[i].Answered {
					you = ladder.PlacementTitle(r, ps[i].Level)
				}
				return app.Tr().Body(
					app.Th().Scope("row").Text(ps[i].Skill.Name),
					app.Td().Text(you),
					app.Td().Text(targetName(r, target)),
				)
			})),
		),
		app.If(target != "", app.Div().Class("gaps").Body(
			app.H3().Text("Gaps to "+targetName(r, target)),
			app.If(len(gaps) == 0, app.P().Text("None: every skill is at the target or above.")),
			app.Range(gaps).Slice(func(i int) app.UI {
				g := gaps[i]
				return app.Div().Class("gap").Body(
					app.H4().Text(g.Skill.Name),
					plainText(g.Target.Text),
				)
			}),
		)),
	)
}

func targetName(r *ladder.Role, target string) string {
	if l := r.Level(target); l != nil {
		return l.Title
	}
	return "no target"
}

// Chart geometry, in SVG user units.
const (
	chartLabel = 230
	chartBar   = 360
	chartRow   = 30
)

// chartSVG draws each skill's placement as a bar, with the target as a
// line: the same figures as the table after it, which screen readers read
// instead (the chart is hidden from them).
func chartSVG(r *ladder.Role, ps []ladder.Placement, target string) string {
	steps := float64(len(r.Levels))
	height := chartRow*len(ps) + 10
	var b strings.Builder
	b.WriteString(`<figure class="chart" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` +
		strconv.Itoa(chartLabel+chartBar+10) + " " + strconv.Itoa(height) + `" role="img">`)
	for i, pl := range ps {
		y := i*chartRow + 5
		w := 0.0
		if pl.Answered {
			w = float64(pl.Level+1) / steps * chartBar
		}
		b.WriteString(`<text class="chart-label" x="0" y="` + strconv.Itoa(y+18) + `">` + html.EscapeString(truncate(pl.Skill.Name, 30)) + `</text>`)
		b.WriteString(`<rect class="chart-track" x="` + strconv.Itoa(chartLabel) + `" y="` + strconv.Itoa(y+4) + `" width="` + strconv.Itoa(chartBar) + `" height="18"/>`)
		b.WriteString(`<rect class="chart-bar" x="` + strconv.Itoa(chartLabel) + `" y="` + strconv.Itoa(y+4) + `" width="` + strconv.FormatFloat(w, 'f', 1, 64) + `" height="18"/>`)
	}
	if ti := r.LevelIndex(target); ti >= 0 {
		x := strconv.FormatFloat(chartLabel+float64(ti+1)/steps*chartBar, 'f', 1, 64)
		b.WriteString(`<line class="chart-target" x1="` + x + `" x2="` + x + `" y1="0" y2="` + strconv.Itoa(height) + `"/>`)
	}
	b.WriteString(`</svg></figure>`)
	return b.String()
}
