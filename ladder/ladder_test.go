package ladder

import (
	"slices"
	"strings"
	"testing"
)

func errAt(path string, pos Pos, msg string) Diagnostic {
	return Diagnostic{Path: path, Pos: pos, Severity: Error, Message: msg}
}

func warnAt(path string, pos Pos, msg string) Diagnostic {
	return Diagnostic{Path: path, Pos: pos, Severity: Warning, Message: msg}
}

func TestSlug(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"lower-cases letters", "DevOps Engineer", "devops-engineer"},
		{"joins words after punctuation with one hyphen", "Security, privacy, and compliance", "security-privacy-and-compliance"},
		{"drops a straight apostrophe", "Skylight's values", "skylights-values"},
		{"drops a typographic apostrophe", "Skylight’s values", "skylights-values"},
		{"drops a modifier-letter apostrophe", "Skylightʼs values", "skylights-values"},
		{"keeps digits", "Level 2 engineer", "level-2-engineer"},
		{"keeps a roman numeral", "II", "ii"},
		{"turns parentheses into hyphens", "User experience (UX) writing", "user-experience-ux-writing"},
		{"trims hyphens at both ends", "  --Senior!-- ", "senior"},
		{"folds a run of symbols into one hyphen", "a & b / c", "a-b-c"},
		{"keeps letters outside ASCII", "Café Ökonomie", "café-ökonomie"},
		{"keeps a name in another script", "Инженер данных", "инженер-данных"},
		{"keeps digits outside ASCII", "Level ٣", "level-٣"},
		{"is empty for punctuation only", "!?—", ""},
		{"is empty for apostrophes only", "'’", ""},
		{"is empty for an empty name", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Slug(c.in); got != c.want {
				t.Errorf("Slug(%q): got %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// testRole returns a valid role with two skills and two levels, every part
// at a position of its own.
func testRole(id, source string) Role {
	skills := []Skill{
		{ID: "planning", Name: "Planning", Pos: Pos{Line: 10, Col: 1}},
		{ID: "writing", Name: "Writing", Pos: Pos{Line: 14, Col: 1}},
	}
	level := func(id, name string, line int) Level {
		return Level{ID: id, Name: name, Title: "Engineer " + name, Pos: Pos{Line: line, Col: 1}, Skills: []Expectation{
			{SkillID: "planning", Name: "Planning", Pos: Pos{Line: line + 4, Col: 1}},
			{SkillID: "writing", Name: "Writing", Pos: Pos{Line: line + 8, Col: 1}},
		}}
	}
	return Role{
		ID: id, Title: "Engineer", Source: source, Pos: Pos{Line: 3, Col: 12},
		Skills: skills,
		Levels: []Level{level("i", "I", 20), level("ii", "II", 40)},
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(fw *Framework)
		want   []Diagnostic // Message is a distinctive part of the message
	}{
		{
			name:   "valid framework has no problems",
			change: func(*Framework) {},
		},
		{
			name:   "missing title is reported at the role",
			change: func(fw *Framework) { fw.Roles[0].Title = "" },
			want:   []Diagnostic{errAt("a.md", Pos{3, 12}, "missing title")},
		},
		{
			name:   "empty role id is reported at the role",
			change: func(fw *Framework) { fw.Roles[0].ID = "" },
			want:   []Diagnostic{errAt("a.md", Pos{3, 12}, "the role has no id")},
		},
		{
			name:   "no levels is reported at the role",
			change: func(fw *Framework) { fw.Roles[1].Levels = nil },
			want:   []Diagnostic{errAt("b.md", Pos{3, 12}, "no levels")},
		},
		{
			name:   "empty skill id is reported at the skill",
			change: func(fw *Framework) { fw.Roles[0].Skills[1].ID, fw.Roles[0].Skills[1].Name = "", "!!" },
			want: []Diagnostic{
				errAt("a.md", Pos{14, 1}, `skill "!!" gives an empty id`),
				// Each level's expectation of "writing" now names no skill.
				errAt("a.md", Pos{28, 1}, `skill "Writing" at level I matches no required skill`),
				errAt("a.md", Pos{48, 1}, `skill "Writing" at level II matches no required skill`),
			},
		},
		{
			name: "duplicate skill id is reported at the second skill",
			change: func(fw *Framework) {
				fw.Roles[0].Skills[1].ID, fw.Roles[0].Skills[1].Name = "planning", "planning"
			},
			want: []Diagnostic{
				errAt("a.md", Pos{14, 1}, `duplicate skill id "planning"`),
				errAt("a.md", Pos{28, 1}, `skill "Writing" at level I matches no required skill`),
				errAt("a.md", Pos{48, 1}, `skill "Writing" at level II matches no required skill`),
			},
		},
		{
			name:   "empty level id is reported at the level",
			change: func(fw *Framework) { fw.Roles[0].Levels[1].ID, fw.Roles[0].Levels[1].Name = "", "–" },
			want:   []Diagnostic{errAt("a.md", Pos{40, 1}, `level "–" gives an empty id`)},
		},
		{
			name:   "duplicate level id is reported at the second level",
			change: func(fw *Framework) { fw.Roles[0].Levels[1].ID, fw.Roles[0].Levels[1].Name = "i", "i" },
			want:   []Diagnostic{errAt("a.md", Pos{40, 1}, `duplicate level id "i": the levels list names "i" twice`)},
		},
		{
			name:   "a level id that another page of the role uses is reported at the level",
			change: func(fw *Framework) { fw.Roles[0].Levels[1].ID, fw.Roles[0].Levels[1].Name = "grid", "Grid" },
			want:   []Diagnostic{errAt("a.md", Pos{40, 1}, `level "Grid" has the id "grid", which names another page of the role`)},
		},
		{
			name: "level skill naming no required skill is reported at its heading",
			change: func(fw *Framework) {
				l := &fw.Roles[0].Levels[0]
				l.Skills = append(l.Skills, Expectation{SkillID: "cooking", Name: "Cooking", Pos: Pos{Line: 32, Col: 1}})
			},
			want: []Diagnostic{errAt("a.md", Pos{32, 1}, `skill "Cooking" at level I matches no required skill`)},
		},
		{
			name: "skill given twice at a level is reported at the second",
			change: func(fw *Framework) {
				l := &fw.Roles[0].Levels[1]
				l.Skills = append(l.Skills, Expectation{SkillID: "planning", Name: "planning", Pos: Pos{Line: 52, Col: 1}})
			},
			want: []Diagnostic{errAt("a.md", Pos{52, 1}, `skill "planning" appears twice at level II`)},
		},
		{
			name:   "required skill missing at a level is reported at the level",
			change: func(fw *Framework) { fw.Roles[1].Levels[1].Skills = fw.Roles[1].Levels[1].Skills[1:] },
			want:   []Diagnostic{errAt("b.md", Pos{40, 1}, `level II is missing required skill "Planning"`)},
		},
		{
			name:   "duplicate role id is reported at the second role",
			change: func(fw *Framework) { fw.Roles[1].ID = "alpha" },
			want:   []Diagnostic{errAt("b.md", Pos{3, 12}, `duplicate role id "alpha": a.md already defines it`)},
		},
		{
			name: "every problem is reported, not just the first",
			change: func(fw *Framework) {
				fw.Roles[0].Title = ""
				fw.Roles[1].Levels = nil
				fw.Roles[1].ID = "alpha"
			},
			want: []Diagnostic{
				errAt("a.md", Pos{3, 12}, "missing title"),
				errAt("b.md", Pos{3, 12}, "no levels"),
				errAt("b.md", Pos{3, 12}, `duplicate role id "alpha"`),
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fw := &Framework{Roles: []Role{testRole("alpha", "a.md"), testRole("beta", "b.md")}}
			c.change(fw)
			got := fw.Validate()
			if len(got) != len(c.want) {
				t.Fatalf("diagnostics: got %d %v, want %d %v", len(got), got, len(c.want), c.want)
			}
			for i, w := range c.want {
				g := got[i]
				if g.Path != w.Path || g.Pos != w.Pos || g.Severity != w.Severity || !strings.Contains(g.Message, w.Message) {
					t.Errorf("diagnostic %d: got %s, want %s", i, g, w)
				}
			}
		})
	}
}

func TestLookups(t *testing.T) {
	fw := &Framework{Roles: []Role{testRole("alpha", "a.md"), testRole("beta", "b.md")}}
	r := fw.Role("beta")
	if r == nil || r.Source != "b.md" {
		t.Fatalf("Role(beta): got %v, want the role from b.md", r)
	}
	t.Run("role lookup returns the stored role, not a copy", func(t *testing.T) {
		r.Title = "Changed"
		if got, want := fw.Roles[1].Title, "Changed"; got != want {
			t.Errorf("title after change: got %q, want %q", got, want)
		}
	})
	t.Run("unknown role is nil", func(t *testing.T) {
		if got := fw.Role("gamma"); got != nil {
			t.Errorf("Role(gamma): got %v, want nil", got)
		}
	})
	levels := []struct {
		name, id string
		index    int
	}{
		{"first level is at index 0", "i", 0},
		{"second level is at index 1", "ii", 1},
		{"unknown level is at -1", "iii", -1},
		{"level ids are matched exactly", "II", -1},
		{"empty level id is unknown", "", -1},
	}
	for _, c := range levels {
		t.Run(c.name, func(t *testing.T) {
			if got := r.LevelIndex(c.id); got != c.index {
				t.Errorf("LevelIndex(%q): got %d, want %d", c.id, got, c.index)
			}
			l := r.Level(c.id)
			switch {
			case c.index < 0 && l != nil:
				t.Errorf("Level(%q): got %v, want nil", c.id, l)
			case c.index >= 0 && l != &r.Levels[c.index]:
				t.Errorf("Level(%q): got %p, want %p", c.id, l, &r.Levels[c.index])
			}
		})
	}
	skills := []struct {
		name, id, want string
	}{
		{"known skill is found", "writing", "Writing"},
		{"unknown skill is nil", "cooking", ""},
		{"skill ids are matched exactly", "Planning", ""},
	}
	for _, c := range skills {
		t.Run(c.name, func(t *testing.T) {
			s := r.Skill(c.id)
			switch {
			case c.want == "" && s != nil:
				t.Errorf("Skill(%q): got %v, want nil", c.id, s)
			case c.want != "" && (s == nil || s.Name != c.want):
				t.Errorf("Skill(%q): got %v, want %s", c.id, s, c.want)
			}
		})
	}
	expectations := []struct {
		name, id string
		ok       bool
		line     int
	}{
		{"expectation of a skill the level has is found", "writing", true, 48},
		{"expectation of a skill the level lacks is not found", "cooking", false, 0},
	}
	for _, c := range expectations {
		t.Run(c.name, func(t *testing.T) {
			e, ok := r.Level("ii").Expectation(c.id)
			if ok != c.ok || e.Pos.Line != c.line {
				t.Errorf("Expectation(%q): got %v at line %d, want %v at line %d", c.id, ok, e.Pos.Line, c.ok, c.line)
			}
			if !ok && e != (Expectation{}) {
				t.Errorf("Expectation(%q): got %+v, want the zero Expectation", c.id, e)
			}
		})
	}
}

func TestDiagnosticString(t *testing.T) {
	cases := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"error with a position", errAt("a.md", Pos{Line: 3, Col: 7}, "bad level"), "a.md:3:7: error: bad level"},
		{"warning with a position", warnAt("dir/b.md", Pos{Line: 12, Col: 1}, `odd heading "X"`), `dir/b.md:12:1: warning: odd heading "X"`},
		{"no position leaves out line and column", errAt("a.md", Pos{}, "no pages"), "a.md: error: no pages"},
		{"line without column still prints both", warnAt("a.md", Pos{Line: 4}, "w"), "a.md:4:0: warning: w"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.d.String(); got != c.want {
				t.Errorf("String: got %q, want %q", got, c.want)
			}
		})
	}
}

