package ladder

import (
	"slices"
	"strings"
	"testing"
)

func TestFingerprint(t *testing.T) {
	a, b := Fingerprint("You build pipelines."), Fingerprint("You  build\npipelines. ")
	if a != b {
		t.Errorf("white space changed the fingerprint: %s, %s", a, b)
	}
	if a == Fingerprint("You build robust pipelines.") {
		t.Error("a changed text kept its fingerprint")
	}
	// What the diff shows as no change is no change here either.
	curly, straight := "You own the team’s “pipelines”.", `You own the team's "pipelines".`
	if Diff(curly, straight).Changed() || Fingerprint(curly) != Fingerprint(straight) {
		t.Errorf("typographic quotes: the diff says changed %v, the fingerprints %s and %s", Diff(curly, straight).Changed(), Fingerprint(curly), Fingerprint(straight))
	}
	if a == "" {
		t.Error("empty fingerprint")
	}
}

func TestAnswerState(t *testing.T) {
	r := *devops // a copy to change
	as := Assessment{Answers: map[string]Answer{
		"cd":   Place(&r, "cd", "two", "note"),
		"ops":  Place(&r, "ops", "", ""),
		"gone": {Level: "one", Skill: "Old skill", Text: "x", Fingerprint: Fingerprint("x")},
	}}
	if got := as.Answers["cd"]; got.Skill != "Continuous delivery" || got.Text != "You build robust pipelines." || got.Note != "note" {
		t.Fatalf("Place = %+v", got)
	}
	if s := as.Answers["cd"].State(&r, "cd"); s != Current {
		t.Errorf("unchanged answer: state %d, want Current", s)
	}
	if s := as.Answers["ops"].State(&r, "ops"); s != Current {
		t.Errorf("not-yet answer: state %d, want Current", s)
	}
	if s := as.Answers["gone"].State(&r, "gone"); s != Orphan {
		t.Errorf("removed skill: state %d, want Orphan", s)
	}
	// A new version of the ladder rewrites level two's text.
	r.Levels = slices.Clone(devops.Levels)
	r.Levels[1].Skills = []Expectation{exp("cd", "Continuous delivery", "You design pipelines."), exp("ops", "Production operations", "You read logs.")}
	if s := as.Answers["cd"].State(&r, "cd"); s != TextChanged {
		t.Errorf("rewritten text: state %d, want TextChanged", s)
	}
	r.Levels = r.Levels[:1]
	if s := as.Answers["cd"].State(&r, "cd"); s != LevelGone {
		t.Errorf("removed level: state %d, want LevelGone", s)
	}
	if got := as.Orphans(&r); !slices.Equal(got, []string{"gone"}) {
		t.Errorf("Orphans = %q", got)
	}
}

