package app

import (
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
		txt("p", attrs{"class", "rule"}, ladder.OverallRule),
		app.Raw(chartSVG(r, ps, target)),
		el("table", attrs{"class", "summary-table"},
			txt("caption", nil, "Each skill against the target"),
			el("thead", nil, el("tr", nil, txt("th", col, "Skill"), txt("th", col, "You"), txt("th", col, "Target"))),
			el("tbody", nil, each(len(ps), func(i int) app.UI {
				you := "Not placed"
				if ps[i].Answered {
					you = ladder.PlacementTitle(r, ps[i].Level)
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
	b.WriteString(`<figure class="chart" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` +
		strconv.Itoa(chartLabel+chartBar+10) + " " + strconv.Itoa(height) + `" role="img">`)
	for i, pl := range ps {
		y := i*chartRow + 5
		w := 0.0
		if pl.Answered {
			w = float64(pl.Level+1) / steps * chartBar
		}
		b.WriteString(`<text class="chart-label" x="0" y="` + strconv.Itoa(y+18) + `">` + escapeText(truncate(pl.Skill.Name, 30)) + `</text>`)
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

// escapeText escapes text for the content of an SVG element. html's
// EscapeString would do, at the cost of a strings.Replacer in app.wasm.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, "<", "&lt;")
	return strings.ReplaceAll(s, ">", "&gt;")
}
