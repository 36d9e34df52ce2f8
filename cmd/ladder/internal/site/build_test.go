package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	ui "github.com/ladder-explorer/ladder/app"
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/page"
	"github.com/ladder-explorer/ladder/web"
)

// readContent reads the repository's bundled content.
func readContent(t *testing.T) *ladder.Framework {
	t.Helper()
	files, err := page.ReadDir(os.DirFS("../../../.."), "content")
	if err != nil {
		t.Fatal(err)
	}
	fw, diags := page.Read(files)
	if ladder.HasErrors(diags) {
		t.Fatalf("content has errors: %v", diags)
	}
	return fw
}

// buildSite builds the bundled content into a new folder.
func buildSite(t *testing.T, o Options) (string, Result) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds app.wasm")
	}
	if o.Out == "" {
		o.Out = filepath.Join(t.TempDir(), "site")
	}
	res, err := Build(context.Background(), readContent(t), o)
	if err != nil {
		t.Fatal(err)
	}
	return o.Out, res
}

// wasmFile is the name of app.wasm in the site in dir, which carries its
// hash: web/app.HASH.wasm.
func wasmFile(t *testing.T, dir string) string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, "web", "app.*.wasm"))
	if err != nil || len(found) != 1 {
		t.Fatalf("the site in %s has %d app.wasm files (%v), want one", dir, len(found), err)
	}
	name, _ := filepath.Rel(dir, found[0])
	return filepath.ToSlash(name)
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	metaRe   = regexp.MustCompile(`<meta content="([^"]*)" (?:name|property)="([^"]+)">`)
	canonRe  = regexp.MustCompile(`<link href="([^"]*)" rel="canonical">`)
	titleRe  = regexp.MustCompile(`<title>([^<]*)</title>`)
	linkRe   = regexp.MustCompile(`(?:href|src)="([^"#]*)`)
	remoteRe = regexp.MustCompile(`https?://[^\s"'<>)]+`)
)

