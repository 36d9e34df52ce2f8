package page

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
)

// role turns what the builder gathered into the model, matching level
// sections to the front matter's levels and level skills to required skills.
func (b *builder) role() *ladder.Role {
	fm := b.fm
	r := &ladder.Role{
		Title:       fm.title,
		Description: fm.description,
		Updated:     fm.updated,
		Source:      b.src.path,
		Pos:         firstPos(fm.permalinkPos, fm.titlePos, ladder.Pos{Line: 1, Col: 1}),
		Skills:      []ladder.Skill{},
		Levels:      []ladder.Level{},
		Notes:       []ladder.Note{},
	}
	r.Intro = b.render(b.intro, "the introduction", ladder.Pos{Line: 1, Col: 1})
	r.ID = b.roleID()
	if len(b.skills) == 0 {
		b.src.fail(r.Pos, "no required skills: the page needs a %q heading with one heading per skill under it", "### Required skills")
	}
	for _, s := range b.skills {
		skill := ladder.Skill{ID: ladder.Slug(s.head.title), Name: s.head.title, Prose: b.render(s.lines, under(s.head), s.head.pos), Pos: s.head.pos}
		b.placed[s.head] = ladder.Anchor{Skill: skill.ID}
		if skill.IsEmpty() {
			b.src.warn(s.head.pos, "required skill %q has no description", skill.Name)
		}
		r.Skills = append(r.Skills, skill)
	}
	for i, sec := range b.sectionsByLevel() {
		if sec == nil {
			continue
		}
		l := fm.levels[i]
		level := ladder.Level{ID: ladder.Slug(l.name), Name: l.name, Title: sec.head.title, Prose: b.render(sec.lines, under(sec.head), sec.head.pos), Pos: sec.head.pos}
		level.Skills = b.expectations(r, sec, l.name)
		r.Levels = append(r.Levels, level)
		b.placed[sec.head] = ladder.Anchor{Level: level.ID}
	}
	for _, n := range b.notes {
		r.Notes = append(r.Notes, ladder.Note{Title: n.head.title, Prose: b.render(n.lines, under(n.head), n.head.pos)})
		b.ofRole[n.head] = true
	}
	r.Permalink = b.keepPermalink()
	if r.Permalink != "" {
		r.Anchors = b.anchors()
	}
	return r
}

// roleID is the slug of the permalink's last segment or of the file name,
// which become the role's addresses. It warns when the slug is not that
// segment or name as written, and fails when there is none.
func (b *builder) roleID() string {
	raw, fromPermalink := rawRoleID(b.fm.permalink, b.src.path)
	from, pos := "the file name", ladder.Pos{Line: 1, Col: 1}
	if fromPermalink {
		from, pos = "the permalink's last segment", b.fm.permalinkPos
	}
	id := ladder.Slug(raw)
	switch {
	case id == "":
		b.src.fail(pos, "%s, %q, has no letter or digit to make the role's id from: rename the file or give the page a permalink that ends in the role's name", from, raw)
	case id != raw:
		b.src.warn(pos, "%s, %q, is not a plain identifier; the role's id, in its addresses, is %q", from, raw, id)
	}
	return id
}

// render renders the prose of a part of the page, warning at pos when it
// has to be shown as plain text. part names the part in the warning.
func (b *builder) render(lines []string, part string, pos ladder.Pos) ladder.Prose {
	p, err := render(lines)
	switch {
	case errors.Is(err, errTooLong):
		b.src.warn(pos, "a paragraph of %s is over %d KB; shown as plain text, without Markdown formatting", part, MaxParagraph>>10)
	case err != nil:
		b.src.warn(pos, "the text of %s could not be rendered (%v); shown as plain text", part, err)
	}
	return p
}

// under names the text under a heading, for render's warning.
func under(h *heading) string { return strconv.Quote(h.title) }

func firstPos(ps ...ladder.Pos) ladder.Pos {
	for _, p := range ps {
		if p.Line > 0 {
			return p
		}
	}
	return ladder.Pos{}
}

