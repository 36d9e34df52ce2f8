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
	// One string a line, joined at the end: appends compile to less
	// WebAssembly than a Builder's writes.
	out := []string{"# " + a.Name, "", "Self-assessment for " + r.Title + ", updated " + Day(a.Updated) + "."}
	target := r.Level(a.Target)
	if target != nil {
		out = append(out, "Target: "+target.Title+".")
	}
	ps := a.Placements(r)
	if overall, ok := ladder.Overall(ps); ok {
		out = append(out, "Overall: "+ladder.PlacementTitle(r, overall)+". "+ladder.OverallRule)
	}
	out = append(out, "", "## Skills")
	for _, p := range ps {
		placed := "Not placed yet."
		if p.Answered {
			placed = "Placed at: " + ladder.PlacementTitle(r, p.Level) + "."
		}
		out = append(out, "", "### "+p.Skill.Name, "", placed)
		if note := strings.TrimSpace(a.Answers[p.Skill.ID].Note); note != "" {
			out = append(out, "", quote(note))
		}
	}
	if target != nil {
		out = append(out, "", "## Gaps to "+target.Title)
		gaps := ladder.Gaps(r, ps, a.Target)
		if len(gaps) == 0 {
			out = append(out, "", "None: every skill is at the target or above.")
		}
		for _, g := range gaps {
			out = append(out, "", "### "+g.Skill.Name, "", g.Target.Text)
		}
	}
	return strings.Join(out, "\n") + "\n"
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
