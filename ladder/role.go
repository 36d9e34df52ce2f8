package ladder

// Role is one career pathway: a job with its required skills and its ladder
// of levels.
type Role struct {
	// ID is the last segment of the page's permalink; it appears in URLs.
	ID          string `json:"id"`
	Title       string `json:"title"`
	Family      string `json:"family"`
	Description string `json:"description"`
	// Updated is the page's updated_date as YYYY-MM-DD, or empty when the
	// page gives none that can be read.
	Updated string `json:"updated"`
	Intro   Prose  `json:"intro"`
	// Skills are the required-skill definitions, in the page's order.
	Skills []Skill `json:"skills"`
	// Levels are ordered from the first rung to the last.
	Levels []Level `json:"levels"`
	// Notes are sections after the last level, such as References or
	// Attribution: they belong to the role, not to a level.
	Notes []Note `json:"notes"`
	// Permalink is the address the role's page had on the careers site, a
	// path such as "/careers/career-pathways/devops-engineer/", or empty.
	// The site keeps it working, sending visitors to the role's pages.
	Permalink string `json:"-"`
	// Anchors are the ids the headings of that page had, in the page's
	// order, each with the part of the role it introduced.
	Anchors []Anchor `json:"-"`
	// Source is the page the role was read from, for diagnostics.
	Source string `json:"-"`
	Pos    Pos    `json:"-"`
}

// Anchor is the id a heading had on the careers site's page of a role, and
// where what it introduced is now: a level (Level), a skill's definition
// (Skill), a level's expectation of a skill (both), or the role itself
// (neither).
type Anchor struct {
	ID    string
	Level string
	Skill string
}

// Note is a titled section of a role that is not part of its ladder.
type Note struct {
	Title string `json:"title"`
	Prose
}

// Level returns the level with the given ID, or nil.
func (r *Role) Level(id string) *Level {
	if i := r.LevelIndex(id); i >= 0 {
		return &r.Levels[i]
	}
	return nil
}

// LevelIndex returns the position of the level with the given ID on the
// ladder, or -1.
func (r *Role) LevelIndex(id string) int {
	for i := range r.Levels {
		if r.Levels[i].ID == id {
			return i
		}
	}
	return -1
}

// Skill returns the required skill with the given ID, or nil.
func (r *Role) Skill(id string) *Skill {
	for i := range r.Skills {
		if r.Skills[i].ID == id {
			return &r.Skills[i]
		}
	}
	return nil
}