func TestOverall(t *testing.T) {
	placed := func(levels ...int) []Placement {
		var ps []Placement
		for _, l := range levels {
			ps = append(ps, Placement{Level: l, Answered: true})
		}
		return ps
	}
	tests := []struct {
		name   string
		ps     []Placement
		want   int
		wantOK bool
	}{
		{"nothing answered", []Placement{{Level: NotYet}}, NotYet, false},
		{"one skill", placed(3), 3, true},
		{"half reach 3 of six", placed(1, 2, 2, 3, 4, 5), 3, true},
		{"three of five reach 2", placed(0, 1, 2, 4, 5), 2, true},
		{"one weak skill does not sink it", placed(0, 4, 4, 4), 4, true},
		{"mostly below the first level", placed(NotYet, NotYet, 0), NotYet, true},
		{"unanswered skills do not count", append(placed(2, 2), Placement{Level: NotYet}), 2, true},
	}
	for _, tt := range tests {
		got, ok := Overall(tt.ps)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: Overall = %d, %v; want %d, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestPlacementsAndGaps(t *testing.T) {
	as := Assessment{Answers: map[string]Answer{
		"cd":  {Placed: true, Level: "two"},
		"x":   {Placed: true, Level: "one"}, // an orphan: not a placement
		"ops": {Note: "a note alone places nothing"},
	}}
	ps := as.Placements(devops)
	if len(ps) != 2 || ps[0].Level != 1 || !ps[0].Answered || ps[1].Answered {
		t.Fatalf("Placements = %+v", ps)
	}
	gaps := Gaps(devops, ps, "two")
	if len(gaps) != 1 || gaps[0].Skill.ID != "ops" || gaps[0].Target.Text != "You read logs." {
		t.Errorf("Gaps to two = %+v, want ops (not placed) with level two's text", gaps)
	}
	if gaps := Gaps(devops, ps, "one"); len(gaps) != 1 {
		t.Errorf("Gaps to one = %+v, want only the unplaced skill", gaps)
	}
	if gaps := Gaps(devops, ps, "nope"); gaps != nil {
		t.Errorf("Gaps to an unknown level = %+v", gaps)
	}
}

func TestMoves(t *testing.T) {
	before := &Assessment{Answers: map[string]Answer{"cd": {Placed: true, Level: "one"}, "ops": {Placed: true, Level: "two"}}}
	after := &Assessment{Answers: map[string]Answer{"cd": {Placed: true, Level: "two"}, "ops": {Placed: true, Level: "two", Note: "a note is not a move"}}}
	moves := Moves(devops, before, after)
	if len(moves) != 1 || moves[0].Skill.ID != "cd" || moves[0].From.Level != 0 || moves[0].To.Level != 1 {
		t.Errorf("Moves = %+v, want cd from 0 to 1", moves)
	}
	if got := Moves(devops, before, &Assessment{}); len(got) != 2 {
		t.Errorf("against an empty assessment: %d moves, want 2 (placed, then not)", len(got))
	}
	if got := Moves(devops, before, before); len(got) != 0 {
		t.Errorf("an assessment against itself moves %d skills", len(got))
	}
}

func TestCutNote(t *testing.T) {
	long := strings.Repeat("é", MaxNote+5)
	tests := []struct{ in, want string }{
		{"short", "short"},
		{strings.Repeat("x", MaxNote), strings.Repeat("x", MaxNote)},
		{long, strings.Repeat("é", MaxNote)},
	}
	for _, tt := range tests {
		if got := CutNote(tt.in); got != tt.want {
			t.Errorf("CutNote(%d characters) = %d characters, want %d", len([]rune(tt.in)), len([]rune(got)), len([]rune(tt.want)))
		}
	}
}

func TestLevelAtPosition(t *testing.T) {
	r := &Role{Levels: []Level{{ID: "one"}, {ID: "two"}}}
	tests := []struct {
		v    int
		want string
		ok   bool
	}{{-1, "", false}, {0, "", true}, {1, "one", true}, {2, "two", true}, {3, "", false}}
	for _, tt := range tests {
		if got, ok := r.LevelAtPosition(tt.v); got != tt.want || ok != tt.ok {
			t.Errorf("LevelAtPosition(%d) = %q, %t; want %q, %t", tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLevelAtPlace(t *testing.T) {
	long := &Role{Levels: []Level{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}}
	short := &Role{Levels: []Level{{ID: "x"}, {ID: "b"}}}
	tests := []struct {
		name string
		r    *Role
		old  Side
		want string
	}{
		{"the same ID", short, Side{long, &long.Levels[1]}, "b"},
		{"the same place", long, Side{short, &short.Levels[0]}, "a"},
		{"past the end: the last", short, Side{long, &long.Levels[3]}, "b"},
		{"unknown: the first", long, Side{}, "a"},
		{"no levels", &Role{}, Side{long, &long.Levels[0]}, ""},
		{"no role", nil, Side{long, &long.Levels[0]}, ""},
	}
	for _, tt := range tests {
		if got := LevelAtPlace(tt.r, tt.old); got != tt.want {
			t.Errorf("%s: LevelAtPlace = %q, want %q", tt.name, got, tt.want)
		}
	}
}
