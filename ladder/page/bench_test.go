package page

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// BenchmarkReadCorpus reads the whole corpus (about 250 KB, 15 pages) once,
// ten times and a hundred times over in one call to Read, to show that the
// cost grows linearly with the content. The target is under 50 ms for 1x.
func BenchmarkReadCorpus(b *testing.B) {
	corpus := readCorpus(b)
	size := 0
	for _, f := range corpus {
		size += len(f.Data)
	}
	for _, n := range []int{1, 10, 100} {
		files := make([]File, 0, n*len(corpus))
		for i := range n {
			for _, f := range corpus {
				files = append(files, File{Path: fmt.Sprintf("copy%d/%s", i, f.Path), Data: f.Data})
			}
		}
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.SetBytes(int64(n * size))
			b.ReportAllocs()
			for b.Loop() {
				Read(files)
			}
		})
	}
}

// adversarialHead starts every adversarial page: a role with one level and
// one required skill, whose text the page's body then fills. Its permalink
// makes the reader give every heading its old id too.
const adversarialHead = "---\ntitle: T\npermalink: /careers/t/\nlevels: [One]\n---\n\n### Required skills\n\n#### Skill\n\n"

// adversarialPage returns a page of nearly MaxSize bytes whose skill text
// is paragraphs just under MaxParagraph of one repeated unit: the shapes
// for which goldmark's time grows with the square of a paragraph's length.
func adversarialPage(unit string) []byte {
	para := strings.Repeat(unit, (MaxParagraph-2)/len(unit)) + "\n\n"
	return fillPage(para)
}

// fillPage returns a page of nearly MaxSize bytes whose skill text is unit
// repeated.
func fillPage(unit string) []byte {
	var b strings.Builder
	b.WriteString(adversarialHead)
	for b.Len()+len(unit) < MaxSize {
		b.WriteString(unit)
	}
	return []byte(b.String())
}

// linearPages are 2 MB pages of the shapes that once made the reader take
// time growing with the square of their length, and must now read in
// linear time: one line of many Liquid tags, many tags on many lines, tags
// that never close, and many diagnostics on one line. They are fuzz seeds
// too.
func linearPages() map[string][]byte {
	return map[string][]byte{
		"line of {{}}":          fillPage("{{}}"),
		"line of {%%}":          fillPage("{%%}"),
		"line of {{ a }}":       fillPage("{{ a }}"),
		"200,000 lines {{ a }}": fillPage("{{ a }}\n"),
		"line of level tags":    fillPage("{% include role_level.html level='One' %}"),
		"unclosed {{":           fillPage("{{"),
		"unclosed {%":           fillPage("{%"),
		"unclosed comment":      fillPage("{% comment %}{%"),
		"open tag, long line":   []byte(adversarialHead + "{{ " + strings.Repeat("x", MaxSize-len(adversarialHead)-3)),
		"headings, trailing sp": fillPage("#### x  \n"),
		"kramdown attributes":   fillPage("{: .a }"),
		"heading of {:":         []byte(adversarialHead + "#### a " + strings.Repeat("{:", (MaxSize-len(adversarialHead))/2-8)),
		"headings of [a](":      fillPage("##### " + strings.Repeat("[a](", (maxHeadingMarkup-6)/4) + "\n"),
		"one heading of [a](":   []byte(adversarialHead + "#### " + strings.Repeat("[a](", (MaxSize-len(adversarialHead))/4-8)),
	}
}

// BenchmarkAdversarial reads 2 MB pages built to be slow: linearPages, in
// well under a second each, and goldmark's quadratic shapes, bounded by
// MaxParagraph, in seconds.
func BenchmarkAdversarial(b *testing.B) {
	pages := linearPages()
	for _, unit := range []string{"[a](", "a*b_", "[[a]", "<a "} {
		pages["paragraphs of "+unit] = adversarialPage(unit)
	}
	for _, name := range slices.Sorted(maps.Keys(pages)) {
		page := pages[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				Parse("adversarial.md", page)
			}
		})
	}
}
