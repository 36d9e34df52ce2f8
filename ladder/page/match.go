package page

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// normName reduces a name to lower-case words of letters and digits, "&"
// read as "and": "Security, privacy & compliance" and "security privacy and
// compliance" are the same name.
func normName(s string) string {
	words := strings.FieldsFunc(strings.ReplaceAll(s, "&", " and "), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	for i, w := range words {
		words[i] = strings.ToLower(apostrophes.Replace(w))
	}
	return strings.Join(words, " ")
}

var apostrophes = strings.NewReplacer("'", "", "’", "")

var parenthetical = regexp.MustCompile(`^(.*?)\s*\(([^()]+)\)\s*(.*)$`)

// shortForms returns the normalised forms a name with an abbreviation in
// parentheses can take: "User experience (UX) writing" is also "User
// experience writing", "UX writing" and "User UX writing" (the abbreviation
// standing for the last one, two, … words before it). A name without
// parentheses has no short forms.
func shortForms(name string) []string {
	if !strings.Contains(name, "(") {
		return nil
	}
	m := parenthetical.FindStringSubmatch(name)
	if m == nil {
		return nil
	}
	before, abbr, after := strings.Fields(m[1]), m[2], m[3]
	forms := []string{normName(m[1] + " " + after)}
	for k := 1; k <= len(before); k++ {
		forms = append(forms, normName(strings.Join(before[:len(before)-k], " ")+" "+abbr+" "+after))
	}
	return forms
}

// name is a skill's name with the forms it is matched by, worked out once.
type name struct {
	text, norm string
	short      []string
}

func newName(s string) name { return name{text: s, norm: normName(s), short: shortForms(s)} }

// sameByAbbreviation reports whether two names differ only in that one
// spells out, or leaves out, an abbreviation the other has in parentheses.
func (a name) sameByAbbreviation(b name) bool {
	return slices.Contains(a.short, b.norm) || slices.Contains(b.short, a.norm) ||
		slices.ContainsFunc(a.short, func(f string) bool { return slices.Contains(b.short, f) })
}

// matches reports whether b is a's name, by its words or an abbreviation.
func (a name) matches(b name) bool { return a.norm == b.norm || a.sameByAbbreviation(b) }

// How a level's skill heading was matched to a required skill.
type matchKind int

const (
	unmatched matchKind = iota
	exactly
	byName
	byAbbreviation
	byPosition
)

// matchSkills pairs each heading with the index of a required skill, or -1:
// first by the same name, then by an abbreviation in parentheses, then, for
// the headings left over, by position when the level has as many skills as
// the list and every heading matched so far stands at its skill's place.
func matchSkills(headings, required []name) ([]int, []matchKind) {
	idx := make([]int, len(headings))
	kind := make([]matchKind, len(headings))
	for i, h := range headings {
		idx[i] = -1
		if j := slices.IndexFunc(required, func(r name) bool { return r.text == h.text }); j >= 0 {
			idx[i], kind[i] = j, exactly
		} else if j := slices.IndexFunc(required, func(r name) bool { return r.norm == h.norm }); j >= 0 {
			idx[i], kind[i] = j, byName
		}
	}
	for i, h := range headings {
		if idx[i] >= 0 {
			continue
		}
		var found []int
		for j, r := range required {
			if h.sameByAbbreviation(r) {
				found = append(found, j)
			}
		}
		if len(found) == 1 {
			idx[i], kind[i] = found[0], byAbbreviation
		}
	}
	if len(headings) != len(required) {
		return idx, kind
	}
	for i := range headings {
		if idx[i] >= 0 && idx[i] != i {
			return idx, kind // the order differs: position says nothing
		}
	}
	for i := range headings {
		if idx[i] < 0 && !slices.Contains(idx, i) {
			idx[i], kind[i] = i, byPosition
		}
	}
	return idx, kind
}
