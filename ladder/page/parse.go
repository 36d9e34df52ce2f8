package page

import (
	"path"
	"regexp"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
)

// Parse reads one pathway page. It returns the role, or nil when the page
// cannot be read at all, and the problems found while reading. Problems of
// the role's structure as a whole, such as a level missing a skill, are
// found by ladder.Framework.Validate, which Read runs.
func Parse(name string, raw []byte) (*ladder.Role, []ladder.Diagnostic) {
	src, diags := newSource(name, raw)
	if src == nil {
		return nil, diags
	}
	data, line, body, ok := src.splitFrontMatter(true)
	if !ok {
		return nil, src.diags
	}
	fm := src.parseFrontMatter(data, line)
	if ladder.HasErrors(src.diags) {
		return nil, src.diags
	}
	b := &builder{src: src, fm: fm, placed: map[*heading]ladder.Anchor{}, ofRole: map[*heading]bool{}}
	for _, bl := range src.scanBody(body) {
		b.add(bl)
	}
	if b.tooLarge {
		return nil, src.diags
	}
	return b.role(), src.diags
}

// The most levels and required skills a role may have. Real ladders have
// up to a dozen of each; the limits keep a malformed page from taking time
// that grows with their product.
const (
	MaxLevels = 50
	MaxSkills = 200
)

// The parts of a pathway page, in the order they come.
type phase int

const (
	inIntro    phase = iota // the role's introduction
	inRequired              // "Required skills" and their definitions
	inLevels                // "<Role> career pathway" and the level sections
	inNotes                 // sections after the last level
)

// builder assembles a role from a page's blocks.
type builder struct {
	src           *source
	fm            frontMatter
	phase         phase
	requiredDepth int
	pathwayDepth  int
	intro         []string
	skills        []*section
	skillIndex    *skills // the required skills, once the levels start
	tooLarge      bool    // more skills than MaxSkills: the page is refused
	levels        []*levelSection
	notes         []*section
	// headings are the page's headings in its order; placed says where the
	// role's parts went (role fills it), ofRole which headings belong to
	// the role as a whole, for the page's anchors.
	headings []*heading
	placed   map[*heading]ladder.Anchor
	ofRole   map[*heading]bool
}

// section is a heading and the Markdown under it.
type section struct {
	head  *heading
	lines []string
}

func (s *section) addProse(h *heading, lines []string) {
	s.lines = append(append(s.lines, "", h.markdown(), ""), lines...)
}

type levelSection struct {
	section
	tag      *levelTag
	inSkills bool // past the "Skills needed for this level" heading
	skills   []*section
}

func (b *builder) add(bl block) {
	h := bl.head
	if h != nil {
		b.headings = append(b.headings, h)
	}
	switch {
	case h == nil:
		b.intro = append(b.intro, bl.lines...)
	case bl.tag != nil:
		b.startLevel(bl)
	case b.phase == inIntro && isRequired(h.title):
		b.phase, b.requiredDepth = inRequired, h.depth
		b.intro = append(b.intro, bl.lines...)
		b.ofRole[h] = true
	case b.phase <= inRequired && isPathway(h.title):
		b.pathway(bl)
		b.ofRole[h] = true
	case b.phase == inIntro || b.phase == inRequired && h.depth < b.requiredDepth:
		b.phase = inIntro
		b.intro = append(append(b.intro, "", h.markdown(), ""), bl.lines...)
		b.ofRole[h] = true
	case b.phase == inRequired:
		b.requiredSkill(bl)
	case b.phase == inLevels:
		b.levelBlock(bl)
	default:
		b.note(bl)
	}
}

func isRequired(title string) bool { return normName(title) == "required skills" }

// pathwayTitle matches "<Role> career pathway" and captures the role.
var pathwayTitle = regexp.MustCompile(`(?i)^(.*?)[^\pL\pN]*\bcareer[^\pL\pN]+pathways?[^\pL\pN]*$`)

func isPathway(title string) bool { return pathwayTitle.MatchString(title) }

func isSkillsNeeded(title string) bool { return strings.HasPrefix(normName(title), "skills needed") }

func (b *builder) pathway(bl block) {
	h := bl.head
	b.phase, b.pathwayDepth = inLevels, h.depth
	b.intro = append(b.intro, bl.lines...)
	role := pathwayTitle.FindStringSubmatch(h.title)[1]
	if b.fm.title != "" && normName(role) != normName(b.fm.title) {
		b.src.warn(h.pos, "the pathway heading names %q but the page's title is %q", role, b.fm.title)
	}
}

func (b *builder) requiredSkill(bl block) {
	h := bl.head
	want := b.requiredDepth + 1
	// A heading below a skill's is part of its text, judged against the
	// depth skills should have, so that one skill written a level too
	// shallow does not swallow the next.
	if n := len(b.skills); n > 0 && h.depth > max(b.skills[n-1].head.depth, want) {
		b.skills[n-1].addProse(h, bl.lines)
		return
	}
	if b.tooLarge {
		return
	}
	if len(b.skills) == MaxSkills {
		b.src.fail(h.pos, "more than %d required skills: a role this large is refused", MaxSkills)
		b.tooLarge = true
		return
	}
	if h.depth != want {
		b.src.warn(h.pos, "heading %q is level %d, not %d like a skill under %q; read as a required skill",
			h.title, h.depth, want, "Required skills")
	}
	b.skills = append(b.skills, &section{head: h, lines: bl.lines})
}

