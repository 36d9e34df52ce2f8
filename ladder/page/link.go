package page

import (
	"encoding/hex"
	"html"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/util"
)

// linkSchemes are the schemes a page may link to. A destination without a
// scheme (a path, a query, a fragment, or //host) is relative and allowed.
var linkSchemes = []string{"http", "https", "mailto", "tel"}

// safeURL returns a link's destination as it goes into an href, goldmark's
// backslash escapes and entities resolved and the rest percent-encoded, and
// whether a link to it is safe: see safeHref.
func safeURL(dest string) (string, bool) {
	href := string(util.URLEscape([]byte(strings.TrimSpace(dest)), true))
	return href, safeHref(href)
}

// safeHref reports whether a link to href is safe: relative, or to one of
// linkSchemes. It decides on what a browser would follow, not on the
// Markdown as written, so that no encoding of a scheme gets past it: see
// followed.
func safeHref(href string) bool {
	scheme, ok := urlScheme(followed(href))
	return ok && (scheme == "" || slices.Contains(linkSchemes, scheme))
}

// offSite reports whether href leads to another site, which is not told
// the page the reader came from: an http or https URL, or a scheme-relative
// //host one.
func offSite(href string) bool {
	f := followed(href)
	scheme, _ := urlScheme(f)
	return scheme == "http" || scheme == "https" || scheme == "" && strings.HasPrefix(f, "//")
}

// followed returns href as a browser could read it, and then some: HTML
// entities and percent-escapes decoded, again until nothing changes (at
// most a few rounds), every control character and white space removed
// (browsers drop tabs and newlines anywhere, and C0 controls and spaces at
// either end), backslashes read as slashes (as browsers read them in http
// URLs) and letters in lower case. It decodes more than a browser does, so
// that a scheme hidden from this check cannot be one a browser sees.
func followed(href string) string {
	s := href
	for range 4 {
		decoded := percentDecode(html.UnescapeString(s))
		if decoded == s {
			break
		}
		s = decoded
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			return -1
		case r == '\\':
			return '/'
		}
		return unicode.ToLower(r)
	}, s)
	return s
}

// urlScheme returns the scheme of a followed URL, "" for a relative one.
// Anything before a colon that comes before the first '/', '?' or '#' is a
// scheme, even one a browser would not read as such; ok is false when it
// is not made of a scheme's characters (letters, then letters, digits,
// '+', '-' and '.'), so that it is refused rather than guessed at.
func urlScheme(f string) (scheme string, ok bool) {
	end := strings.IndexAny(f, ":/?#")
	if end < 0 || f[end] != ':' {
		return "", true
	}
	scheme = f[:end]
	for i, c := range []byte(scheme) {
		letter := 'a' <= c && c <= 'z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return "", false
		}
	}
	return scheme, scheme != ""
}

// percentDecode decodes every %XX escape of s and leaves a '%' that starts
// none as it is.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if c, err := hex.DecodeString(s[i+1 : i+3]); err == nil {
				b.Write(c)
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
