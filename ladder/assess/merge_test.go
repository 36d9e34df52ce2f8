package assess

import (
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// TestMerge plays two tabs that each change a store read at the same
// time: "mine" saves second, over what "theirs" saved first.
func TestMerge(t *testing.T) {
	ans := func(level, note string) ladder.Answer { return ladder.Answer{Placed: true, Level: level, Note: note} }
	one := ladder.Assessment{ID: "a", Name: "Before review", Role: "r", Updated: "2026-11-01T10:00:00Z",
		Answers: map[string]ladder.Answer{"cd": ans("i", "")}}
	other := ladder.Assessment{ID: "b", Name: "Last year", Role: "r", Updated: "2025-11-01T10:00:00Z", Answers: map[string]ladder.Answer{}}
	base := Store{Version: StoreVersion, Assessments: []ladder.Assessment{one, other}}
	// change copies base and applies f to assessment "a".
	change := func(f func(a *ladder.Assessment)) Store {
		s := Clone(base)
		f(&s.Assessments[0])
		return s
	}
	answers := func(s Store, id string) map[string]ladder.Answer {
		for _, a := range s.Assessments {
			if a.ID == id {
				return a.Answers
			}
		}
		return nil
	}
	ids := func(s Store) (out []string) {
		for _, a := range s.Assessments {
			out = append(out, a.ID)
		}
		return out
	}

	t.Run("different skills: both answers kept", func(t *testing.T) {
		theirs := change(func(a *ladder.Assessment) { a.Answers["ops"] = ans("ii", "on call") })
		mine := change(func(a *ladder.Assessment) { a.Answers["sec"] = ans("senior", "") })
		got := answers(Merge(base, mine, theirs), "a")
		if got["ops"] != ans("ii", "on call") || got["sec"] != ans("senior", "") || got["cd"] != ans("i", "") {
			t.Errorf("answers %v: want ops from theirs, sec from mine, cd as it was", got)
		}
	})
	t.Run("the same skill: the later save wins", func(t *testing.T) {
		theirs := change(func(a *ladder.Assessment) { a.Answers["cd"] = ans("ii", "") })
		mine := change(func(a *ladder.Assessment) { a.Answers["cd"] = ans("senior", "mine") })
		if got := answers(Merge(base, mine, theirs), "a")["cd"]; got != ans("senior", "mine") {
			t.Errorf("cd = %+v, want mine", got)
		}
	})
	t.Run("their rename and my target", func(t *testing.T) {
		theirs := change(func(a *ladder.Assessment) { a.Name = "Renamed"; a.Updated = "2026-11-03T10:00:00Z" })
		mine := change(func(a *ladder.Assessment) { a.Target = "senior"; a.Updated = "2026-11-02T10:00:00Z" })
		got := Merge(base, mine, theirs).Assessments[0]
		if got.Name != "Renamed" || got.Target != "senior" || got.Updated != "2026-11-03T10:00:00Z" {
			t.Errorf("got %q, target %q, updated %s: want their name, my target, the later time", got.Name, got.Target, got.Updated)
		}
	})
	t.Run("both add an assessment", func(t *testing.T) {
		theirs, mine := Clone(base), Clone(base)
		theirs.Assessments = append(theirs.Assessments, ladder.Assessment{ID: "t", Role: "r"})
		mine.Assessments = append(mine.Assessments, ladder.Assessment{ID: "m", Role: "r"})
		if got := ids(Merge(base, mine, theirs)); len(got) != 4 || got[2] != "t" || got[3] != "m" {
			t.Errorf("assessments %v, want a, b, t, m", got)
		}
	})
	t.Run("a deletion", func(t *testing.T) {
		deleted := Store{Version: StoreVersion, Assessments: []ladder.Assessment{other}}
		edited := change(func(a *ladder.Assessment) { a.Answers["ops"] = ans("ii", "") })
		for _, tt := range []struct {
			name         string
			mine, theirs Store
			want         int
		}{
			{"mine, of what they left alone", deleted, base, 1},
			{"mine, of what they changed: kept", deleted, edited, 2},
			{"theirs, of what I left alone", base, deleted, 1},
			{"theirs, of what I changed: kept", edited, deleted, 2},
		} {
			if got := Merge(base, tt.mine, tt.theirs); len(got.Assessments) != tt.want {
				t.Errorf("%s: %v, want %d assessments", tt.name, ids(got), tt.want)
			}
		}
	})
	t.Run("an answer removed", func(t *testing.T) {
		mine := change(func(a *ladder.Assessment) { delete(a.Answers, "cd") })
		if _, ok := answers(Merge(base, mine, base), "a")["cd"]; ok {
			t.Error("the answer this tab removed came back")
		}
	})
	t.Run("alone, mine is saved as it is", func(t *testing.T) {
		mine := change(func(a *ladder.Assessment) { a.Name = "Mine"; a.Answers["ops"] = ans("", "n") })
		got := Merge(base, mine, base)
		if len(got.Assessments) != 2 || !Same(&got.Assessments[0], &mine.Assessments[0]) || !Same(&got.Assessments[1], &other) {
			t.Errorf("Merge(base, mine, base) = %+v, want mine", got)
		}
	})
	t.Run("merging leaves its inputs alone", func(t *testing.T) {
		theirs := change(func(a *ladder.Assessment) { a.Answers["ops"] = ans("ii", "") })
		mine := change(func(a *ladder.Assessment) { a.Answers["sec"] = ans("ii", "") })
		Merge(base, mine, theirs)
		if _, ok := theirs.Assessments[0].Answers["sec"]; ok || len(base.Assessments[0].Answers) != 1 {
			t.Error("Merge changed a store it was given")
		}
	})
}
