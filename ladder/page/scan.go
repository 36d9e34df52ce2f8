package page

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
)

// heading is an ATX heading of the body, its title cleaned of closing
// hashes, trailing white space and kramdown attributes.
type heading struct {
	depth int
	title string
	pos   ladder.Pos
	id    string // the id kramdown's attributes give it, if any
}

// markdown returns the heading as a Markdown line, for when it is part of
// a piece of prose rather than of the page's structure.
func (h *heading) markdown() string {
	return strings.Repeat("#", h.depth) + " " + h.title
}

// levelTag is a {% include role_level.html level='…' %} tag.
type levelTag struct {
	value string
	pos   ladder.Pos
}

// block is a heading and the lines below it up to the next heading.
type block struct {
	head  *heading // nil for the text before the first heading
	lines []string // Markdown, with Liquid and kramdown markup removed
	offs  []int    // where each line starts in the source
	tag   *levelTag
}

var (
	atxHeading   = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*))?$`)
	atxNoSpace   = regexp.MustCompile(`^ {0,3}(#{1,6})([^#\s].*)$`)
	closingHash  = regexp.MustCompile(`(?:^|[ \t]+)#+[ \t]*$`)
	kramdownAttr = regexp.MustCompile(`[ \t]*\{[:#][^{}]*\}[ \t]*$`)
	attrLine     = regexp.MustCompile(`^[ \t]*\{:[^{}]*\}[ \t]*$`)
	spanAttr     = regexp.MustCompile(`\{:[^{}]*\}`)
	wrapperOpen  = regexp.MustCompile(`^[ \t]*<(div|section|aside|article|span)\b[^>]*\smarkdown\s*=\s*["']?(1|block|span)["']?[^>]*>[ \t]*$`)
	wrapperClose = regexp.MustCompile(`^[ \t]*</(div|section|aside|article|span)>[ \t]*$`)
	fenceOpen    = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	roleLevel    = regexp.MustCompile(`^-?\s*include\s+role_level\.html\s+level\s*=\s*(?:'([^']*)'|"([^"]*)"|([^\s'"%-]+))`)
)

// scanner splits a page's body into blocks, line by line.
type scanner struct {
	src      *source
	blocks   []block
	fence    string // the open code fence, if any
	wrappers int    // open kramdown markdown="1" wrappers
	liquid   liquid
}

// scanBody splits the body that starts at offset body into blocks.
func (s *source) scanBody(body int) []block {
	sc := &scanner{src: s, blocks: []block{{}}}
	sc.liquid.found, sc.liquid.open, sc.liquid.comment = sc.foundTag, -1, -1
	for off := body; off < len(s.text); {
		end := off + bytes.IndexByte(s.text[off:], '\n')
		if end < off {
			end = len(s.text)
		}
		sc.line(string(s.text[off:end]), off)
		off = end + 1
	}
	if sc.liquid.open >= 0 {
		s.fail(s.pos(sc.liquid.open), "this Liquid tag is never closed: end it with %q", sc.liquid.closer)
	} else if sc.liquid.comment >= 0 {
		s.fail(s.pos(sc.liquid.comment), "this {%% comment %%} is never closed: end it with {%% endcomment %%}")
	}
	return sc.blocks
}

func (sc *scanner) line(raw string, off int) {
	cur := &sc.blocks[len(sc.blocks)-1]
	cur.offs = append(cur.offs, off)
	if sc.fence != "" {
		if t := strings.TrimLeft(raw, " "); strings.HasPrefix(t, sc.fence) && strings.Trim(t, sc.fence[:1]+" \t") == "" {
			sc.fence = ""
		}
		cur.lines = append(cur.lines, raw)
		return
	}
	clean := sc.liquid.strip(raw, off)
	trimmed := strings.TrimSpace(clean)
	switch {
	case trimmed == "":
		cur.lines = append(cur.lines, "")
	case strings.HasPrefix(trimmed, "{:") && attrLine.MatchString(clean):
		// Right under a heading, the attributes are the heading's.
		if cur.head != nil && len(cur.lines) == 0 {
			if m := headingID.FindStringSubmatch(clean); m != nil {
				cur.head.id = m[1]
			}
		}
		cur.lines = append(cur.lines, "")
	case strings.HasPrefix(trimmed, "<") && wrapperOpen.MatchString(clean):
		sc.wrappers++
		cur.lines = append(cur.lines, "")
	case sc.wrappers > 0 && strings.HasPrefix(trimmed, "</") && wrapperClose.MatchString(clean):
		sc.wrappers--
		cur.lines = append(cur.lines, "")
	default:
		if h := sc.heading(raw, clean, off); h != nil {
			cur.offs = cur.offs[:len(cur.offs)-1]
			sc.blocks = append(sc.blocks, block{head: h})
			return
		}
		if m := fenceOpen.FindStringSubmatch(clean); m != nil {
			sc.fence = m[1]
		} else if strings.Contains(clean, "{:") {
			clean = spanAttr.ReplaceAllString(clean, "")
		}
		cur.lines = append(cur.lines, clean)
	}
}

// heading reads an ATX heading, repairing and reporting the drift a reader
// would look past.
func (sc *scanner) heading(raw, clean string, off int) *heading {
	src := sc.src
	if !strings.HasPrefix(strings.TrimLeft(clean, " "), "#") {
		return nil
	}
	m := atxHeading.FindStringSubmatch(clean)
	if m == nil {
		if m = atxNoSpace.FindStringSubmatch(clean); m == nil {
			return nil
		}
		src.warn(src.pos(off+strings.Index(raw, "#")), "no space after %q in heading %q; read as a heading, as kramdown does", m[1], m[2])
	}
	h := &heading{depth: len(m[1]), pos: src.pos(off + strings.Index(raw, "#"))}
	title := m[2]
	if strings.Contains(title, "{") {
		if attr := kramdownAttr.FindString(title); attr != "" {
			if m := headingID.FindStringSubmatch(attr); m != nil {
				h.id = m[1]
			}
			title = strings.TrimSuffix(title, attr)
		}
	}
	if strings.Contains(title, "#") {
		title = closingHash.ReplaceAllString(title, "")
	}
	h.title = strings.TrimSpace(title)
	if trimmed := strings.TrimRight(raw, " \t"); len(trimmed) < len(raw) && h.title != "" {
		src.warn(src.pos(off+len(trimmed)), "trailing white space in heading %q; ignored", h.title)
	}
	return h
}

func (sc *scanner) foundTag(content string, off int) {
	m := roleLevel.FindStringSubmatch(content)
	if m == nil {
		return
	}
	cur := &sc.blocks[len(sc.blocks)-1]
	tag := &levelTag{value: m[1] + m[2] + m[3], pos: sc.src.pos(off)}
	if cur.tag != nil {
		sc.src.fail(tag.pos, "a second role_level tag under one heading (the first is on line %d): each level needs a heading of its own", cur.tag.pos.Line)
		return
	}
	cur.tag = tag
}
