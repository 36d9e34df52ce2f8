package ladder

// Level is one rung of a role's ladder.
type Level struct {
	// ID is the slug of Name ("associate", "i", "senior"); it appears in URLs.
	ID string `json:"id"`
	// Name is the level as the front matter lists it ("Associate", "I").
	Name string `json:"name"`
	// Title is the level's section heading ("Associate DevOps engineer").
	Title string `json:"title"`
	// Prose is the level's introduction.
	Prose
	// Skills holds one expectation per required skill, in the role's skill
	// order.
	Skills []Expectation `json:"skills"`
	Pos    Pos           `json:"-"`
}

// Expectation returns the level's expectation of the skill with the given
// ID, and whether there is one.
func (l *Level) Expectation(skillID string) (Expectation, bool) {
	for _, e := range l.Skills {
		if e.SkillID == skillID {
			return e, true
		}
	}
	return Expectation{}, false
}
