package ladder

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Change says whether a span of a diff is in both texts, only in the new
// one, or only in the old one.
type Change int

const (
	// Same text is in both.
	Same Change = iota
	// Added text is only in the new text.
	Added
	// Dropped text is only in the old text.
	Dropped
)

// Span is a run of a diff's text that changed in the same way.
type Span struct {
	Change Change `json:"change"`
	Text   string `json:"text"`
}

// TextDiff is what one text changes of another: the new text, with what the
// old text had and the new one lacks put in where it stood.
type TextDiff struct {
	Spans []Span `json:"spans"`
}

// maxCells bounds the work of one diff: two texts whose word counts
// multiply to more are shown as all dropped and all added. Real
// expectations are a paragraph or two (129 words at most in the corpus:
// under 17,000 cells).
const maxCells = 4 << 20

// Diff compares two texts word by word: the longest common subsequence of
// their words and punctuation marks, with white space carried along.
//
// Words, not characters or sentences: levels reword a sentence more often
// than they replace it. From Staff to Principal, the DevOps engineer's
// distributed systems text goes from "… while maintaining system
// performance" to "… while maintaining acceptable performance levels": by
// sentence the two are simply different and the reader is left to spot the
// change; by character the diff shreds words into the letters they happen
// to share ("s", "te" of "system" and "acceptable"); by word it reads
// "while maintaining [system → acceptable] performance [+levels]", which is
// the change a reader wants to see. Quotes and apostrophes compare equal
// whatever their shape (’ and '), since pages mix them.
func Diff(old, new string) TextDiff {
	ta, tb := tokenBufs.Get().(*[]token), tokenBufs.Get().(*[]token)
	defer tokenBufs.Put(ta)
	defer tokenBufs.Put(tb)
	a, b := tokenize(old, (*ta)[:0]), tokenize(new, (*tb)[:0])
	*ta, *tb = a, b
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre].same(b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf].same(b[len(b)-1-suf]) {
		suf++
	}
	ops := make([]op, 0, len(a)+len(b))
	for i := range pre {
		ops = append(ops, op{Same, i, i})
	}
	ops = appendMiddle(ops, a, b, pre, len(a)-suf, pre, len(b)-suf)
	for i := suf; i > 0; i-- {
		ops = append(ops, op{Same, len(a) - i, len(b) - i})
	}
	cleanup(ops, a, b)
	return TextDiff{Spans: spans(ops, a, b, old, new)}
}

// Changed reports whether the texts differ in any word.
func (d TextDiff) Changed() bool {
	for _, s := range d.Spans {
		if s.Change != Same {
			return true
		}
	}
	return false
}

