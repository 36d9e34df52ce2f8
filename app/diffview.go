package app

import (
	"strings"
	"unicode"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// diffText shows one side of a diff: the new side with what it adds in
// <ins>, or the old side with what it drops in <del>. Paragraph breaks are
// kept by the stylesheet (white-space: pre-line). The paragraph is HTML the
// app writes (app.Raw), so that a quick path can rewrite it during an event
// (see quick.go).
func diffText(d ladder.TextDiff, newSide bool) app.UI {
	return textBlock(diffHTML(d, newSide))
}

// plainText shows a text as it is, with its paragraph breaks, like
// diffText.
func plainText(text string) app.UI {
	return textBlock(escapeText(text))
}

// textBlock is the paragraph of diffText and plainText, around its inside.
func textBlock(inner string) app.UI {
	return app.Raw(`<p class="diff">` + ProseStart + inner + ProseEnd + `</p>`)
}

// diffHTML is the inside of diffText's paragraph.
func diffHTML(d ladder.TextDiff, newSide bool) string {
	var b strings.Builder
	for i, s := range d.Spans {
		switch {
		case s.Change == ladder.Same && !newSide && strings.TrimSpace(s.Text) == "" &&
			i+1 < len(d.Spans) && d.Spans[i+1].Change == ladder.Added:
			// The new side's spacing before what it adds.
		case s.Change == ladder.Same:
			b.WriteString(escapeText(s.Text))
		case s.Change == ladder.Added && newSide:
			b.WriteString("<ins>" + escapeText(s.Text) + "</ins>")
		case s.Change == ladder.Dropped && !newSide:
			// The space before a dropped run is not struck through.
			text := strings.TrimLeftFunc(s.Text, unicode.IsSpace)
			b.WriteString("<span>" + escapeText(s.Text[:len(s.Text)-len(text)]) + "<del>" + escapeText(text) + "</del></span>")
		}
	}
	return b.String()
}

// summaryLine says what a diff adds and drops, in a sentence.
func summaryLine(d ladder.TextDiff) app.UI {
	return txt("p", attrs{"class", "change-summary"}, summaryText(d))
}

// summaryText is summaryLine's sentence.
func summaryText(d ladder.TextDiff) string {
	text := diffSummary(d)
	switch {
	case text == "no change":
		text = "No change."
	case strings.HasSuffix(text, "…"):
		text = upperFirst(text)
	default:
		text = upperFirst(text) + "."
	}
	return text
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// plainToggle is the button that shows the plain texts instead of the
// marked ones. Its label stays; aria-pressed, and its look, say whether it
// is on, as a toggle button's should.
func plainToggle(plain bool, toggle app.EventHandler) app.UI {
	return button(attrs{"class", "toggle", "id", "plain-toggle", "aria-pressed", flag(plain)}, "Plain texts", toggle)
}

// escapeText escapes text for an element's content, or a quoted
// attribute's value, in HTML or SVG the app writes. html.EscapeString
// would do, but the html package brings its table of entities: 36 KB more
// app.wasm, 7.6 KB with brotli.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, "<", "&lt;")
	s = strings.ReplaceAll(s, ">", "&gt;")
	return strings.ReplaceAll(s, `"`, "&#34;")
}
