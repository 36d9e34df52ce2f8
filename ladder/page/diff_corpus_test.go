package page

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// ladderPairs calls f with every skill's expectation at every pair of
// adjacent levels of every role of the corpus.
func ladderPairs(tb testing.TB, f func(r *ladder.Role, lower, upper *ladder.Level, a, b ladder.Expectation)) {
	fw, _ := Read(readCorpus(tb))
	for ri := range fw.Roles {
		r := &fw.Roles[ri]
		for li := 1; li < len(r.Levels); li++ {
			lower, upper := &r.Levels[li-1], &r.Levels[li]
			for si, a := range lower.Skills {
				f(r, lower, upper, a, upper.Skills[si])
			}
		}
	}
}

// words is a text's words and marks as the diff compares them.
func words(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)), "")
}

// TestDiffCorpus diffs every adjacent pair of levels of the corpus, skill
// by skill: the spans give back the upper text exactly and the lower text
// word for word, and a changed text has a summary.
func TestDiffCorpus(t *testing.T) {
	pairs, changed := 0, 0
	ladderPairs(t, func(r *ladder.Role, lower, upper *ladder.Level, a, b ladder.Expectation) {
		pairs++
		d := ladder.Diff(a.Text, b.Text)
		if got := d.New(); got != b.Text {
			t.Errorf("%s %s→%s %s: New() is not the upper text:\n got %q\nwant %q", r.ID, lower.ID, upper.ID, a.SkillID, got, b.Text)
		}
		var old strings.Builder
		for _, s := range d.Spans {
			if s.Change != ladder.Added {
				old.WriteString(s.Text)
			}
		}
		if words(old.String()) != words(a.Text) {
			t.Errorf("%s %s→%s %s: the spans lose the lower text:\n got %q\nwant %q", r.ID, lower.ID, upper.ID, a.SkillID, old.String(), a.Text)
		}
		if d.Changed() {
			changed++
			if summary(d) == "no change" {
				t.Errorf("%s %s→%s %s: changed, but the summary says no change", r.ID, lower.ID, upper.ID, a.SkillID)
			}
		}
	})
	if pairs < 300 || changed == 0 {
		t.Errorf("%d pairs, %d changed: the corpus did not load", pairs, changed)
	}
}

// TestDiffGolden writes the DevOps engineer's ladder, level by level, as
// diffs, and compares them with testdata/golden/diff-devops-engineer.txt
// (-update rewrites it).
func TestDiffGolden(t *testing.T) {
	var out strings.Builder
	ladderPairs(t, func(r *ladder.Role, lower, upper *ladder.Level, a, b ladder.Expectation) {
		if r.ID != "devops-engineer" {
			return
		}
		d := ladder.Diff(a.Text, b.Text)
		out.WriteString("## " + lower.Name + " → " + upper.Name + ": " + a.Name + "\n")
		out.WriteString(summary(d) + "\n")
		for _, s := range d.Spans {
			switch s.Change {
			case ladder.Added:
				out.WriteString("[+" + s.Text + "+]")
			case ladder.Dropped:
				out.WriteString("[-" + s.Text + "-]")
			default:
				out.WriteString(s.Text)
			}
		}
		out.WriteString("\n\n")
	})
	checkGolden(t, filepath.Join("testdata", "golden", "diff-devops-engineer.txt"), []byte(out.String()))
}

// BenchmarkDiffCorpus diffs every skill of every adjacent pair of levels
// of the corpus once per iteration: the target is under 5 ms.
func BenchmarkDiffCorpus(b *testing.B) {
	type pair struct{ a, b string }
	var pairs []pair
	ladderPairs(b, func(_ *ladder.Role, _, _ *ladder.Level, x, y ladder.Expectation) {
		pairs = append(pairs, pair{x.Text, y.Text})
	})
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pairs {
			ladder.Diff(p.a, p.b)
		}
	}
}

// summary is a diff's phrases in one line, as the app words them.
func summary(d ladder.TextDiff) string {
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
