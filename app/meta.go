package app

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxDescription is about what search results and link previews show of a
// description.
const maxDescription = 160

// setMeta gives the page its title and description. At build time it also
// sets the page's public address, which go-app writes as og:url (a build
// without a base URL has none, and drops the tag); in the
// browser it points the canonical link at the page shown, which changes
// when the level slider moves.
func setMeta(ctx app.Context, c *Catalog, path, title, description string) {
	page := ctx.Page()
	if title == "" {
		page.SetTitle(Name)
	} else {
		page.SetTitle(title + " – " + Name)
	}
	page.SetDescription(summary(description))
	if app.IsServer {
		if u, err := url.Parse(c.URL(path)); err == nil {
			page.ReplaceURL(u)
		}
		return
	}
	link := app.Window().Get("document").Call("querySelector", `link[rel="canonical"]`)
	if link.Truthy() {
		link.Set("href", app.Window().Get("location").Get("origin").String()+c.Path(path))
	}
}

// summary shortens text to a description: its first line, cut at a word
// before maxDescription characters.
func summary(text string) string {
	text, _, _ = strings.Cut(strings.TrimSpace(text), "\n")
	return truncate(text, maxDescription)
}

// truncate cuts text at a word so that, with an ellipsis, it holds at most
// n characters; a text that fits is returned as it is.
func truncate(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := string([]rune(text)[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
