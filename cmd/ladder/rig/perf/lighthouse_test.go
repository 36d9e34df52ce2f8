package perf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// lighthouseRuns is how many times Lighthouse judges each page: the median
// is reported.
const lighthouseRuns = 3

// lighthouseKinds are the corpus's pages of every kind; reading pages are
// held to the performance targets.
var lighthouseKinds = []struct {
	kind, path string
	reading    bool
}{
	{"home", "/", true},
	{"role", "/roles/software-engineer", true},
	{"level", "/roles/software-engineer/senior", true},
	{"grid", "/roles/software-engineer/grid", true},
	{"skill track", "/roles/software-engineer/skills/software-development", true},
	{"compare", "/compare?left=software-engineer/senior&right=software-engineer/staff", false},
	{"search", "/search?q=mentor", false},
	{"assess", "/assess/software-engineer", false},
	{"not found (its file)", "/404.html", false},
}

// measureLighthouse builds the corpus and runs Lighthouse, with its
// defaults (a phone, simulated slow 4G and a 4× slower CPU), on a page of
// each kind: performance and total blocking time against the same pages
// running the minimal go-app client started as go-app starts it (on load),
// and accessibility, best practices and SEO.
func measureLighthouse(b *testing.B, rep *Report, root string, minimalWasm map[string][]byte) {
	b.Helper()
	corpus := fromRoot(root, corpusDir)
	if _, err := os.Stat(corpus); err != nil {
		rep.Notes = append(rep.Notes, "lighthouse: no corpus at "+corpus)
		return
	}
	fw := readModel(b, os.DirFS(filepath.Dir(corpus)), filepath.Base(corpus))
	dir := filepath.Join(b.TempDir(), "corpus")
	if _, err := site.Build(b.Context(), fw, site.Options{Out: dir}); err != nil {
		b.Fatalf("build the corpus: %v", err)
	}
	explorer := serve(b, dir)
	minimal := serve(b, startOnLoad(b, minimalSite(b, dir, minimalWasm)))
	judge := func(url string, categories ...string) []browsertest.Report {
		var reps []browsertest.Report
		for range lighthouseRuns {
			r, err := browsertest.Lighthouse(b.Context(), url, categories...)
			if err != nil {
				b.Fatal(err)
			}
			reps = append(reps, r)
		}
		return reps
	}
	med := func(reps []browsertest.Report, f func(browsertest.Report) float64) float64 {
		var xs []float64
		for _, r := range reps {
			xs = append(xs, f(r))
		}
		return median(xs)
	}
	score := func(c string) func(browsertest.Report) float64 {
		return func(r browsertest.Report) float64 { return r.Scores[c] }
	}
	tbt := func(r browsertest.Report) float64 { return r.TBT }
	for _, k := range lighthouseKinds {
		ours := judge(explorer.url+k.path, "performance", "accessibility", "best-practices", "seo")
		if k.reading {
			ref := judge(minimal.url+k.path, "performance")
			rep.Add(Row{Section: "lighthouse", Name: k.kind + ": performance", Unit: "score", Value: med(ours, score("performance")),
				Reference: "minimal client, on load", RefValue: med(ref, score("performance")), Target: "value>=0.95"})
			rep.Add(Row{Section: "lighthouse", Name: k.kind + ": total blocking time", Unit: "ms", Value: med(ours, tbt),
				Reference: "minimal client, on load", RefValue: med(ref, tbt), Target: "value<=150"})
		} else {
			rep.Add(Row{Section: "lighthouse", Name: k.kind + ": performance", Unit: "score", Value: med(ours, score("performance"))})
			rep.Add(Row{Section: "lighthouse", Name: k.kind + ": total blocking time", Unit: "ms", Value: med(ours, tbt)})
		}
		for _, c := range []string{"accessibility", "best-practices", "seo"} {
			rep.Add(Row{Section: "lighthouse", Name: k.kind + ": " + c, Unit: "score", Value: med(ours, score(c)), Target: "value>=1"})
		}
	}
	rep.Notes = append(rep.Notes, "lighthouse: Lighthouse 12.8.2 with its defaults (mobile, simulated throttling), median of 3 runs, on the corpus's build served by the project's host; the reference runs the minimal go-app client with go-app's own scripts, which start it as the page loads (Lighthouse audits no page served with status 404, so the not-found page is judged at its file, /404.html)")
}

// startOnLoad makes a site's reading pages start the app as they load, as
// go-app's pages do: each carries go-app's scripts before the loader.
func startOnLoad(b *testing.B, dir string) string {
	b.Helper()
	loader := []byte(`<script defer src="/web/loader.js"></script>`)
	goApp := []byte(`<script defer src="/wasm_exec.js"></script>` + "\n" + `<script defer src="/app.js"></script>` + "\n")
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		html, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(html, goApp) {
			return nil // an app page already
		}
		if !bytes.Contains(html, loader) {
			b.Fatalf("%s carries no loader", p)
		}
		writeCompressed(b, p, bytes.Replace(html, loader, append(goApp, loader...), 1))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return dir
}
