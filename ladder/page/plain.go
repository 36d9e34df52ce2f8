package page

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// plainText returns the words of a Markdown tree without markup: one line a
// paragraph, heading, list item or table row, spaces folded.
func plainText(doc ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *extast.TableCell, *extast.DefinitionTerm:
			if n.Kind() == extast.KindTableCell && n.PreviousSibling() != nil {
				b.WriteString(" ") // cells of a row share its line
			} else {
				b.WriteString("\n")
			}
			b.WriteString(inlineText(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			b.WriteString("\n")
			writeLines(&b, n.Lines(), src)
			if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
				b.Write(h.ClosureLine.Value(src))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return foldSpaces(b.String())
}

func writeLines(b *strings.Builder, lines *text.Segments, src []byte) {
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
}

// inlineText returns the words of a node's inline children.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(unescape(c.Segment.Value(src)))
			switch {
			case c.HardLineBreak():
				b.WriteString("\n")
			case c.SoftLineBreak():
				b.WriteString(" ")
			}
		case *ast.String:
			if c.IsCode() {
				b.Write(c.Value)
			} else {
				b.WriteString(unescape(c.Value))
			}
		case *ast.RawHTML:
			writeLines(&b, c.Segments, src)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func unescape(v []byte) string {
	return html.UnescapeString(string(util.UnescapePunctuations(v)))
}

// foldSpaces trims every line, folds runs of blanks into one space and drops
// empty lines.
func foldSpaces(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
