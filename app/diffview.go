package app

import (
	"strings"
	"unicode"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// diffText shows one side of a diff: the new side with what it adds in
// <ins>, or the old side with what it drops in <del>. Paragraph breaks are
// kept by the stylesheet (white-space: pre-line).
func diffText(d ladder.TextDiff, newSide bool) app.UI {
	return el("p", attrs{"class", "diff"}, each(len(d.Spans), func(i int) app.UI {
		s := d.Spans[i]
		switch {
		case s.Change == ladder.Same && !newSide && strings.TrimSpace(s.Text) == "" &&
			i+1 < len(d.Spans) && d.Spans[i+1].Change == ladder.Added:
			return nil // the new side's spacing before what it adds
		case s.Change == ladder.Same:
			return app.Text(s.Text)
		case s.Change == ladder.Added && newSide:
			return txt("ins", nil, s.Text)
		case s.Change == ladder.Dropped && !newSide:
			// The space before a dropped run is not struck through.
			text := strings.TrimLeftFunc(s.Text, unicode.IsSpace)
			return el("span", nil, app.Text(s.Text[:len(s.Text)-len(text)]), txt("del", nil, text))
		}
		return nil
	})...)
}

// plainText shows a text as it is, with its paragraph breaks.
func plainText(text string) app.UI {
	return txt("p", attrs{"class", "diff"}, text)
}

// summaryLine says what a diff adds and drops, in a sentence.
func summaryLine(d ladder.TextDiff) app.UI {
	text := d.Summary()
	switch {
	case text == "no change":
		text = "No change."
	case strings.HasSuffix(text, "…"):
		text = upperFirst(text)
	default:
		text = upperFirst(text) + "."
	}
	return txt("p", attrs{"class", "change-summary"}, text)
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// plainToggle is the button that shows the plain texts instead of the
// marked ones.
func plainToggle(plain bool, toggle app.EventHandler) app.UI {
	label := "Show plain texts"
	if plain {
		label = "Show changes"
	}
	return button(attrs{"class", "toggle", "id", "plain-toggle", "aria-pressed", flag(plain)}, label, toggle)
}
