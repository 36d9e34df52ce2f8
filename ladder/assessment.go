package ladder

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Assessment is one person's placement of themselves on a role's ladder,
// skill by skill: private, kept on their device.
type Assessment struct {
	// ID names the assessment among the person's others; it never leaves
	// the device, and never appears in a URL.
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
	// Created and Updated are RFC 3339 times.
	Created string `json:"created"`
	Updated string `json:"updated"`
	// Target is the level ID the person aims for, or empty.
	Target  string            `json:"target"`
	Answers map[string]Answer `json:"answers"`
}

// Answer is where a person places themselves on one skill.
type Answer struct {
	// Placed is whether they have placed themselves on the skill; an
	// answer can hold just a note.
	Placed bool `json:"placed"`
	// Level is the level ID they place themselves at, or empty for "not
	// yet at the first level".
	Level string `json:"level"`
	// Note is their private note, at most MaxNote characters.
	Note string `json:"note"`
	// Skill is the skill's name when they answered, kept so that an answer
	// whose skill is renamed or removed can still be shown.
	Skill string `json:"skill"`
	// Text is the expectation they answered against, and Fingerprint its
	// fingerprint: when a new version of the ladder changes the text, the
	// answer is flagged and the old text is still there to compare.
	Text        string `json:"text"`
	Fingerprint string `json:"fingerprint"`
}

// MaxNote is the longest note, in characters.
const MaxNote = 2000

// CutNote is note cut to MaxNote characters: a longer note (pasted, or
// from a browser that ignores the field's limit) keeps its beginning.
func CutNote(note string) string {
	if utf8.RuneCountInString(note) > MaxNote {
		return string([]rune(note)[:MaxNote])
	}
	return note
}

// LevelAtPosition is the level an assessment slider at position v places a
// skill at, on the role's ladder: 0 is not yet at the first level (the ID
// ""), 1 the first level, and so on; false past either end.
func (r *Role) LevelAtPosition(v int) (string, bool) {
	switch {
	case v < 0 || v > len(r.Levels):
		return "", false
	case v == 0:
		return "", true
	}
	return r.Levels[v-1].ID, true
}

// Fingerprint identifies an expectation's text: the FNV-1a hash of its
// words with typographic quotes folded, so that what the diff shows as no
// change (white space, ’ for ') does not flag an answer as made against
// another text. Answers saved before quotes were folded are given new
// fingerprints by assess's migrations.
func Fingerprint(text string) string {
	h := fnv1a(strings.Join(strings.Fields(strings.Map(foldQuote, text)), " "))
	return strconv.FormatUint(h, 16)
}

// Place returns the answer for placing oneself at level (an ID, or empty
// for not yet at the first) on the role's skill, keeping note, with the
// text and fingerprint it is made against.
func Place(r *Role, skillID, level, note string) Answer {
	a := Answer{Placed: true, Level: level, Note: note}
	if s := r.Skill(skillID); s != nil {
		a.Skill = s.Name
	}
	if l := r.Level(level); l != nil {
		if e, ok := l.Expectation(skillID); ok {
			a.Text, a.Fingerprint = e.Text, Fingerprint(e.Text)
		}
	}
	return a
}

// AnswerState says how an answer stands against the current ladder.
type AnswerState int

const (
	// Current answers were made against the text the ladder has now.
	Current AnswerState = iota
	// TextChanged answers were made against a text the ladder has since
	// changed: the old text is in Answer.Text.
	TextChanged
	// LevelGone answers name a level the role no longer has.
	LevelGone
	// Orphan answers are for a skill the role no longer has (renamed or
	// removed): kept and shown, never dropped.
	Orphan
)

// State returns how the answer for skillID stands against the role.
func (a Answer) State(r *Role, skillID string) AnswerState {
	if r.Skill(skillID) == nil {
		return Orphan
	}
	if a.Level == "" {
		return Current
	}
	l := r.Level(a.Level)
	if l == nil {
		return LevelGone
	}
	if e, ok := l.Expectation(skillID); ok && a.Fingerprint != "" && Fingerprint(e.Text) != a.Fingerprint {
		return TextChanged
	}
	return Current
}

// Orphans returns the IDs of the answered skills that the role no longer
// has, sorted.
func (as *Assessment) Orphans(r *Role) []string {
	var ids []string
	for id := range as.Answers {
		if r.Skill(id) == nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}
