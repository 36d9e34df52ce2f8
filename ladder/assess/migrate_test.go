package assess

import (
	"hash/fnv"
	"strconv"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// fileVersion is the version line of an export file this code writes.
var fileVersion = `"version": ` + strconv.Itoa(Version)

// replaceOnce replaces old, which must be in s, by new.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q is not in %s", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

// v1Fingerprint is a fingerprint as version 1 made it: the FNV-1a hash of
// the words, quotes as they are.
func v1Fingerprint(text string) string {
	h := fnv.New64a()
	h.Write([]byte(strings.Join(strings.Fields(text), " ")))
	return strconv.FormatUint(h.Sum64(), 16)
}

// v1Role is a role whose text for level ii now has straight quotes where
// the answer below was made against typographic ones.
func v1Role() *ladder.Role {
	return &ladder.Role{
		ID:     "devops-engineer",
		Skills: []ladder.Skill{{ID: "continuous-delivery", Name: "Continuous delivery"}},
		Levels: []ladder.Level{{ID: "ii", Name: "II", Skills: []ladder.Expectation{
			{SkillID: "continuous-delivery", Prose: ladder.Prose{Text: `You own the team's "pipelines".`}},
		}}},
	}
}

const v1Text = "You own the team’s “pipelines”."

// v1Assessment is how version 1 of the app saved and exported an answer.
func v1Assessment() string {
	return `{"id":"a1","name":"Before review","role":"devops-engineer","created":"2026-11-01T10:00:00Z","updated":"2026-11-02T10:00:00Z","target":"",` +
		`"answers":{"continuous-delivery":{"placed":true,"level":"ii","note":"n","skill":"Continuous delivery","text":"` + v1Text + `","fingerprint":"` + v1Fingerprint(v1Text) + `"}}}`
}

func TestMigrationsLeadToTheCurrentVersion(t *testing.T) {
	if len(migrations) != current-1 || StoreVersion != current || Version != current {
		t.Errorf("%d migrations for version %d (store %d, file %d): want one step from each older version", len(migrations), current, StoreVersion, Version)
	}
}

// TestMigrateFingerprints loads a version 1 store and imports a version 1
// file: the answer made against typographic quotes, which the ladder now
// writes straight, reads as current, as the diff already said it was.
func TestMigrateFingerprints(t *testing.T) {
	r := v1Role()
	if ladder.Diff(v1Text, r.Levels[0].Skills[0].Text).Changed() {
		t.Fatal("the diff sees a change between the quotes: the test's texts are wrong")
	}
	check := func(t *testing.T, as []ladder.Assessment) {
		t.Helper()
		if len(as) != 1 {
			t.Fatalf("%d assessments, want 1", len(as))
		}
		ans := as[0].Answers["continuous-delivery"]
		if ans.Fingerprint != ladder.Fingerprint(v1Text) || ans.Fingerprint == v1Fingerprint(v1Text) {
			t.Errorf("fingerprint %s, want %s, the current one of the answer's text", ans.Fingerprint, ladder.Fingerprint(v1Text))
		}
		if s := ans.State(r, "continuous-delivery"); s != ladder.Current {
			t.Errorf("state %v, want current", s)
		}
		if ans.Text != v1Text || ans.Note != "n" || ans.Level != "ii" || !ans.Placed {
			t.Errorf("the migration changed the answer: %+v", ans)
		}
	}

	t.Run("saved", func(t *testing.T) {
		l := Load(`{"version":1,"assessments":[` + v1Assessment() + `]}`)
		if l.Damaged || l.ReadOnly || len(l.Notes) != 0 {
			t.Errorf("a version 1 store loads damaged %v, read-only %v, notes %+v: want it read as it is", l.Damaged, l.ReadOnly, l.Notes)
		}
		check(t, l.Store.Assessments)
		if saved := Save(l.Store); !strings.Contains(saved, `"version":`+strconv.Itoa(current)) {
			t.Errorf("saved again as %s: want the current version", saved)
		}
	})
	t.Run("saved with no version", func(t *testing.T) {
		check(t, Load(`{"assessments":[`+v1Assessment()+`]}`).Store.Assessments)
	})
	t.Run("imported", func(t *testing.T) {
		as, err := Import([]byte(`{"schema":"ladder-explorer/assessments","version":1,"exported":"2026-11-02T10:00:00Z","assessments":[`+v1Assessment()+`]}`), hasDevops)
		if err != nil {
			t.Fatal(err)
		}
		check(t, as)
	})
	t.Run("current documents are left alone", func(t *testing.T) {
		stale := strings.Replace(v1Assessment(), v1Fingerprint(v1Text), "f", 1)
		l := Load(`{"version":` + strconv.Itoa(current) + `,"assessments":[` + stale + `]}`)
		if got := l.Store.Assessments[0].Answers["continuous-delivery"].Fingerprint; got != "f" {
			t.Errorf("a current document's fingerprint became %s", got)
		}
	})
}