func (b *builder) startLevel(bl block) {
	h := bl.head
	if b.phase < inLevels && b.pathwayDepth == 0 {
		b.src.warn(h.pos, "no %q heading before the first level; levels start here", "<Role> career pathway")
		b.pathwayDepth = h.depth - 1
	}
	b.phase = inLevels
	b.newLevel(bl)
}

func (b *builder) newLevel(bl block) {
	h := bl.head
	if want := b.pathwayDepth + 1; h.depth != want {
		b.src.warn(h.pos, "level heading %q is level %d, not %d like the other levels; read as a level", h.title, h.depth, want)
	}
	b.levels = append(b.levels, &levelSection{section: section{head: h, lines: bl.lines}, tag: bl.tag})
}

// levelBlock places a heading met among the level sections: a level's skills
// heading, one of its skills, prose inside it, a new level, or the first of
// the role's closing notes.
func (b *builder) levelBlock(bl block) {
	h := bl.head
	var cur *levelSection
	if n := len(b.levels); n > 0 {
		cur = b.levels[n-1]
	}
	switch {
	case isSkillsNeeded(h.title):
		b.skillsHeading(cur, bl)
	case h.depth <= b.pathwayDepth:
		b.phase = inNotes
		b.notes = append(b.notes, &section{head: h, lines: bl.lines})
	case cur == nil && h.depth > b.pathwayDepth+1:
		b.intro = append(append(b.intro, "", h.markdown(), ""), bl.lines...)
		b.ofRole[h] = true
	case cur == nil:
		b.newLevel(bl)
	case h.depth > cur.head.depth || h.depth == cur.head.depth && cur.inSkills && b.isSkill(h.title):
		b.inLevel(cur, bl)
	default:
		b.newLevel(bl)
	}
}

func (b *builder) skillsHeading(cur *levelSection, bl block) {
	h := bl.head
	if cur == nil {
		b.src.warn(h.pos, "%q comes before any level; its text is read as part of the introduction", h.title)
		b.intro = append(b.intro, bl.lines...)
		return
	}
	// Depths inside a level are judged against where levels belong, not
	// against a level heading that is itself one off.
	if want := b.pathwayDepth + 2; h.depth != want {
		b.src.warn(h.pos, "heading %q is level %d, not %d under the level heading %q; read as this level's skills heading",
			h.title, h.depth, want, cur.head.title)
	}
	cur.inSkills = true
	cur.lines = append(cur.lines, bl.lines...)
}

// inLevel places a heading inside the current level: a skill, or prose of
// the level's introduction or of its last skill.
func (b *builder) inLevel(cur *levelSection, bl block) {
	h := bl.head
	isSkill := b.isSkill(h.title)
	if !cur.inSkills && !isSkill {
		cur.addProse(h, bl.lines)
		return
	}
	if n := len(cur.skills); n > 0 && h.depth > cur.skills[n-1].head.depth && !isSkill {
		cur.skills[n-1].addProse(h, bl.lines)
		return
	}
	if !cur.inSkills {
		b.src.warn(h.pos, "no %q heading before the skills of level %q; skills start here", "Skills needed for this level", cur.head.title)
		cur.inSkills = true
	}
	if want := b.pathwayDepth + 3; h.depth != want {
		b.src.warn(h.pos, "heading %q is level %d, not %d like a skill of level %q; read as a skill",
			h.title, h.depth, want, cur.head.title)
	}
	cur.skills = append(cur.skills, &section{head: h, lines: bl.lines})
}

// isSkill reports whether a heading names one of the required skills.
func (b *builder) isSkill(title string) bool {
	i, _ := b.requiredSkills().lookup(newName(title))
	return i >= 0
}

// requiredSkills indexes the required skills; it is called only once they
// are all known, from the level sections on.
func (b *builder) requiredSkills() *skills {
	if b.skillIndex == nil {
		titles := make([]string, len(b.skills))
		for i, s := range b.skills {
			titles[i] = s.head.title
		}
		b.skillIndex = indexSkills(titles)
	}
	return b.skillIndex
}

func (b *builder) note(bl block) {
	h := bl.head
	if n := len(b.notes); n > 0 && h.depth > b.notes[0].head.depth {
		b.notes[n-1].addProse(h, bl.lines)
		return
	}
	b.notes = append(b.notes, &section{head: h, lines: bl.lines})
}

// rawRoleID is the last segment of the permalink, or the file's name with
// "_" turned into "-", as written, and whether it is the permalink's. The
// role's id is its slug.
func rawRoleID(permalink, file string) (raw string, fromPermalink bool) {
	p, _, _ := strings.Cut(permalink, "?")
	p, _, _ = strings.Cut(p, "#")
	p = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(p, "/"), ".html"), "/index")
	if seg := path.Base("/" + p); seg != "/" && seg != "." {
		return seg, true
	}
	base := baseName(file)
	return strings.ReplaceAll(strings.TrimSuffix(base, path.Ext(base)), "_", "-"), false
}
