package assess

import (
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
)

// Markdown writes an assessment as a review-preparation packet: where the
// person placed themselves on each skill with their notes, the overall
// estimate and its rule, and the gaps to the target with what the target
// expects.
func Markdown(a *ladder.Assessment, r *ladder.Role) string {
	var b strings.Builder
	line := func(s ...string) {
		b.WriteString(strings.Join(s, ""))
		b.WriteByte('\n')
	}
	line("# ", a.Name)
	line()
	line("Self-assessment for ", r.Title, ", updated ", Day(a.Updated), ".")
	target := r.Level(a.Target)
	if target != nil {
		line("Target: ", target.Title, ".")
	}
	ps := a.Placements(r)
	if overall, ok := ladder.Overall(ps); ok {
		line("Overall: ", ladder.PlacementTitle(r, overall), ". ", ladder.OverallRule)
	}
	line()
	line("## Skills")
	for _, p := range ps {
		line()
		line("### ", p.Skill.Name)
		line()
		if p.Answered {
			line("Placed at: ", ladder.PlacementTitle(r, p.Level), ".")
		} else {
			line("Not placed yet.")
		}
		if note := strings.TrimSpace(a.Answers[p.Skill.ID].Note); note != "" {
			line()
			line(quote(note))
		}
	}
	if target != nil {
		line()
		line("## Gaps to ", target.Title)
		gaps := ladder.Gaps(r, ps, a.Target)
		if len(gaps) == 0 {
			line()
			line("None: every skill is at the target or above.")
		}
		for _, g := range gaps {
			line()
			line("### ", g.Skill.Name)
			line()
			line(g.Target.Text)
		}
	}
	return b.String()
}

// quote writes text as a Markdown block quote.
func quote(text string) string {
	return "> " + strings.ReplaceAll(text, "\n", "\n> ")
}

// Day is the date part of an RFC 3339 time.
func Day(t string) string {
	d, _, _ := strings.Cut(t, "T")
	return d
}
