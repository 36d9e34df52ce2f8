package app

import (
	"strconv"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/assess"
)

// The sentences that word what the domain returns: its problems, its
// estimate, its diffs and the Markdown export. The domain has no
// sentences, so that a translation of these has one place to go.

// notKeptAside is the app's own problem: saved assessments that could not
// be read, then could not be kept aside either (storage is full).
const notKeptAside assess.ProblemCode = "store-not-kept-aside"

// problemSentence words a problem of importing a file or of reading the
// saved assessments.
func problemSentence(p assess.Problem) string {
	name := p.Name
	if name == "" {
		name = "(no name)"
	}
	n, limit := strconv.Itoa(p.N), strconv.Itoa(p.Limit)
	switch p.Code {
	case assess.FileTooBig:
		return "The file is " + fileSize(p.N) + ": an export is at most 1 MB, so this is not one."
	case assess.FileNotText:
		return "The file is not text: choose a .json file exported by this app."
	case assess.FileNotJSON:
		return "The file is not valid JSON (" + p.Detail + "): choose a .json file exported by this app."
	case assess.FileNotExport:
		return "The file is JSON, but not an assessment exported by this app."
	case assess.FileNoVersion:
		return "The file says no version: it was not written by this app."
	case assess.FileNewer:
		return "The file was written by a newer version of this app (format " + n + "); this one reads format " + limit + ". Update the app and import it again."
	case assess.FileBadFormat:
		return "The file's format version " + n + " does not exist."
	case assess.FileDamaged:
		return "The file is an export, but damaged (" + p.Detail + ")."
	case assess.FileNoID:
		return "The assessment " + strconv.Quote(name) + " has no id: the file is damaged."
	case assess.FileNoRole:
		return "The assessment " + strconv.Quote(name) + " is for the role " + strconv.Quote(p.Role) + ", which this ladder does not have."
	case assess.FileLongNote:
		return "In " + strconv.Quote(name) + ", the note on " + strconv.Quote(p.Skill) + " is " + n + " characters; notes are at most " + limit + "."
	case assess.StoreDamaged:
		return "Your saved assessments could not be read (" + p.Detail + "). What was saved is kept aside, unchanged."
	case assess.StoreNewer:
		return "Your assessments were saved by a newer version of this app (version " + n + "). Reload to get it; until then they are shown but not saved."
	case assess.StoreLost:
		return "Saved assessment " + n + " could not be read and is kept aside."
	case assess.StoreCut:
		return "In " + strconv.Quote(name) + ", notes longer than " + limit + " characters were shortened; the full text is kept aside."
	case notKeptAside:
		return "It could not be kept aside, so nothing is saved until you free some space."
	}
	return "Something went wrong (" + string(p.Code) + ")."
}

// importRefused words why Import refused a file.
func importRefused(err error) string {
	if ie, ok := err.(*assess.ImportError); ok {
		return problemSentence(ie.Problem)
	}
	return err.Error()
}

// fileSize words a size in bytes.
func fileSize(n int) string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	}
	return strconv.Itoa(n>>10) + " KB"
}

// overallRule says how ladder.Overall works out the overall level.
const overallRule = "Your overall level is the highest level that at least half of the skills you have placed reach."

// placementTitle is the title of the level at index i of the role's
// ladder, or "not yet at the first level" for ladder.NotYet.
func placementTitle(r *ladder.Role, i int) string {
	if i == ladder.NotYet {
		return "not yet at the first level"
	}
	return r.Levels[i].Title
}

// diffSummary says in one line what the new text adds and drops, such as
// "adds: architecture diagrams, scaling; drops: narrowly-scoped changes",
// or "no change".
func diffSummary(d ladder.TextDiff) string {
	var parts []string
	if p := d.Phrases(ladder.Added); len(p) > 0 {
		parts = append(parts, "adds: "+strings.Join(p, ", "))
	}
	if p := d.Phrases(ladder.Dropped); len(p) > 0 {
		parts = append(parts, "drops: "+strings.Join(p, ", "))
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, "; ")
}

// markdown writes an assessment as a review-preparation packet: where the
// person placed themselves on each skill with their notes, the overall
// estimate and its rule, and the gaps to the target with what the target
// expects.
func markdown(a *ladder.Assessment, r *ladder.Role) string {
	// One string a line, joined at the end: appends compile to less
	// WebAssembly than a Builder's writes.
	out := []string{"# " + a.Name, "", "Self-assessment for " + r.Title + ", updated " + assess.Day(a.Updated) + "."}
	target := r.Level(a.Target)
	if target != nil {
		out = append(out, "Target: "+target.Title+".")
	}
	ps := a.Placements(r)
	if overall, ok := ladder.Overall(ps); ok {
		out = append(out, "Overall: "+placementTitle(r, overall)+". "+overallRule)
	}
	out = append(out, "", "## Skills")
	for _, p := range ps {
		placed := "Not placed yet."
		if p.Answered {
			placed = "Placed at: " + placementTitle(r, p.Level) + "."
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
