package search

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns s as search compares it: lower case, letters without their
// diacritics ("Café" reads "cafe", "Straße" "strasse"), and typographic
// quotes and dashes as their plain forms (’ is ', “ is ", – is -).
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = foldRune(b, r)
	}
	return string(b)
}

// foldRune appends r folded to b.
func foldRune(b []byte, r rune) []byte {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	case unicode.Is(unicode.Mn, r):
		return b // a combining mark: the diacritic of a decomposed letter
	case plain[r] != "":
		return append(b, plain[r]...)
	}
	r = unicode.ToLower(r)
	if p := plain[r]; p != "" {
		return append(b, p...)
	}
	return utf8.AppendRune(b, r)
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

// tokens splits text into its words (see scanWords).
func tokens(text string) []token {
	var out []token
	scanWords(text, func(start, end int, word []byte) {
		out = append(out, token{string(word), start, end})
	})
	return out
}

// scanWords calls fn with each word of text, in order: where it stands
// in text, in bytes, and the word folded, in a buffer fn must not keep. A
// word is a run of letters and digits, an apostrophe between two letters
// joining them ("Skylight’s" is one word, "skylights", as slugs read it).
// Indexing scans every word of every place with it, and allocates for
// none.
func scanWords(text string, fn func(start, end int, word []byte)) {
	var b []byte
	start := -1
	flush := func(end int) {
		if start >= 0 {
			fn(start, end, b)
			b = b[:0]
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
			b = foldRune(b, r)
		case start >= 0 && unicode.Is(unicode.Mn, r):
			// A combining mark inside a word: dropped by folding.
		default:
			flush(i)
		}
	}
	flush(len(text))
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