// sectionsByLevel returns, for each level of the front matter, its section
// on the page or nil. A section is tied to a level by its role_level tag or,
// without one, by the level's name among the words of its heading.
func (b *builder) sectionsByLevel() []*levelSection {
	levels := b.fm.levels
	out := make([]*levelSection, len(levels))
	last := -1
	for _, sec := range b.levels {
		i := b.levelOf(sec)
		switch {
		case i < 0:
			continue
		case out[i] != nil:
			b.src.fail(sec.head.pos, "level %s has a second section (the first is on line %d)", levels[i].name, out[i].head.pos.Line)
			continue
		case i < last:
			b.src.warn(sec.head.pos, "level %s comes after level %s here but before it in the front matter; the front matter's order is used",
				levels[i].name, levels[last].name)
		}
		out[i], last = sec, max(last, i)
	}
	for i, sec := range out {
		if sec == nil {
			b.src.fail(levels[i].pos, "level %s in the front matter has no section: add a heading for it followed by {%% include role_level.html level='%s' %%}",
				levels[i].name, ladder.Slug(levels[i].name))
		}
	}
	return out
}

func (b *builder) levelOf(sec *levelSection) int {
	names := make([]string, len(b.fm.levels))
	for i, l := range b.fm.levels {
		names[i] = l.name
		if sec.tag != nil && ladder.Slug(sec.tag.value) == ladder.Slug(l.name) {
			return i
		}
	}
	if sec.tag != nil {
		b.src.fail(sec.tag.pos, "the role_level tag names level %q, which the front matter's levels (%s) do not list",
			sec.tag.value, strings.Join(names, ", "))
		return -1
	}
	best := -1
	for i, l := range b.fm.levels {
		if hasWords(sec.head.title, l.name) && (best < 0 || len(l.name) > len(names[best])) {
			best = i
		}
	}
	if best < 0 {
		b.src.fail(sec.head.pos, "section %q has no {%% include role_level.html level='…' %%} tag and its heading names none of the levels (%s)",
			sec.head.title, strings.Join(names, ", "))
		return -1
	}
	b.src.warn(sec.head.pos, "section %q has no role_level tag; read as level %s, which its heading names", sec.head.title, names[best])
	return best
}

// expectations matches a level's skill headings to the required skills and
// returns them in the order of the required skills; headings that match
// none come last, with an id of their own that Validate reports.
func (b *builder) expectations(r *ladder.Role, sec *levelSection, level string) []ladder.Expectation {
	titles := make([]name, len(sec.skills))
	for i, s := range sec.skills {
		titles[i] = newName(s.head.title)
	}
	required := b.requiredSkills()
	names := required.names
	idx, kind := matchSkills(titles, required)
	byRequired := make([][]ladder.Expectation, len(names)+1)
	for i, s := range sec.skills {
		e := ladder.Expectation{SkillID: ladder.Slug(s.head.title), Name: s.head.title, Prose: b.render(s.lines, under(s.head), s.head.pos), Pos: s.head.pos}
		if e.IsEmpty() {
			b.src.warn(s.head.pos, "skill %q at level %s has no text", e.Name, level)
		}
		slot := len(names)
		if j := idx[i]; j >= 0 {
			e.SkillID, slot = r.Skills[j].ID, j
			b.placed[s.head] = ladder.Anchor{Level: ladder.Slug(level), Skill: e.SkillID}
			if how := matchWords[kind[i]]; how != "" {
				b.src.warn(s.head.pos, "skill heading %q differs from the required skill %q; matched %s", e.Name, names[j].text, how)
			}
		}
		byRequired[slot] = append(byRequired[slot], e)
	}
	out := make([]ladder.Expectation, 0, len(sec.skills))
	for _, es := range byRequired {
		out = append(out, es...)
	}
	return out
}

var matchWords = map[matchKind]string{
	byName:         "by name",
	byAbbreviation: "by the abbreviation in parentheses",
	byPosition:     "by position, as the level lists its skills in the same order",
}

// hasWords reports whether the words of phrase stand, in order and side by
// side, among the words of s: "Senior DevOps engineer" has "senior", "DevOps
// engineer II" has "II" but not "I".
func hasWords(s, phrase string) bool {
	words, want := strings.Fields(normName(s)), strings.Fields(normName(phrase))
	if len(want) == 0 {
		return false
	}
	for i := 0; i+len(want) <= len(words); i++ {
		if slices.Equal(words[i:i+len(want)], want) {
			return true
		}
	}
	return false
}
