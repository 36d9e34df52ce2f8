package page

import (
	"fmt"
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

// adversarialPage returns a page of nearly MaxSize bytes whose skill text
// is paragraphs just under MaxParagraph of one repeated unit: the shapes
// for which goldmark's time grows with the square of a paragraph's length.
func adversarialPage(unit string) []byte {
	head := "---\ntitle: T\nlevels: [One]\n---\n\n### Required skills\n\n#### Skill\n\n"
	para := strings.Repeat(unit, (MaxParagraph-2)/len(unit)) + "\n\n"
	var b strings.Builder
	b.WriteString(head)
	for b.Len()+len(para) < MaxSize {
		b.WriteString(para)
	}
	return []byte(b.String())
}

// BenchmarkAdversarial reads 2 MB pages built to be slow. The reader must
// finish them in seconds, not hours.
func BenchmarkAdversarial(b *testing.B) {
	for _, unit := range []string{"[a](", "a*b_", "[[a]", "<a "} {
		page := adversarialPage(unit)
		b.Run(unit, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				Parse("adversarial.md", page)
			}
		})
	}
}
