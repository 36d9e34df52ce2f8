package page

import (
	"cmp"
	"os"
	"path/filepath"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// corpusDir holds the real careers site's pages: the folder $LADDER_CORPUS
// names (make test sets it from CORPUS), or the one beside the project.
var corpusDir = cmp.Or(os.Getenv("LADDER_CORPUS"), filepath.Join("..", "..", "..", "shared", "corpus", "skylight"))

func readCorpus(t testing.TB) []File {
	t.Helper()
	files, err := ReadDir(os.DirFS(corpusDir), ".")
	if err != nil {
		t.Fatalf("the corpus must be at %s (set LADDER_CORPUS to its folder): %v", corpusDir, err)
	}
	if len(files) != 15 {
		t.Fatalf("the corpus has %d pages, want 14 roles and index.md", len(files))
	}
	return files
}

// TestCorpus reads the 14 real pathway pages and checks that every role
// holds exactly its levels and skills, with every skill at every level.
func TestCorpus(t *testing.T) {
	fw, diags := Read(readCorpus(t))
	for _, d := range diags {
		if d.Severity == ladder.Error {
			t.Errorf("corpus: %s", d)
		}
	}
	want := []struct {
		id, family     string
		levels, skills int
	}{
		{"user-researcher", "Research & design", 6, 7},
		{"product-designer", "Research & design", 6, 7},
		{"service-designer", "Research & design", 6, 5},
		{"content-designer", "Research & design", 6, 5},
		{"software-engineer", "Engineering", 6, 6},
		{"devops-engineer", "Engineering", 6, 6},
		{"security-engineer", "Engineering", 6, 5},
		{"data-engineer", "Data", 6, 6},
		{"data-scientist", "Data", 6, 7},
		{"product-manager", "Product & delivery", 6, 7},
		{"engagement-manager", "Product & delivery", 6, 6},
		{"digital-transformer", "Transformation & procurement", 6, 4},
		{"consultant", "General", 3, 11},
		{"people-manager", "General", 3, 7},
	}
	if got := len(fw.Roles); got != len(want) {
		t.Fatalf("got %d roles, want %d", got, len(want))
	}
	for i, w := range want {
		r := fw.Roles[i]
		t.Run(w.id, func(t *testing.T) {
			if r.ID != w.id || r.Family != w.family {
				t.Errorf("role %d: got %s in %q, want %s in %q", i, r.ID, r.Family, w.id, w.family)
			}
			if len(r.Levels) != w.levels || len(r.Skills) != w.skills {
				t.Errorf("got %d levels and %d skills, want %d and %d", len(r.Levels), len(r.Skills), w.levels, w.skills)
			}
			for _, l := range r.Levels {
				if len(l.Skills) != len(r.Skills) {
					t.Errorf("level %s has %d skills, want %d", l.ID, len(l.Skills), len(r.Skills))
				}
				for j, e := range l.Skills {
					if e.SkillID != r.Skills[j].ID || e.Text == "" {
						t.Errorf("level %s, skill %d: got %q with %d characters, want %q with text", l.ID, j, e.SkillID, len(e.Text), r.Skills[j].ID)
					}
				}
			}
		})
	}
}

// TestCorpusLevels checks the level ids, which are public URLs.
func TestCorpusLevels(t *testing.T) {
	fw, _ := Read(readCorpus(t))
	six := []string{"associate", "i", "ii", "senior", "staff", "principal"}
	three := []string{"i", "ii", "iii"}
	for _, r := range fw.Roles {
		want := six
		if len(r.Levels) == 3 {
			want = three
		}
		for i, l := range r.Levels {
			if i >= len(want) || l.ID != want[i] {
				t.Errorf("%s: level %d is %q, want %v", r.ID, i, l.ID, want)
			}
		}
	}
	if got := fw.Role("people-manager").Updated; got != "2025-03-25" {
		t.Errorf("people-manager updated: got %q, want the last updated_date, 2025-03-25", got)
	}
	if got := fw.Role("content-designer").Notes; len(got) != 1 || got[0].Title != "Attribution" {
		t.Errorf("content-designer notes: got %+v, want one Attribution note", got)
	}
}