// New returns the new text: every span but the dropped ones.
func (d TextDiff) New() string {
	var b strings.Builder
	for _, s := range d.Spans {
		if s.Change != Dropped {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// token is a word or a punctuation mark, as byte offsets into its text:
// text[space:start] is the white space before it, text[start:end] the
// token. A text's trailing white space is a last, empty token.
type token struct {
	space, start, end int32
	// key is the token with its quotes in one shape, for comparing, and
	// hash a hash of it that settles most comparisons.
	key  string
	hash uint64
}

// same reports whether two tokens compare equal.
func (t token) same(u token) bool { return t.hash == u.hash && t.key == u.key }

// fnv1a hashes s.
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// tokenize splits text into words (letters and digits, with the
// apostrophes and hyphens inside them) and single punctuation marks.
func tokenize(text string, toks []token) []token {
	i := 0
	for i < len(text) {
		space := i
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if i == len(text) {
			toks = append(toks, token{space: int32(space), start: int32(i), end: int32(i)})
			break
		}
		start := i
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		ascii := n == 1
		if isWordRune(r) {
			for i < len(text) {
				if c := text[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
					i++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) || isJoiner(r) && i+n < len(text) && nextIsWord(text[i+n:]) {
					i += n
					ascii = ascii && n == 1
					continue
				}
				break
			}
		}
		key := text[start:i]
		if !ascii {
			key = strings.Map(foldQuote, key)
		}
		toks = append(toks, token{space: int32(space), start: int32(start), end: int32(i), key: key, hash: fnv1a(key)})
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isJoiner is a mark that joins two words into one: "they’re", "loosely-coupled".
func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '‑' }

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// foldQuote compares typographic quotes and the non-breaking hyphen as
// their ASCII forms.
func foldQuote(r rune) rune {
	switch r {
	case '’', '‘':
		return '\''
	case '“', '”':
		return '"'
	case '‑':
		return '-'
	}
	return r
}

// op is one token's fate, by its index in the old and the new tokens:
// in both, only in the old text, only in the new one, or, after cleanup,
// the same in both but shown as replaced.
type op struct {
	change   Change
	old, new int
}

// tokenBufs keeps the token slices of earlier diffs for the next ones.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// lcsTables keeps the tables of earlier diffs for the next ones.
var lcsTables = sync.Pool{New: func() any { return new([]uint16) }}

// replaced is an op that cleanup has taken into a change: its old token
// is shown dropped and its new one added.
const replaced Change = -1

// appendMiddle diffs a[i0:i1] and b[j0:j1], which lie between the common
// prefix and suffix. lcs[i*w+j] is the length of the longest common
// subsequence of their tails from i and j; walking it from the start gives
// the ops in order.
func appendMiddle(ops []op, a, b []token, i0, i1, j0, j1 int) []op {
	n, m := i1-i0, j1-j0
	if n*m > maxCells {
		for i := i0; i < i1; i++ {
			ops = append(ops, op{Dropped, i, -1})
		}
		for j := j0; j < j1; j++ {
			ops = append(ops, op{Added, -1, j})
		}
		return ops
	}
	w := m + 1
	table := lcsTables.Get().(*[]uint16)
	defer lcsTables.Put(table)
	if cap(*table) < (n+1)*w {
		*table = make([]uint16, (n+1)*w)
	}
	lcs := (*table)[:(n+1)*w]
	clear(lcs[n*w:]) // the row past the end; every other cell is written
	bh := make([]uint64, m)
	for j := range bh {
		bh[j] = b[j0+j].hash
	}
	for i := n - 1; i >= 0; i-- {
		lcs[i*w+m] = 0
		ah := a[i0+i].hash
		for j := m - 1; j >= 0; j-- {
			switch {
			case ah == bh[j] && a[i0+i].key == b[j0+j].key:
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				lcs[i*w+j] = lcs[(i+1)*w+j]
			default:
				lcs[i*w+j] = lcs[i*w+j+1]
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i0+i].same(b[j0+j]):
			ops = append(ops, op{Same, i0 + i, j0 + j})
			i, j = i+1, j+1
		case j == m || i < n && lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			ops = append(ops, op{Dropped, i0 + i, -1})
			i++
		default:
			ops = append(ops, op{Added, -1, j0 + j})
			j++
		}
	}
	return ops
}

// cleanup takes the small islands of sameness inside a change into it: a
// "you" or a comma that two different sentences happen to share says
// nothing, and breaking the change around it makes it hard to read. An
// island goes when its letters are no more than the change on either side
// of it (the rule of diff-match-patch's semantic cleanup), until none is
// left.
func cleanup(ops []op, a, b []token) {
	size := func(k int) (dropped, added int) {
		o := ops[k]
		if o.change == Dropped || o.change == replaced {
			dropped = int(a[o.old].end - a[o.old].start)
		}
		if o.change == Added || o.change == replaced {
			added = int(b[o.new].end - b[o.new].start)
		}
		return dropped, added
	}
	change := func(from, dir int) int {
		d, ad := 0, 0
		for k := from; k >= 0 && k < len(ops) && ops[k].change != Same; k += dir {
			x, y := size(k)
			d, ad = d+x, ad+y
		}
		return max(d, ad)
	}
	for again := true; again; {
		again = false
		for start := 0; start < len(ops); {
			if ops[start].change != Same {
				start++
				continue
			}
			end, letters := start, 0
			for end < len(ops) && ops[end].change == Same {
				letters += int(b[ops[end].new].end - b[ops[end].new].start)
				end++
			}
			if before, after := change(start-1, -1), change(end, 1); before > 0 && after > 0 && letters <= min(before, after) {
				for k := start; k < end; k++ {
					ops[k].change = replaced
				}
				again = true
			}
			start = end
		}
	}
}

// spans writes ops as text, each change with what it drops before what it
// adds. A run of tokens is a slice of its text, so spans share the texts'
// memory. A dropped run keeps the white space before it inside its span;
// an added run leaves it outside, as text of the new side: so the spans
// other than Dropped are exactly the new text.
func spans(ops []op, a, b []token, old, new string) []Span {
	var out []Span
	add := func(c Change, text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Change == c {
			out[n-1].Text += text
			return
		}
		out = append(out, Span{Change: c, Text: text})
	}
	for k := 0; k < len(ops); {
		if ops[k].change == Same {
			end := k
			for end < len(ops) && ops[end].change == Same {
				end++
			}
			add(Same, new[b[ops[k].new].space:b[ops[end-1].new].end])
			k = end
			continue
		}
		end := k
		first, last, firstNew, lastNew := -1, -1, -1, -1
		for ; end < len(ops) && ops[end].change != Same; end++ {
			if o := ops[end]; o.change != Added {
				if first < 0 {
					first = o.old
				}
				last = o.old
			}
			if o := ops[end]; o.change != Dropped {
				if firstNew < 0 {
					firstNew = o.new
				}
				lastNew = o.new
			}
		}
		if first >= 0 {
			add(Dropped, old[a[first].space:a[last].end])
		}
		if firstNew >= 0 {
			add(Same, new[b[firstNew].space:b[firstNew].start])
			add(Added, new[b[firstNew].start:b[lastNew].end])
		}
		k = end
	}
	return out
}

// maxPhraseWords is how many words of a phrase a summary quotes.
const maxPhraseWords = 8

// Phrases returns the runs of text that the new text adds (Added) or
// drops (Dropped), without the punctuation and white space around them,
// each cut to a few words; runs with no word in them are left out.
func (d TextDiff) Phrases(c Change) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range d.Spans {
		if s.Change != c {
			continue
		}
		p := strings.TrimFunc(s.Text, func(r rune) bool { return !isWordRune(r) })
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		if words := strings.Fields(p); len(words) > maxPhraseWords {
			p = strings.Join(words[:maxPhraseWords], " ") + "…"
		}
		out = append(out, p)
	}
	return out
}
