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
		words[i] = strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(w))
	}
	return strings.Join(words, " ")
}

var parenthetical = regexp.MustCompile(`^(.*?)\s*\(([^()]+)\)\s*(.*)$`)

// shortForms returns the normalised forms a name with an abbreviation in
// parentheses can take: "User experience (UX) writing" is also "User
// experience writing", "UX writing" and "User UX writing" (the abbreviation
// standing for the last one, two, … words before it). A name without
// parentheses has no short forms.
func shortForms(name string) []string {
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

// sameByAbbreviation reports whether two names differ only in that one
// spells out, or leaves out, an abbreviation the other has in parentheses.
func sameByAbbreviation(a, b string) bool {
	na, nb := normName(a), normName(b)
	fa, fb := shortForms(a), shortForms(b)
	return slices.Contains(fa, nb) || slices.Contains(fb, na) ||
		slices.ContainsFunc(fa, func(f string) bool { return slices.Contains(fb, f) })
}

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
func matchSkills(headings, required []string) ([]int, []matchKind) {
	idx := make([]int, len(headings))
	kind := make([]matchKind, len(headings))
	norms := make([]string, len(required))
	for i, r := range required {
		norms[i] = normName(r)
	}
	for i, h := range headings {
		idx[i] = -1
		if j := slices.Index(required, h); j >= 0 {
			idx[i], kind[i] = j, exactly
		} else if j := slices.Index(norms, normName(h)); j >= 0 {
			idx[i], kind[i] = j, byName
		}
	}
	for i, h := range headings {
		if idx[i] >= 0 {
			continue
		}
		var found []int
		for j, r := range required {
			if sameByAbbreviation(h, r) {
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