func TestHasErrors(t *testing.T) {
	cases := []struct {
		name string
		ds   []Diagnostic
		want bool
	}{
		{"none", nil, false},
		{"warnings only", []Diagnostic{warnAt("a", Pos{}, "w"), warnAt("b", Pos{}, "w")}, false},
		{"an error among warnings", []Diagnostic{warnAt("a", Pos{}, "w"), errAt("b", Pos{}, "e")}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := HasErrors(c.ds); got != c.want {
				t.Errorf("HasErrors: got %v, want %v", got, c.want)
			}
		})
	}
}

func TestSortDiagnostics(t *testing.T) {
	ds := []Diagnostic{
		warnAt("b.md", Pos{Line: 1, Col: 1}, "b1"),
		errAt("a.md", Pos{Line: 10, Col: 2}, "a10:2"),
		warnAt("a.md", Pos{Line: 2, Col: 5}, "a2:5 first"),
		errAt("a.md", Pos{Line: 10, Col: 1}, "a10:1"),
		errAt("a.md", Pos{Line: 2, Col: 5}, "a2:5 second"),
		warnAt("a.md", Pos{}, "a no place"),
		warnAt("a.md", Pos{Line: 2, Col: 5}, "a2:5 third"),
	}
	SortDiagnostics(ds)
	var got []string
	for _, d := range ds {
		got = append(got, d.Message)
	}
	want := []string{"a no place", "a2:5 first", "a2:5 second", "a2:5 third", "a10:1", "a10:2", "b1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("order: got %q, want %q", got, want)
	}
}

