package search

import (
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
)

// Doc is one place of a framework a search can lead to: a role, a skill's
// definition, a level's introduction, or a level's expectation of a skill.
type Doc struct {
	// Role is the role's ID; Level and Skill, the level's and the skill's,
	// for the places that have them (see Kind).
	Role  string `json:"role"`
	Level string `json:"level,omitempty"`
	Skill string `json:"skill,omitempty"`
	// Title names the place: the role's title, the skill's name, the
	// level's title, or the skill's name as the level writes it. Its
	// words rank above the others.
	Title string `json:"title"`
	// Context is where the place stands: the role's family, or the
	// role's title and the level's names. Its words narrow a search
	// ("senior terraform") but do not make a match alone.
	Context string `json:"context,omitempty"`
	// Text is the place's words, as plain text.
	Text string `json:"text"`
}

// Kind is what sort of place a Doc is.
type Kind int

// The kinds of place.
const (
	RoleDoc        Kind = iota // a role: its description, introduction and notes
	SkillDoc                   // a skill's definition
	LevelDoc                   // a level's introduction
	ExpectationDoc             // what a level expects of a skill
)

// Kind says what sort of place d is.
func (d Doc) Kind() Kind {
	switch {
	case d.Level == "" && d.Skill == "":
		return RoleDoc
	case d.Level == "":
		return SkillDoc
	case d.Skill == "":
		return LevelDoc
	}
	return ExpectationDoc
}

// Docs returns every place of fw a search can lead to, in the framework's
// order: each role, then its skills' definitions, then each level's
// introduction followed by its expectations.
func Docs(fw *ladder.Framework) []Doc {
	var out []Doc
	for i := range fw.Roles {
		r := &fw.Roles[i]
		text := []string{r.Description, r.Intro.Text}
		for _, n := range r.Notes {
			text = append(text, n.Title, n.Text)
		}
		out = append(out, Doc{Role: r.ID, Title: r.Title, Context: r.Family, Text: joinText(text...)})
		for _, s := range r.Skills {
			out = append(out, Doc{Role: r.ID, Skill: s.ID, Title: s.Name, Context: r.Title, Text: s.Text})
		}
		for _, l := range r.Levels {
			context := joinText(l.Name, l.Title, r.Title)
			out = append(out, Doc{Role: r.ID, Level: l.ID, Title: l.Title, Context: joinText(l.Name, r.Title), Text: l.Text})
			for _, e := range l.Skills {
				out = append(out, Doc{Role: r.ID, Level: l.ID, Skill: e.SkillID, Title: e.Name, Context: context, Text: e.Text})
			}
		}
	}
	return out
}

// joinText joins the pieces of text that are not empty, a line each.
func joinText(pieces ...string) string {
	var kept []string
	for _, p := range pieces {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n")
}
