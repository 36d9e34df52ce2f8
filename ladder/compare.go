package ladder

import (
	"strings"
	"unicode"
)

// Side is one side of a comparison: a level of a role.
type Side struct {
	Role  *Role
	Level *Level
}

// Row is one skill of a comparison, with what each side expects of it.
type Row struct {
	// Name is the skill's name on the left, or on the right when the left
	// lacks it.
	Name        string
	Left, Right *Expectation
	// Diff goes from the lower side's text to the higher side's: see
	// Comparison.Reversed.
	Diff TextDiff
}

// Comparison lines up two levels, skill by skill.
type Comparison struct {
	// Rows are the skills both sides have, in the left role's order.
	Rows []Row
	// OnlyLeft and OnlyRight are the skills one side has and the other
	// lacks, in their role's order.
	OnlyLeft, OnlyRight []Row
	// Reversed is true when the left side is the higher level, so that the
	// rows' diffs go from right to left: what the higher level adds is
	// always what is marked added. Between two roles, left is taken as
	// the lower.
	Reversed bool
	// Changed is how many rows' texts differ.
	Changed int
}

// Compare lines up two levels by skill: by ID first, then, for the skills
// left over, by name with case, punctuation and spacing ignored, so that
// two roles that share a skill under the same name line up.
func Compare(left, right Side) Comparison {
	var c Comparison
	c.Reversed = left.Role == right.Role && left.Role.LevelIndex(left.Level.ID) > right.Role.LevelIndex(right.Level.ID)
	ls, rs := left.Level.Skills, right.Level.Skills
	used := make([]bool, len(rs))
	match := make([]int, len(ls))
	for i := range ls {
		match[i] = -1
		for j := range rs {
			if !used[j] && ls[i].SkillID == rs[j].SkillID {
				match[i], used[j] = j, true
				break
			}
		}
	}
	for i := range ls {
		for j := range rs {
			if match[i] < 0 && !used[j] && sameName(skillName(left.Role, &ls[i]), skillName(right.Role, &rs[j])) {
				match[i], used[j] = j, true
			}
		}
	}
	for i := range ls {
		e := &ls[i]
		if match[i] < 0 {
			c.OnlyLeft = append(c.OnlyLeft, Row{Name: skillName(left.Role, e), Left: e})
			continue
		}
		f := &rs[match[i]]
		c.Rows = append(c.Rows, Row{Name: skillName(left.Role, e), Left: e, Right: f})
		r := &c.Rows[len(c.Rows)-1]
		if c.Reversed {
			r.Diff = Diff(f.Text, e.Text)
		} else {
			r.Diff = Diff(e.Text, f.Text)
		}
		if r.Diff.Changed() {
			c.Changed++
		}
	}
	for j := range rs {
		if !used[j] {
			c.OnlyRight = append(c.OnlyRight, Row{Name: skillName(right.Role, &rs[j]), Right: &rs[j]})
		}
	}
	return c
}

// skillName is the name of an expectation's skill as its role defines it.
func skillName(r *Role, e *Expectation) string {
	if s := r.Skill(e.SkillID); s != nil {
		return s.Name
	}
	return e.Name
}

// sameName reports whether two skill names are the same words.
func sameName(a, b string) bool {
	return normaliseName(a) == normaliseName(b)
}

func normaliseName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// Track is one skill's expectations up a role's ladder.
type Track struct {
	Skill *Skill
	Steps []Step
}

// Step is one level of a track, with its changes against the level below;
// the first level's Diff is empty.
type Step struct {
	Level       *Level
	Expectation Expectation
	Diff        TextDiff
}

// TrackOf returns the track of the role's skill with the given ID, and
// whether the role has that skill.
func TrackOf(r *Role, skillID string) (Track, bool) {
	s := r.Skill(skillID)
	if s == nil {
		return Track{}, false
	}
	t := Track{Skill: s}
	prev := ""
	for i := range r.Levels {
		l := &r.Levels[i]
		e, _ := l.Expectation(skillID)
		step := Step{Level: l, Expectation: e}
		if i > 0 {
			step.Diff = Diff(prev, e.Text)
		}
		t.Steps = append(t.Steps, step)
		prev = e.Text
	}
	return t, true
}

// LevelAtPlace is the ID of r's level at the place old has on its own
// ladder: the level of the same ID when r has one, else the one at the
// same position, or r's last when its ladder is shorter; the first level
// when old is unknown, and "" when r has no level. A comparison keeps its
// other side's place when a picker changes the role.
func LevelAtPlace(r *Role, old Side) string {
	if r == nil || len(r.Levels) == 0 {
		return ""
	}
	i := 0
	if old.Role != nil && old.Level != nil {
		if l := r.Level(old.Level.ID); l != nil {
			return l.ID
		}
		i = min(old.Role.LevelIndex(old.Level.ID), len(r.Levels)-1)
	}
	return r.Levels[max(i, 0)].ID
}