func TestSeverityString(t *testing.T) {
	if got, want := Warning.String(), "warning"; got != want {
		t.Errorf("Warning: got %q, want %q", got, want)
	}
	if got, want := Error.String(), "error"; got != want {
		t.Errorf("Error: got %q, want %q", got, want)
	}
}

func TestProseIsEmpty(t *testing.T) {
	cases := []struct {
		name string
		p    Prose
		want bool
	}{
		{"no text and no HTML is empty", Prose{}, true},
		{"text is not empty", Prose{Text: "x"}, false},
		{"HTML is not empty", Prose{HTML: "<p></p>"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.IsEmpty(); got != c.want {
				t.Errorf("IsEmpty: got %v, want %v", got, c.want)
			}
		})
	}
}

func TestGroups(t *testing.T) {
	fw := &Framework{
		Families: []Family{
			{Name: "Engineering", Roles: []string{"b", "missing", "a"}},
			{Name: "Empty", Roles: []string{"missing"}},
			{Name: "Again", Roles: []string{"a"}},
		},
		Roles: []Role{{ID: "a"}, {ID: "b"}, {ID: "c"}},
	}
	var got []string
	for _, g := range fw.Groups() {
		s := g.Name + ":"
		for _, r := range g.Roles {
			s += " " + r.ID
		}
		got = append(got, s)
	}
	want := []string{"Engineering: b a", ": c"}
	if !slices.Equal(got, want) {
		t.Errorf("Groups() = %q, want %q", got, want)
	}
}
