package search

import (
	"slices"
	"sort"
	"sync"
)

// The fields of a Doc, in the order a word found in them ranks.
const (
	inTitle = 1 << iota
	inText
	inContext
	fields = 3
)

// Index is a list of places, ready to search: every word each place
// holds, and the places each word is in.
type Index struct {
	docs []Doc
	// vocab is every word of every place, folded, in sorted order: the
	// words a prefix matches are next to each other.
	vocab []string
	// posts are, for each word of vocab, the places that hold it, in the
	// places' order.
	posts [][]post
	// text are, for each place and each of its fields, its words, as
	// indexes into vocab, in order: what a phrase is looked for in.
	text [][fields][]int32
	// tallies keep, between searches, a search's tally of each place, so
	// that typing allocates little.
	tallies sync.Pool
}

// post is one place a word is in, and in which of its fields.
type post struct {
	doc    int32
	fields uint8
}

// NewIndex indexes docs.
func NewIndex(docs []Doc) *Index {
	ix := &Index{docs: docs, text: make([][fields][]int32, len(docs))}
	ix.tallies.New = func() any { return new([]tally) }
	// Every word, numbered as it first comes; then sorted, and numbered
	// anew in that order.
	ids := map[string]int32{}
	var numbered []string // the words by their first numbers
	for d := range docs {
		for f, s := range [fields]string{docs[d].Title, docs[d].Text, docs[d].Context} {
			var list []int32
			scanWords(s, func(_, _ int, w []byte) {
				id, ok := ids[string(w)]
				if !ok {
					id = int32(len(numbered))
					numbered = append(numbered, string(w))
					ids[numbered[id]] = id
				}
				list = append(list, id)
			})
			ix.text[d][f] = list
		}
	}
	ix.vocab = slices.Clone(numbered)
	slices.Sort(ix.vocab)
	renumber := make([]int32, len(numbered))
	for i, w := range ix.vocab {
		renumber[ids[w]] = int32(i)
	}
	ix.posts = make([][]post, len(ix.vocab))
	in := make([]uint8, len(ix.vocab)) // the fields of this place each word is in
	var held []int32
	for d := range ix.text {
		for f, list := range ix.text[d] {
			for i, id := range list {
				id = renumber[id]
				list[i] = id
				if in[id] == 0 {
					held = append(held, id)
				}
				in[id] |= 1 << f
			}
		}
		for _, id := range held {
			ix.posts[id] = append(ix.posts[id], post{int32(d), in[id]})
			in[id] = 0
		}
		held = held[:0]
	}
	return ix
}

// Doc is the place numbered i, as NewIndex was given it.
func (ix *Index) Doc(i int) Doc { return ix.docs[i] }

// Hit is a place that matches a query, and how well.
type Hit struct {
	Doc   int
	Score int
}

// Group is the hits of one role.
type Group struct {
	Role string
	Hits []Hit
}

// Results are the places a query matches.
type Results struct {
	// Groups hold the best hits, grouped by role: the groups in the order
	// of their best hit, and a group's hits best first, then in the
	// framework's order (so that, among equal hits, the lowest level
	// comes first).
	Groups []Group
	// Total is how many places match; Roles, how many roles they are in.
	Total, Roles int
}

// Shown is how many hits the groups hold.
func (r Results) Shown() int {
	n := 0
	for _, g := range r.Groups {
		n += len(g.Hits)
	}
	return n
}

// The weight of a term found in each field: a whole word in a title
// ranks above a word's start there, which ranks above anything in the
// text; a phrase ranks above a word. The context only narrows.
var weights = [fields]struct{ word, prefix, phrase int }{
	{word: 12, prefix: 8, phrase: 16}, // title
	{word: 3, prefix: 2, phrase: 5},   // text
	{word: 1, prefix: 1, phrase: 1},   // context
}

