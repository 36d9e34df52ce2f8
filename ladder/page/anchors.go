package page

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A careers site's links point at its pages' permalinks and, past the #,
// at the ids its Markdown converter gave their headings. The reader keeps
// both, so that the site built from the pages can send old links to where
// their content is now.

// oldAddress checks a page's permalink as an address the site can keep: a
// path of plain segments, as Jekyll's are. It returns the path, or an error
// saying why it cannot be kept.
func oldAddress(permalink string) (string, error) {
	switch {
	case permalink == "":
		return "", nil
	case !strings.HasPrefix(permalink, "/"):
		return "", fmt.Errorf("it does not start with /")
	case strings.ContainsAny(permalink, ":?#"):
		return "", fmt.Errorf("it has a placeholder, a query or a fragment")
	case permalink == "/":
		return "", fmt.Errorf("it is the site's root")
	}
	for seg := range strings.SplitSeq(strings.TrimSuffix(permalink[1:], "/"), "/") {
		switch {
		case seg == "" || seg == "." || seg == "..":
			return "", fmt.Errorf("it has an empty, . or .. segment")
		case seg[0] == '.':
			return "", fmt.Errorf("a segment starts with a dot")
		case strings.Trim(seg, safeSegment) != "":
			return "", fmt.Errorf("use letters, digits and - . _ ~ between slashes")
		}
	}
	return permalink, nil
}

// safeSegment are the bytes a segment of a kept address may hold: URL-safe
// everywhere, in a file name on any system, and in a redirect rule of any
// host.
const safeSegment = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"

// keepPermalink returns the page's permalink when the site can keep it,
// and warns when it cannot.
func (b *builder) keepPermalink() string {
	p, err := oldAddress(b.fm.permalink)
	if err != nil {
		b.src.warn(b.fm.permalinkPos, "the permalink %q cannot be kept as an address of the site (%v): links to it will not be sent to the role", b.fm.permalink, err)
	}
	return p
}

// headingIDs gives headings the ids a Jekyll site gives them with its
// defaults: kramdown with GFM input, whose ids are the heading's text in
// lower case, without what is not a letter, mark, digit, connector, hyphen,
// space or tab, each space or tab turned into a hyphen; the second heading
// with an id gets "-1" after it, the third "-2". A heading given its own
// id ({#id}) keeps it and counts for nothing.
type headingIDs map[string]int

func (ids headingIDs) id(h *heading) string {
	if h.id != "" {
		return h.id
	}
	id := strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\t':
			return '-'
		case r == '-' || isWord(r):
			return r
		}
		return -1
	}, strings.ToLower(headingText(h.title)))
	n, seen := ids[id]
	ids[id] = n + 1
	if seen {
		return fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

// isWord is Ruby's \p{Word}, which kramdown's ids keep.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.M, unicode.Nd, unicode.Pc)
}

// headingText is what kramdown takes the id from: the heading's text
// without its inline markup (emphasis, links, code marks, HTML tags), its
// quotes and dashes typographic. A heading holds text only, so what would
// start a block ("1. ", "- ", "> ") is read as text. A title longer than
// maxHeadingMarkup is taken as it is: real headings are a few words, and
// goldmark's time grows with the square of a line's length for some
// shapes of text.
func headingText(title string) string {
	if len(title) > maxHeadingMarkup {
		return title
	}
	if m := blockStart.FindStringSubmatchIndex(title); m != nil {
		for g := 2; g < len(m); g += 2 {
			if at := m[g]; at >= 0 {
				title = title[:at] + `\` + title[at:]
				break
			}
		}
	}
	src := []byte(title)
	doc := markdown.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.WriteString(unescape(n.Segment.Value(src)))
			if n.SoftLineBreak() {
				b.WriteString(" ")
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// maxHeadingMarkup is the longest heading whose inline markup headingText
// reads, in bytes.
const maxHeadingMarkup = 512

// blockStart matches a heading's text that Markdown would read as the
// start of a block; the group that matched is the character to escape.
var blockStart = regexp.MustCompile(`^(?:\d{1,9}([.)])(?:[ \t]|$)|([-+*>#])(?:[ \t]|$)|([-*_])(?:[ \t]*[-*_]){2,}[ \t]*$|(>))`)

// headingID is an id a heading is given with kramdown's attributes, at the
// end of its line ({#id}, {: #id .class}) or on the line below ({: #id}),
// in the characters kramdown takes for one.
var headingID = regexp.MustCompile(`\{:?[^{}]*?#(\w[\w-]*)[^{}]*\}`)

// anchors returns the ids of the page's headings, in the page's order, each
// with the part of the role it introduced: a heading the builder placed
// (a required skill, a level, a level's skill) goes there; one of the role
// as a whole (the introduction, "Required skills", the pathway heading, the
// notes) goes to the role; any other heading is part of the text of the
// last placed one, and goes where it went.
func (b *builder) anchors() []ladder.Anchor {
	ids := headingIDs{}
	var out []ladder.Anchor
	var cur ladder.Anchor
	for _, h := range b.headings {
		switch place, ok := b.placed[h]; {
		case ok:
			cur = place
		case b.ofRole[h]:
			cur = ladder.Anchor{}
		}
		a := cur
		a.ID = ids.id(h)
		if a.ID != "" {
			out = append(out, a)
		}
	}
	return out
}
