package ladder

import "slices"

// NotYet is the placement of a skill below the first level.
const NotYet = -1

// Placement is where an assessment places one of the role's skills.
type Placement struct {
	Skill *Skill
	// Level is the index of the level on the role's ladder, or NotYet.
	Level int
	// Answered is false for a skill the person has not placed yet.
	Answered bool
}

// Placements returns the placement of each of the role's skills, in the
// role's order. An answer at a level the role no longer has counts as not
// answered: the person has to place that skill again.
func (as *Assessment) Placements(r *Role) []Placement {
	ps := make([]Placement, len(r.Skills))
	for i := range r.Skills {
		s := &r.Skills[i]
		p := Placement{Skill: s, Level: NotYet}
		if a, ok := as.Answers[s.ID]; ok && a.Placed {
			switch {
			case a.Level == "":
				p.Answered = true
			case r.LevelIndex(a.Level) >= 0:
				p.Level, p.Answered = r.LevelIndex(a.Level), true
			}
		}
		ps[i] = p
	}
	return ps
}

// Overall is the highest level index that at least half of the answered
// placements reach, NotYet when that is below the first level, and false
// when nothing is answered. Half, not all: one weak skill should not sink
// the whole estimate, and the gap list says which skills hold it back.
func Overall(ps []Placement) (int, bool) {
	var levels []int
	for _, p := range ps {
		if p.Answered {
			levels = append(levels, p.Level)
		}
	}
	if len(levels) == 0 {
		return NotYet, false
	}
	slices.Sort(levels)
	// The k-th highest, where k is half the count rounded up.
	return levels[len(levels)-(len(levels)+1)/2], true
}

// Gap is a skill placed below the target level, with what the target
// expects of it.
type Gap struct {
	Placement
	Target Expectation
}

// Gaps returns the skills placed below the target level, or not placed at
// all, in the role's order, each with the target level's expectation.
func Gaps(r *Role, ps []Placement, target string) []Gap {
	t := r.Level(target)
	if t == nil {
		return nil
	}
	ti := r.LevelIndex(target)
	var gaps []Gap
	for _, p := range ps {
		if p.Answered && p.Level >= ti {
			continue
		}
		e, _ := t.Expectation(p.Skill.ID)
		gaps = append(gaps, Gap{Placement: p, Target: e})
	}
	return gaps
}

// Move is a skill placed differently in two assessments.
type Move struct {
	Skill    *Skill
	From, To Placement
}

// Moves returns the skills that an assessment places differently from an
// earlier one, in the role's order: placed in one and not the other, or
// at another level.
func Moves(r *Role, earlier, later *Assessment) []Move {
	a, b := earlier.Placements(r), later.Placements(r)
	var moves []Move
	for i := range a {
		if a[i].Answered != b[i].Answered || a[i].Level != b[i].Level {
			moves = append(moves, Move{Skill: a[i].Skill, From: a[i], To: b[i]})
		}
	}
	return moves
}
