package search

import "strings"

// Query is what a visitor asked for: terms that must all match, in any
// order.
type Query struct {
	Terms []Term
}

// Term is one word or one phrase of a query. Its words match whole words
// of a text, in order and next to each other, except the last, which
// matches the start of a word ("mentor" finds "mentoring") unless the
// term is Exact.
type Term struct {
	Words []string
	// Exact says the last word must match a whole word too: it was the
	// last of a quoted phrase whose quote is closed.
	Exact bool
}

// Parse reads a query: words separated by spaces, each a prefix of a word
// it finds, and phrases in quotes (typographic or plain), matched as
// phrases; an unclosed quote runs to the end of the query, as it does
// while the visitor types. A word written with inner punctuation
// ("end-to-end", "CI/CD") is a phrase of its parts. Case, diacritics and
// punctuation do not matter (see Fold).
func Parse(q string) Query {
	var out Query
	rest := Fold(q)
	for rest != "" {
		before, quoted, found := strings.Cut(rest, `"`)
		for _, chunk := range strings.Fields(before) {
			out.add(Term{Words: words(chunk)})
		}
		if !found {
			break
		}
		phrase, after, closed := strings.Cut(quoted, `"`)
		out.add(Term{Words: words(phrase), Exact: closed})
		rest = after
	}
	return out
}

// add keeps a term that has words.
func (q *Query) add(t Term) {
	if len(t.Words) > 0 {
		q.Terms = append(q.Terms, t)
	}
}

// IsEmpty reports whether the query asks for nothing.
func (q Query) IsEmpty() bool { return len(q.Terms) == 0 }

// matchesWord reports whether word matches the term's word i: whole, or as
// a prefix for the last word of a term that is not exact.
func (t Term) matchesWord(i int, word string) bool {
	if i == len(t.Words)-1 && !t.Exact {
		return strings.HasPrefix(word, t.Words[i])
	}
	return word == t.Words[i]
}
