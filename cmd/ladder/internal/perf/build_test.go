package perf

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
	"github.com/ladder-explorer/ladder/ladder"
)

// corpusDir is the careers site's pages, beside the repository.
const corpusDir = "../shared/corpus/skylight"

// measureBuilds times ladder build's own work, without go build, on the
// repository's content, on the corpus and on the corpus ten times over.
// Each site is built twice: the first build also compresses the new
// app.wasm with brotli (about 20 s, then cached), the second is the build
// as a content edit makes it.
func measureBuilds(b *testing.B, rep *Report, root string, content *ladder.Framework) {
	b.Helper()
	corpus := filepath.Join(root, corpusDir)
	if _, err := os.Stat(corpus); err != nil {
		rep.Notes = append(rep.Notes, "build: no corpus at "+corpus+", so only content/ was built")
		timeBuild(b, rep, "content/", content, nil)
		return
	}
	fw := readModel(b, os.DirFS(filepath.Dir(corpus)), filepath.Base(corpus))
	timeBuild(b, rep, "content/", content, nil)
	one := timeBuild(b, rep, "corpus", fw, nil)
	timeBuild(b, rep, "corpus ×10", times(fw, 10), &one)
	rep.Notes = append(rep.Notes, "build: ladder build's time without go build, rebuilding into the same folder (caches warm); the first build of a site also compresses its new app.wasm")
}

// buildTime is a rebuild's time without go build, and its pages.
type buildTime struct {
	d     time.Duration
	pages int
}

// timeBuild builds fw twice and reports the second build. With one, the
// time of the corpus, the row is measured against ten times it.
func timeBuild(b *testing.B, rep *Report, name string, fw *ladder.Framework, one *buildTime) buildTime {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	var res site.Result
	for range 2 {
		var err error
		if res, err = site.Build(b.Context(), fw, site.Options{Out: dir}); err != nil {
			b.Fatalf("build %s: %v", name, err)
		}
	}
	t := buildTime{res.Total - res.Compile, res.Pages}
	row := Row{Section: "build", Name: fmt.Sprintf("%s, %d pages", name, t.pages), Unit: "ms", Value: ms(t.d)}
	if one != nil {
		n := float64(t.pages) / float64(one.pages)
		row.Reference, row.RefValue, row.Target = fmt.Sprintf("%.1f × the corpus", n), n*ms(one.d), "ratio<=1.25"
	}
	rep.Add(row)
	return t
}

// times is fw with every role n times over, each copy under its own id.
func times(fw *ladder.Framework, n int) *ladder.Framework {
	out := &ladder.Framework{}
	for i := range n {
		for _, r := range fw.Roles {
			r.ID, r.Title = fmt.Sprintf("%s-%d", r.ID, i+1), fmt.Sprintf("%s %d", r.Title, i+1)
			out.Roles = append(out.Roles, r)
		}
	}
	return out
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
