package search

// Span is a piece of a text as written, marked when it is what a query
// matched.
type Span struct {
	Text string
	Mark bool
}

// Marks returns text in spans, the words q matches marked.
func (q Query) Marks(text string) []Span {
	toks := tokens(text)
	return spans(text, toks, q.marked(toks), 0, len(toks))
}

// Snippet returns a piece of text of about n words around the first word
// q matches (its start when none does), in spans, the words q matches
// marked, and whether words were cut before and after it.
func (q Query) Snippet(text string, n int) (s []Span, cutBefore, cutAfter bool) {
	toks := tokens(text)
	marked := q.marked(toks)
	first := 0
	for i, m := range marked {
		if m {
			first = i
			break
		}
	}
	from := max(0, first-n/4)
	to := min(len(toks), from+n)
	from = max(0, to-n)
	return spans(text, toks, marked, from, to), from > 0, to < len(toks)
}

// marked says, for each token, whether q matches it: a word that matches
// a one-word term, or a run of words that matches a phrase.
func (q Query) marked(toks []token) []bool {
	marked := make([]bool, len(toks))
	for _, t := range q.Terms {
		for i := range toks {
			j := 0
			for j < len(t.Words) && i+j < len(toks) && t.matchesWord(j, toks[i+j].word) {
				j++
			}
			if j == len(t.Words) {
				for k := i; k < i+j; k++ {
					marked[k] = true
				}
			}
		}
	}
	return marked
}

// spans cuts the text of tokens from to to (exclusive) into spans, each
// marked token a span of its own.
func spans(text string, toks []token, marked []bool, from, to int) []Span {
	if from >= to {
		if len(toks) == 0 && from == 0 && text != "" {
			return []Span{{Text: text}}
		}
		return nil
	}
	var out []Span
	plainFrom := toks[from].start
	if from == 0 {
		plainFrom = 0
	}
	for i := from; i < to; i++ {
		if !marked[i] {
			continue
		}
		if toks[i].start > plainFrom {
			out = append(out, Span{Text: text[plainFrom:toks[i].start]})
		}
		out = append(out, Span{Text: text[toks[i].start:toks[i].end], Mark: true})
		plainFrom = toks[i].end
	}
	end := toks[to-1].end
	if to == len(toks) {
		end = len(text)
	}
	if end > plainFrom {
		out = append(out, Span{Text: text[plainFrom:end]})
	}
	return out
}
