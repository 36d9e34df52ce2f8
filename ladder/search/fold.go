package search

import (
	"strings"
	"unicode"
)

// Fold returns s as search compares it: lower case, letters without their
// diacritics ("Café" reads "cafe", "Straße" "strasse"), and typographic
// quotes and dashes as their plain forms (’ is ', “ is ", – is -).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		foldRune(&b, r)
	}
	return b.String()
}

// foldRune writes r folded into b.
func foldRune(b *strings.Builder, r rune) {
	switch {
	case r < 0x80:
		b.WriteRune(unicode.ToLower(r))
	case unicode.Is(unicode.Mn, r):
		// A combining mark: the diacritic of a decomposed letter.
	case plain[r] != "":
		b.WriteString(plain[r])
	default:
		r = unicode.ToLower(r)
		if p := plain[r]; p != "" {
			b.WriteString(p)
		} else {
			b.WriteRune(r)
		}
	}
}

// plain maps lower-case letters with diacritics, and typographic
// punctuation, to their plain forms.
var plain = func() map[rune]string {
	m := map[rune]string{}
	for _, group := range []struct{ to, from string }{
		{"a", "àáâãäåāăąǎ"}, {"ae", "æ"}, {"c", "çćĉċč"}, {"d", "ďđð"},
		{"e", "èéêëēĕėęě"}, {"g", "ĝğġģ"}, {"h", "ĥħ"}, {"i", "ìíîïĩīĭįıǐ"},
		{"ij", "ĳ"}, {"j", "ĵ"}, {"k", "ķ"}, {"l", "ĺļľŀł"}, {"n", "ñńņňŉ"},
		{"o", "òóôõöøōŏőǒ"}, {"oe", "œ"}, {"r", "ŕŗř"}, {"s", "śŝşšș"},
		{"ss", "ß"}, {"t", "ţťŧț"}, {"th", "þ"}, {"u", "ùúûüũūŭůűųǔ"},
		{"w", "ŵ"}, {"y", "ýÿŷ"}, {"z", "źżž"},
		{"'", "‘’‚‛′ʼ"}, {`"`, "“”„‟″«»"}, {"-", "‐‑‒–—―−"},
	} {
		for _, r := range group.from {
			m[r] = group.to
		}
	}
	return m
}()

// token is a word of a text: its folded form, and where it stands in the
// text as written, in bytes.
type token struct {
	word       string
	start, end int
}

// tokens splits text into its words: runs of letters and digits, an
// apostrophe between two letters joining them ("Skylight’s" is one word,
// "skylights", as slugs read it). Each word is folded.
func tokens(text string) []token {
	var out []token
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, token{b.String(), start, end})
			b.Reset()
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case isApostrophe(r):
			// Inside a word it is dropped; anywhere else it ends one. It
			// comes first: U+02BC is a letter to package unicode.
			if !isWordRune(runeAfter(text, i)) {
				flush(i)
			}
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			foldRune(&b, r)
		case start >= 0 && unicode.Is(unicode.Mn, r):
			// A combining mark inside a word: dropped by folding.
		default:
			flush(i)
		}
	}
	flush(len(text))
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// runeAfter is the rune after the one at byte i of s, or -1 at the end.
func runeAfter(s string, i int) rune {
	for j, r := range s[i:] {
		if j > 0 {
			return r
		}
	}
	return -1
}

// words are the folded words of text, in order.
func words(text string) []string {
	toks := tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.word
	}
	return out
}
