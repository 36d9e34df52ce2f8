package ladder

// Skill is one of a role's required skills, with the definition that the
// page gives under "Required skills".
type Skill struct {
	// ID is the slug of Name; it appears in URLs.
	ID   string `json:"id"`
	Name string `json:"name"`
	Prose
	// Pos is where the skill's heading stands in its page.
	Pos Pos `json:"-"`
}

// Expectation is what a level expects of one skill.
type Expectation struct {
	// SkillID is the ID of the required skill this expectation belongs to.
	SkillID string `json:"id"`
	// Name is the skill's heading as written at this level, which may differ
	// from the required skill's name (an abbreviation, say).
	Name string `json:"name"`
	Prose
	Pos Pos `json:"-"`
}
