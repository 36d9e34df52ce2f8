package page

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown converts the pages' Markdown the way the careers site's kramdown
// shows it: tables, definition lists and typographic quotes and dashes,
// written as characters rather than entities so that the plain text holds
// them too. It is safe for concurrent use.
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.DefinitionList,
		extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
			extension.LeftSingleQuote:  []byte("‘"),
			extension.RightSingleQuote: []byte("’"),
			extension.LeftDoubleQuote:  []byte("“"),
			extension.RightDoubleQuote: []byte("”"),
			extension.EnDash:           []byte("–"),
			extension.EmDash:           []byte("—"),
			extension.Ellipsis:         []byte("…"),
			extension.LeftAngleQuote:   []byte("«"),
			extension.RightAngleQuote:  []byte("»"),
			extension.Apostrophe:       []byte("’"),
		})),
	),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(safeRenderer{}, 100))),
)

// MaxParagraph is the longest run of lines without a blank line, in bytes,
// that is read as Markdown. goldmark takes time that grows with the square
// of a paragraph's length for some shapes of text (32 KB of "[a](" takes
// half a second); the longest paragraph of the real careers site is under
// 1 KB. A longer run is shown as plain text, every word kept.
const MaxParagraph = 4 << 10

// errTooLong is render's reason for showing a paragraph as plain text.
var errTooLong = fmt.Errorf("a paragraph is over %d KB", MaxParagraph>>10)

// render turns lines of Markdown into prose. Leading and trailing blank
// lines do not count. When the lines cannot be read as Markdown, it returns
// them as plain text, every word kept, and the reason: errTooLong, or what
// the renderer said.
func render(lines []string) (ladder.Prose, error) {
	src := []byte(strings.TrimSpace(strings.Join(lines, "\n")))
	if len(src) == 0 {
		return ladder.Prose{}, nil
	}
	if longestParagraph(lines) > MaxParagraph {
		return plainProse(lines), errTooLong
	}
	doc := markdown.Parser().Parse(text.NewReader(src))
	var out bytes.Buffer
	if err := markdown.Renderer().Render(&out, src, doc); err != nil {
		return plainProse(lines), err
	}
	return ladder.Prose{HTML: strings.TrimSpace(out.String()), Text: plainText(doc, src)}, nil
}

func longestParagraph(lines []string) int {
	longest, run := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			run = 0
			continue
		}
		run += len(l) + 1
		longest = max(longest, run)
	}
	return longest
}

// plainProse shows lines as escaped text, a paragraph for each run of lines.
func plainProse(lines []string) ladder.Prose {
	var paras []string
	var cur []string
	for _, l := range append(lines, "") {
		if strings.TrimSpace(l) != "" {
			cur = append(cur, strings.TrimSpace(l))
			continue
		}
		if len(cur) > 0 {
			paras, cur = append(paras, strings.Join(cur, " ")), nil
		}
	}
	var h strings.Builder
	for _, p := range paras {
		h.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	return ladder.Prose{HTML: strings.TrimSpace(h.String()), Text: foldSpaces(strings.Join(paras, "\n"))}
}

// safeRenderer replaces goldmark's rendering of raw HTML, links and images.
// Raw HTML is shown as the text it is rather than dropped, so no word of the
// page is lost and no markup of the page reaches the explorer's. Links keep
// only safe destinations; images become links, so that a page never makes
// the browser fetch anything by itself.
type safeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindLink, renderLink)
	reg.Register(ast.KindAutoLink, renderAutoLink)
	reg.Register(ast.KindImage, renderImage)
}

func renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if entering {
		var raw strings.Builder
		for i := range n.Lines().Len() {
			line := n.Lines().At(i)
			raw.Write(line.Value(src))
		}
		if n.HasClosure() {
			raw.Write(n.ClosureLine.Value(src))
		}
		_, _ = w.WriteString("<p>" + html.EscapeString(strings.TrimSpace(raw.String())) + "</p>\n")
	}
	return ast.WalkSkipChildren, nil
}

func renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.RawHTML)
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
		}
	}
	return ast.WalkSkipChildren, nil
}

func renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest, ok := safeURL(string(n.Destination))
	if !ok {
		return ast.WalkContinue, nil // the words stay, the link goes
	}
	if entering {
		openLink(w, dest, string(n.Title))
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := string(n.Label(src))
	dest := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	// An autolink's URL is written as it stands, as goldmark writes it:
	// CommonMark reads no escape in it.
	if href := string(util.URLEscape([]byte(dest), false)); safeHref(href) {
		openLink(w, href, "")
		_, _ = w.WriteString(html.EscapeString(label) + "</a>")
	} else {
		_, _ = w.WriteString(html.EscapeString(label))
	}
	return ast.WalkContinue, nil
}

func renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := strings.TrimSpace(inlineText(n, src))
	if alt == "" {
		alt = "image"
	}
	if dest, ok := safeURL(string(n.Destination)); ok {
		openLink(w, dest, string(n.Title))
		_, _ = w.WriteString(html.EscapeString(alt) + "</a>")
	} else {
		_, _ = w.WriteString(html.EscapeString(alt))
	}
	return ast.WalkSkipChildren, nil
}

func openLink(w util.BufWriter, dest, title string) {
	_, _ = w.WriteString(`<a href="` + html.EscapeString(dest) + `"`)
	if title != "" {
		_, _ = w.WriteString(` title="` + html.EscapeString(title) + `"`)
	}
	if offSite(dest) {
		// Readers' privacy: other sites are not told which page sent them.
		_, _ = w.WriteString(` rel="noreferrer"`)
	}
	_ = w.WriteByte('>')
}