func TestBuildPages(t *testing.T) {
	const base = "https://careers.example.org"
	dir, res := buildSite(t, Options{BaseURL: base})
	pages := map[string]string{
		"/":                                "index.html",
		"/roles/devops-engineer":           "roles/devops-engineer.html",
		"/roles/devops-engineer/senior":    "roles/devops-engineer/senior.html",
		"/roles/devops-engineer/associate": "roles/devops-engineer/associate.html",
		"/roles/devops-engineer/grid":      "roles/devops-engineer/grid.html",
		"/compare":                         "compare.html",
		"/roles/devops-engineer/skills/continuous-delivery": "roles/devops-engineer/skills/continuous-delivery.html",
	}
	for path, file := range pages {
		html := readFile(t, dir, file)
		meta := map[string]string{}
		for _, m := range metaRe.FindAllStringSubmatch(html, -1) {
			meta[m[2]] = m[1]
		}
		want := base + path
		if c := canonRe.FindStringSubmatch(html); c == nil || c[1] != want {
			t.Errorf("%s: canonical %v, want %s", file, c, want)
		}
		if meta["og:url"] != want {
			t.Errorf("%s: og:url %q, want %q", file, meta["og:url"], want)
		}
		// A role's pages and a level's show their share card; the others,
		// the site's icon.
		card := ""
		switch {
		case path == "/roles/devops-engineer/senior" || path == "/roles/devops-engineer/associate":
			card = "/cards" + strings.TrimPrefix(path, "/roles") + "."
		case strings.HasPrefix(path, "/roles/"):
			card = "/cards/devops-engineer."
		}
		image := strings.TrimPrefix(meta["og:image"], base)
		switch {
		case card == "" && (image != "/web/icon-512.png" || meta["twitter:card"] != ""):
			t.Errorf("%s: og:image %q, twitter:card %q, want the icon", file, meta["og:image"], meta["twitter:card"])
		case card != "" && (!strings.HasPrefix(image, card) || !strings.HasSuffix(image, ".png") || !fileExists(dir, image[1:])):
			t.Errorf("%s: og:image %q, want an existing %s…png", file, meta["og:image"], card)
		case card != "" && (meta["og:image:width"] != "1200" || meta["og:image:height"] != "630" || meta["twitter:card"] != "summary_large_image" ||
			!strings.Contains(meta["og:image:alt"], "DevOps engineer")):
			t.Errorf("%s: og:image:width %q, height %q, alt %q, twitter:card %q", file, meta["og:image:width"], meta["og:image:height"], meta["og:image:alt"], meta["twitter:card"])
		}
		title := titleRe.FindStringSubmatch(html)
		if title == nil || meta["og:title"] != title[1] || meta["description"] == "" || meta["og:description"] != meta["description"] {
			t.Errorf("%s: title %v, og:title %q, description %q, og:description %q",
				file, title, meta["og:title"], meta["description"], meta["og:description"])
		}
		// The page's own policy, for hosts that send none, comes before
		// anything it governs.
		if head, _, _ := strings.Cut(html, "</head>"); !strings.HasPrefix(head, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n"+string(policyMeta)) {
			t.Errorf("%s: the head does not start with the page's Content-Security-Policy:\n%.400s", file, head)
		}
		if strings.Contains(meta["viewport"], "user-scalable") || strings.Contains(meta["viewport"], "maximum-scale") {
			t.Errorf("%s: viewport %q forbids zooming", file, meta["viewport"])
		}
		// A page of a role names its role's data file, which the app
		// fetches alone when it starts there; other pages name none.
		roleFile := meta[ui.RoleFileMeta]
		if strings.HasPrefix(path, "/roles/") {
			if !strings.HasPrefix(roleFile, "data/roles/devops-engineer.") || !fileExists(dir, roleFile) {
				t.Errorf("%s: names the role's data file %q, which is not the role's file in the site", file, roleFile)
			}
		} else if roleFile != "" {
			t.Errorf("%s: names a role's data file, %q", file, roleFile)
		}
	}
	senior := readFile(t, dir, "roles/devops-engineer/senior.html")
	for _, want := range []string{
		"<h1 id=\"level-title\">Senior DevOps engineer</h1>",
		`aria-valuetext="Senior"`,
		`<section class="skill" id="distributed-systems">`,
		"You identify inefficiencies in a system",
		`<a href="/roles/devops-engineer/ii" rel="prev">`,
		`<a href="/roles/devops-engineer/staff" rel="next">`,
	} {
		if !strings.Contains(senior, want) {
			t.Errorf("senior.html lacks %q", want)
		}
	}
	notFound := readFile(t, dir, "404.html")
	if canonRe.MatchString(notFound) {
		t.Errorf("404.html has a canonical link")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	toolchain, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	if readFile(t, dir, "wasm_exec.js") != string(toolchain) {
		t.Error("wasm_exec.js is not the toolchain's, which compiled app.wasm")
	}
	// Home, compare, search, the role, its 6 levels, its grid, its
	// assessment, its 6 skills' tracks, and 404.html.
	if want := 1 + 1 + 1 + 1 + 6 + 1 + 1 + 6 + 1; res.Pages != want {
		t.Errorf("built %d pages, want %d", res.Pages, want)
	}
}

// TestBuildDrawsCardsOnce builds twice into one folder: the second build,
// with nothing changed, takes every share card from the first, drawing
// none (the process's own store of cards emptied in between, as a new
// ladder build starts with).
func TestBuildDrawsCardsOnce(t *testing.T) {
	drawnCards.Clear()
	o := Options{BaseURL: "https://careers.example.org", Out: filepath.Join(t.TempDir(), "site")}
	_, first := buildSite(t, o)
	drawnCards.Clear()
	_, second := buildSite(t, o)
	if first.Cards != 7 || first.CardsDrawn != 7 || second.Cards != 7 || second.CardsDrawn != 0 {
		t.Errorf("cards drawn: %d of %d, then %d of %d; want 7 of 7, then none", first.CardsDrawn, first.Cards, second.CardsDrawn, second.Cards)
	}
	// Without a base URL, og:image could not be absolute: no cards.
	_, none := buildSite(t, Options{})
	if none.Cards != 0 {
		t.Errorf("a build without a base URL has %d cards", none.Cards)
	}
}

// TestBuildWithoutBaseURL checks that a site built without a public origin
// names no host: no canonical link, og:url or og:image, which must be
// absolute, and no empty meta tag.
func TestBuildWithoutBaseURL(t *testing.T) {
	dir, _ := buildSite(t, Options{})
	for _, file := range []string{"index.html", "roles/devops-engineer.html", "roles/devops-engineer/senior.html", "compare.html", "404.html"} {
		html := readFile(t, dir, file)
		if canonRe.MatchString(html) {
			t.Errorf("%s has a canonical link", file)
		}
		for _, m := range metaRe.FindAllStringSubmatch(html, -1) {
			if m[2] == "og:url" || m[2] == "og:image" {
				t.Errorf("%s has %s %q", file, m[2], m[1])
			}
		}
		if strings.Contains(html, "<meta content name=") {
			t.Errorf("%s has an empty meta tag", file)
		}
		for _, host := range []string{"127.0.0.1", "localhost", "prerender.invalid"} {
			if strings.Contains(html, host) {
				t.Errorf("%s names %s", file, host)
			}
		}
		if !strings.Contains(html, `property="og:title"`) {
			t.Errorf("%s lost its og:title", file)
		}
	}
}

// fileExists says whether the site in dir has the file name.
func fileExists(dir, name string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
	return err == nil
}

// TestBuildStaysOnItsOrigin checks that nothing the site ships names
// another origin: no external icon, font, script or stylesheet.
func TestBuildStaysOnItsOrigin(t *testing.T) {
	const base = "https://careers.example.org"
	dir, _ := buildSite(t, Options{BaseURL: base})
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !Compressible(p) || strings.HasSuffix(p, ".wasm") {
			return err
		}
		b, err := os.ReadFile(p)
		// A comment names no origin the browser asks.
		text := regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAllString(string(b), "")
		for _, u := range remoteRe.FindAllString(text, -1) {
			if !strings.HasPrefix(u, base+"/") && u != "http://www.w3.org/2000/svg" {
				t.Errorf("%s names another origin: %s", p, u)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBuildWorkerKeepsTheApp checks the service worker's list: the app's
// files, the data and the shell, each a file the build wrote with the
// revision of its bytes (one missing file and the worker never installs),
// and no page: the shell stands for them.
func TestBuildWorkerKeepsTheApp(t *testing.T) {
	for _, prefix := range []string{"", "/sub"} {
		// With a base URL, so that the site has share cards.
		dir, res := buildSite(t, Options{Prefix: prefix, BaseURL: "https://careers.example.org"})
		worker := readFile(t, dir, "app-worker.js")
		m := regexp.MustCompile(`const precache = (\[.*\]);`).FindStringSubmatch(worker)
		if m == nil {
			t.Fatal("no precache list in app-worker.js")
		}
		var entries [][2]string
		if err := json.Unmarshal([]byte(m[1]), &entries); err != nil {
			t.Fatal(err)
		}
		listed := map[string]bool{}
		for _, e := range entries {
			u, revision := e[0], e[1]
			listed[u] = true
			name, ok := strings.CutPrefix(u, prefix+"/")
			if !ok {
				t.Errorf("prefix %q: %s is outside the site", prefix, u)
				continue
			}
			if !strings.Contains(name, ".") {
				name += ".html"
			}
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Errorf("prefix %q: the worker keeps %s, which the build did not write", prefix, u)
				continue
			}
			sum := sha256.Sum256(b)
			if want := hex.EncodeToString(sum[:])[:web.HashLength]; name != "app.js" && revision != want {
				t.Errorf("prefix %q: %s has revision %s, want %s", prefix, u, revision, want)
			}
			if strings.HasSuffix(name, ".html") && name != "app-shell.html" {
				t.Errorf("prefix %q: the worker keeps the page %s", prefix, u)
			}
		}
		for _, u := range []string{"/app-shell", "/" + wasmFile(t, dir), "/wasm_exec.js", "/app.js", "/web/loader.js", "/web/style.css", "/web/icon-maskable-512.png", "/data/index.json"} {
			if !listed[prefix+u] {
				t.Errorf("prefix %q: the worker does not keep %s", prefix, prefix+u)
			}
		}
		// The search's file is kept when search is first used, not at
		// install: the worker names it apart, and the search page.
		search, err := filepath.Glob(filepath.Join(dir, "data", "search.*.json"))
		if err != nil || len(search) != 1 {
			t.Fatalf("prefix %q: %d search files (%v), want one", prefix, len(search), err)
		}
		searchURL := prefix + "/data/" + filepath.Base(search[0])
		if listed[searchURL] {
			t.Errorf("prefix %q: the worker keeps %s at install", prefix, searchURL)
		}
		// The hosts' redirects are the host's, and the build writes them
		// for content without permalinks too (ladder.conf includes one).
		for _, name := range []string{nginxRedirectsFile, hostRedirectsFile} {
			if listed[prefix+"/"+name] || !fileExists(dir, name) {
				t.Errorf("prefix %q: %s kept by the worker (%v) or not written", prefix, name, listed[prefix+"/"+name])
			}
		}
		for u := range listed {
			if strings.HasPrefix(u, prefix+"/"+cardsFolder+"/") {
				t.Errorf("prefix %q: the worker keeps the share card %s", prefix, u)
			}
		}
		for _, want := range []string{`const onUse = ["` + searchURL + `"];`, `const searchPage = "` + prefix + `/search";`} {
			if !strings.Contains(worker, want) {
				t.Errorf("prefix %q: the worker lacks %s", prefix, want)
			}
		}
		if !strings.Contains(worker, `"ladder-" + "`+res.Version+`"`) {
			t.Errorf("the worker's cache is not named after version %s", res.Version)
		}
		if app := readFile(t, dir, "app.js"); !strings.Contains(app, res.Version) {
			t.Errorf("app.js does not carry version %s", res.Version)
		}
	}
}

func TestBuildPrefix(t *testing.T) {
	dir, _ := buildSite(t, Options{Prefix: "/sub", BaseURL: "https://x.org"})
	for _, file := range []string{"index.html", "roles/devops-engineer.html", "roles/devops-engineer/senior.html", "404.html"} {
		html := readFile(t, dir, file)
		for _, m := range linkRe.FindAllStringSubmatch(html, -1) {
			if u := m[1]; u != "" && !strings.HasPrefix(u, "/sub/") && !strings.HasPrefix(u, "https://x.org/sub/") {
				t.Errorf("%s: link %q does not carry the prefix", file, u)
			}
		}
	}
	var manifest struct {
		Scope    string `json:"scope"`
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src     string `json:"src"`
			Purpose string `json:"purpose"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(readFile(t, dir, "manifest.webmanifest")), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Scope != "/sub/" || manifest.StartURL != "/sub/" {
		t.Errorf("manifest scope %q, start_url %q; want /sub/", manifest.Scope, manifest.StartURL)
	}
	maskable := false
	for _, icon := range manifest.Icons {
		maskable = maskable || icon.Purpose == "maskable"
		if !strings.HasPrefix(icon.Src, "/sub/web/") {
			t.Errorf("manifest icon %q is outside /sub/web/", icon.Src)
		}
	}
	if !maskable {
		t.Error("the manifest has no maskable icon")
	}
	if app := readFile(t, dir, "app.js"); !strings.Contains(app, `"/sub/`+wasmFile(t, dir)+`"`) || !strings.Contains(app, `"/sub/app-worker.js"`) {
		t.Error("app.js does not load app.wasm and the worker from under the prefix")
	}
}

// TestBuildVersion checks that the version is a hash of the site: the same
// input builds to the same bytes and version, and any change changes it.
func TestBuildVersion(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	_, a := buildSite(t, Options{Out: out})
	first := readFile(t, out, "roles/devops-engineer/senior.html")
	_, b := buildSite(t, Options{Out: out})
	if a.Version != b.Version || readFile(t, out, "roles/devops-engineer/senior.html") != first {
		t.Errorf("two builds of the same content differ: versions %s and %s", a.Version, b.Version)
	}
	_, c := buildSite(t, Options{BaseURL: "https://elsewhere.example"})
	if c.Version == a.Version {
		t.Error("a different base URL, hence different pages, kept the version")
	}
}

func TestBuildRefusesAFolderItDidNotWrite(t *testing.T) {
	out := t.TempDir()
	keep := filepath.Join(out, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), &ladder.Framework{}, Options{Out: out})
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Fatalf("Build into a folder of other files: %v, want a refusal", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the folder's file is gone: %v", err)
	}
}

func TestBuildNeedsAnOutputFolder(t *testing.T) {
	_, err := Build(context.Background(), &ladder.Framework{}, Options{})
	if err == nil || !strings.Contains(err.Error(), "no output folder") {
		t.Fatalf("Build with no output folder: %v, want a refusal", err)
	}
}