// Search returns the places that match every term of q, at most limit of
// them in the groups. A place must match at least one term outside its
// context. An empty query matches nothing. It may be called from several
// goroutines at once.
func (ix *Index) Search(q Query, limit int) Results {
	if q.IsEmpty() {
		return Results{}
	}
	marks := ix.tallies.Get().(*[]tally)
	defer ix.tallies.Put(marks)
	if len(*marks) != len(ix.docs) {
		*marks = make([]tally, len(ix.docs))
	}
	tallies := *marks
	clear(tallies)
	var touched []int32
	for ti, t := range q.Terms {
		touched = touched[:0]
		ix.eachMatch(t, func(doc int32, fields uint8, whole bool) {
			d := &tallies[doc]
			if int(d.matched) != ti {
				return // a term before this one missed it
			}
			if d.best == 0 {
				touched = append(touched, doc)
			}
			d.best = max(d.best, int32(weigh(t, fields, whole)))
			if fields&(inTitle|inText) != 0 {
				d.strong = true
			}
		})
		for _, doc := range touched {
			d := &tallies[doc]
			d.score += d.best
			d.matched++
			d.best = 0
		}
	}
	var hits []Hit
	for doc, d := range tallies {
		if int(d.matched) == len(q.Terms) && d.strong {
			hits = append(hits, Hit{Doc: doc, Score: int(d.score)})
		}
	}
	return ix.group(hits, limit)
}

// tally is what a search has found of one place so far: its score, how
// many terms it matched, whether one outside its context, and the best
// weight of the term at hand.
type tally struct {
	score, best int32
	matched     int16
	strong      bool
}

// weigh is what a term found in some fields of a place (in, a set of
// their bits) is worth: in the best of them, as a phrase, a whole word, or
// a word's start.
func weigh(t Term, in uint8, whole bool) int {
	for f := range fields {
		if in&(1<<f) == 0 {
			continue
		}
		switch w := weights[f]; {
		case len(t.Words) > 1:
			return w.phrase
		case whole:
			return w.word
		default:
			return w.prefix
		}
	}
	return 0
}

// eachMatch calls fn for each place where t matches, with the fields it
// matches in and whether it matched a whole word: once per place for a
// phrase, once per word of the place that matches for a word.
func (ix *Index) eachMatch(t Term, fn func(doc int32, fields uint8, whole bool)) {
	if len(t.Words) == 1 {
		w := t.Words[0]
		for id := sort.SearchStrings(ix.vocab, w); id < len(ix.vocab) && t.matchesWord(0, ix.vocab[id]); id++ {
			whole := ix.vocab[id] == w
			for _, p := range ix.posts[id] {
				fn(p.doc, p.fields, whole)
			}
		}
		return
	}
	first := sort.SearchStrings(ix.vocab, t.Words[0])
	if first == len(ix.vocab) || ix.vocab[first] != t.Words[0] {
		return
	}
	for _, p := range ix.posts[first] {
		var fields uint8
		for f := range ix.text[p.doc] {
			if p.fields&(1<<f) != 0 && ix.hasPhrase(ix.text[p.doc][f], t) {
				fields |= 1 << f
			}
		}
		if fields != 0 {
			fn(p.doc, fields, true)
		}
	}
}

// hasPhrase reports whether the words of a field hold t's words in a row.
func (ix *Index) hasPhrase(field []int32, t Term) bool {
	for i := 0; i+len(t.Words) <= len(field); i++ {
		j := 0
		for j < len(t.Words) && t.matchesWord(j, ix.vocab[field[i+j]]) {
			j++
		}
		if j == len(t.Words) {
			return true
		}
	}
	return false
}

// group keeps the best limit hits and groups them by role (see Results).
// hits are in the places' order; the best are taken score by score, so
// that equal hits keep that order.
func (ix *Index) group(hits []Hit, limit int) Results {
	res := Results{Total: len(hits)}
	roles := map[string]bool{}
	top := 0
	for _, h := range hits {
		roles[ix.docs[h.Doc].Role] = true
		top = max(top, h.Score)
	}
	res.Roles = len(roles)
	byScore := make([][]Hit, top+1)
	for _, h := range hits {
		byScore[h.Score] = append(byScore[h.Score], h)
	}
	at := map[string]int{}
	shown := 0
	for score := top; score >= 0 && shown < limit; score-- {
		for _, h := range byScore[score][:min(len(byScore[score]), limit-shown)] {
			role := ix.docs[h.Doc].Role
			i, ok := at[role]
			if !ok {
				i = len(res.Groups)
				at[role] = i
				res.Groups = append(res.Groups, Group{Role: role})
			}
			res.Groups[i].Hits = append(res.Groups[i].Hits, h)
			shown++
		}
	}
	return res
}
