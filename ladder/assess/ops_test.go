package assess

import (
	"slices"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

func store(as ...ladder.Assessment) *Store { return &Store{Assessments: as} }

func ids(as []ladder.Assessment) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestLatest(t *testing.T) {
	tests := []struct {
		name string
		s    *Store
		role string
		want string
	}{
		{"none", store(), "devops", ""},
		{"another role's only", store(ladder.Assessment{ID: "a", Role: "data", Updated: "2026-12-01"}), "devops", ""},
		{"the newest", store(
			ladder.Assessment{ID: "a", Role: "devops", Updated: "2026-11-01T10:00:00Z"},
			ladder.Assessment{ID: "b", Role: "devops", Updated: "2026-12-01T10:00:00Z"},
			ladder.Assessment{ID: "c", Role: "devops", Updated: "2026-11-15T10:00:00Z"},
			ladder.Assessment{ID: "d", Role: "data", Updated: "2026-12-31T10:00:00Z"},
		), "devops", "b"},
		{"the first of the newest", store(
			ladder.Assessment{ID: "a", Role: "devops", Updated: "2026-12-01"},
			ladder.Assessment{ID: "b", Role: "devops", Updated: "2026-12-01"},
		), "devops", "a"},
	}
	for _, tt := range tests {
		if got := tt.s.Latest(tt.role); got != tt.want {
			t.Errorf("%s: Latest = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFindAndOf(t *testing.T) {
	s := store(ladder.Assessment{ID: "a", Role: "devops"}, ladder.Assessment{ID: "b", Role: "data"}, ladder.Assessment{ID: "c", Role: "devops"})
	if s.Find("") != nil || s.Find("z") != nil || s.Find("b").Role != "data" {
		t.Error("Find finds what is not there, or not what is")
	}
	var got []string
	for _, a := range s.Of("devops") {
		got = append(got, a.ID)
	}
	if !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("Of(devops) = %v, want [a c]", got)
	}
	s.Find("c").Name = "renamed"
	if s.Assessments[2].Name != "renamed" {
		t.Error("Find returns a copy, not the store's assessment")
	}
}

func TestDeleteAndRestore(t *testing.T) {
	tests := []struct {
		name      string
		s         *Store
		del       string
		meanwhile func(s *Store) // another tab's save, merged in before the undo
		want      []string       // IDs after the undo
	}{
		{"delete then undo", store(ladder.Assessment{ID: "a"}, ladder.Assessment{ID: "b"}), "a", nil, []string{"b", "a"}},
		{"another tab kept it", store(ladder.Assessment{ID: "a"}, ladder.Assessment{ID: "b"}), "a",
			func(s *Store) { s.Add(ladder.Assessment{ID: "a"}) }, []string{"b", "a"}},
		{"the last one", store(ladder.Assessment{ID: "a"}), "a", nil, []string{"a"}},
	}
	for _, tt := range tests {
		gone, ok := tt.s.Delete(tt.del)
		if !ok || gone.ID != tt.del || tt.s.Find(tt.del) != nil {
			t.Fatalf("%s: Delete(%s) = %v, %v; store %v", tt.name, tt.del, gone, ok, ids(tt.s.Assessments))
		}
		if tt.meanwhile != nil {
			tt.meanwhile(tt.s)
		}
		tt.s.Restore(gone)
		if got := ids(tt.s.Assessments); !slices.Equal(got, tt.want) {
			t.Errorf("%s: after the undo %v, want %v", tt.name, got, tt.want)
		}
	}
	if _, ok := store().Delete("a"); ok {
		t.Error("Delete of what is not there said it deleted")
	}
}

func TestCopy(t *testing.T) {
	src := &ladder.Assessment{ID: "a", Name: "Mine", Role: "devops", Target: "senior", Created: "old", Updated: "old",
		Answers: map[string]ladder.Answer{"cd": {Placed: true, Level: "ii", Note: "n"}}}
	cp := Copy(src, "b", "Mine (copy)", "now")
	if cp.ID != "b" || cp.Name != "Mine (copy)" || cp.Created != "now" || cp.Updated != "now" || cp.Role != "devops" || cp.Target != "senior" || cp.Answers["cd"].Note != "n" {
		t.Errorf("Copy = %+v", cp)
	}
	cp.Answers["cd"] = ladder.Answer{Note: "changed"}
	if src.Answers["cd"].Note != "n" {
		t.Error("the copy's answers are the original's")
	}
}

func TestImportConflicts(t *testing.T) {
	s := store(ladder.Assessment{ID: "a", Name: "here"})
	added, conflicts := s.AddImported([]ladder.Assessment{{ID: "a", Name: "imported a"}, {ID: "b"}, {ID: "b", Name: "second b"}})
	if got := ids(added); !slices.Equal(got, []string{"b"}) {
		t.Errorf("added %v, want [b]", got)
	}
	if got := ids(conflicts); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("conflicts %v, want [a b]", got)
	}
	if s.Find("b").Answers == nil {
		t.Error("an imported assessment without answers was stored so")
	}
	tests := []struct {
		name      string
		replace   bool
		wantIDs   []string
		wantNames []string
	}{
		{"replace", true, []string{"a", "b"}, []string{"imported a", ""}},
		{"keep both", false, []string{"a", "b", "new"}, []string{"here", "", "imported a (imported)"}},
	}
	for _, tt := range tests {
		s := store(ladder.Assessment{ID: "a", Name: "here"}, ladder.Assessment{ID: "b"})
		got := s.Settle(conflicts[0], tt.replace, "new", conflicts[0].Name+" (imported)")
		var names []string
		for _, a := range s.Assessments {
			names = append(names, a.Name)
		}
		if !slices.Equal(ids(s.Assessments), tt.wantIDs) || !slices.Equal(names, tt.wantNames) {
			t.Errorf("%s: store %v %q, want %v %q", tt.name, ids(s.Assessments), names, tt.wantIDs, tt.wantNames)
		}
		if got != s.Find(got.ID) {
			t.Errorf("%s: Settle returned a copy", tt.name)
		}
	}
}
