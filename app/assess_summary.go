package app

import (
	"fmt"
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
		estimate = "Overall: " + placementTitle(r, overall) + "."
	}
	gaps := ladder.Gaps(r, ps, target)
	gapList := []app.UI{
		txt("h3", nil, "Gaps to "+targetName(r, target)),
		when(len(gaps) == 0, txt("p", nil, "None: every skill is at the target or above.")),
	}
	for _, g := range gaps {
		gapList = append(gapList, el("div", attrs{"class", "gap"}, txt("h4", nil, g.Skill.Name), plainText(g.Target.Text)))
	}
	col := attrs{"scope", "col"}
	return el("section", attrs{"class", "assess-summary", "aria-labelledby", "summary-title"},
		txt("h2", attrs{"id", "summary-title"}, "Summary"),
		txt("p", attrs{"class", "overall", "id", "overall"}, estimate),
		txt("p", attrs{"class", "rule"}, overallRule),
		app.Raw(chartSVG(r, ps, target)),
		el("table", attrs{"class", "summary-table"},
			txt("caption", nil, "Each skill against the target"),
			el("thead", nil, el("tr", nil, txt("th", col, "Skill"), txt("th", col, "You"), txt("th", col, "Target"))),
			el("tbody", nil, each(len(ps), func(i int) app.UI {
				you := "Not placed"
				if ps[i].Answered {
					you = placementTitle(r, ps[i].Level)
				}
				return el("tr", nil,
					txt("th", attrs{"scope", "row"}, ps[i].Skill.Name),
					txt("td", nil, you),
					txt("td", nil, targetName(r, target)),
				)
			})...),
		),
		when(target != "", el("div", attrs{"class", "gaps"}, gapList...)),
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
	fmt.Fprintf(&b, `<figure class="chart" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img">`, chartLabel+chartBar+10, height)
	for i, pl := range ps {
		y := i*chartRow + 5
		w := 0.0
		if pl.Answered {
			w = float64(pl.Level+1) / steps * chartBar
		}
		fmt.Fprintf(&b, `<text class="chart-label" x="0" y="%d">%s</text>`+
			`<rect class="chart-track" x="%d" y="%d" width="%d" height="18"/>`+
			`<rect class="chart-bar" x="%[3]d" y="%[4]d" width="%.1[6]f" height="18"/>`,
			y+18, escapeText(truncate(pl.Skill.Name, 30)), chartLabel, y+4, chartBar, w)
	}
	if ti := r.LevelIndex(target); ti >= 0 {
		x := chartLabel + float64(ti+1)/steps*chartBar
		fmt.Fprintf(&b, `<line class="chart-target" x1="%.1[1]f" x2="%.1[1]f" y1="0" y2="%[2]d"/>`, x, height)
	}
	b.WriteString(`</svg></figure>`)
	return b.String()
}
