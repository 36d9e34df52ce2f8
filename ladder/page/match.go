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

// skills indexes the required skills' names, so that matching a heading
// costs the same however many skills there are.
type skills struct {
	names   []name
	byText  map[string]int
	byNorm  map[string]int
	byShort map[string][]int // short form → skills that have it
}

func indexSkills(titles []string) *skills {
	x := &skills{byText: map[string]int{}, byNorm: map[string]int{}, byShort: map[string][]int{}}
	for i, t := range titles {
		n := newName(t)
		x.names = append(x.names, n)
		setFirst(x.byText, n.text, i)
		setFirst(x.byNorm, n.norm, i)
		for _, f := range n.short {
			if l := x.byShort[f]; len(l) == 0 || l[len(l)-1] != i {
				x.byShort[f] = append(l, i)
			}
		}
	}
	return x
}

func setFirst(m map[string]int, k string, v int) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

// lookup finds the skill a heading names: by the same text, the same
// words, or, when exactly one skill fits, an abbreviation in parentheses
// that one of the two spells out or leaves out.
func (x *skills) lookup(h name) (int, matchKind) {
	if i, ok := x.byText[h.text]; ok {
		return i, exactly
	}
	if i, ok := x.byNorm[h.norm]; ok {
		return i, byName
	}
	found := map[int]bool{}
	for _, i := range x.byShort[h.norm] {
		found[i] = true
	}
	for _, f := range h.short {
		if i, ok := x.byNorm[f]; ok {
			found[i] = true
		}
		for _, i := range x.byShort[f] {
			found[i] = true
		}
	}
	if len(found) == 1 {
		for i := range found {
			return i, byAbbreviation
		}
	}
	return -1, unmatched
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
// the headings left over, by position. Position is evidence only when the
// level has as many skills as the list, every heading matched so far stands
// at its skill's place, and those make the majority: a lone heading, or a
// level whose names mostly differ, is not matched by position.
func matchSkills(headings []name, required *skills) ([]int, []matchKind) {
	idx := make([]int, len(headings))
	kind := make([]matchKind, len(headings))
	for i, h := range headings {
		idx[i], kind[i] = required.lookup(h)
	}
	if len(headings) != len(required.names) {
		return idx, kind
	}
	matched := 0
	for i := range headings {
		if idx[i] >= 0 && idx[i] != i {
			return idx, kind // the order differs: position says nothing
		}
		if idx[i] >= 0 {
			matched++
		}
	}
	if 2*matched <= len(headings) {
		return idx, kind
	}
	for i := range headings {
		if idx[i] < 0 && !slices.Contains(idx, i) {
			idx[i], kind[i] = i, byPosition
		}
	}
	return idx, kind
}
