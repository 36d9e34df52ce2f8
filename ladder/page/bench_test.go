package page

import (
	"fmt"
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
