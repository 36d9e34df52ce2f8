package app

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ladder-explorer/ladder/ladder"
)

func TestSummary(t *testing.T) {
	long := strings.Repeat("word ", 60)
	tests := []struct{ name, in, want string }{
		{"short stays", "A level.", "A level."},
		{"first line only", "First line.\nSecond line.", "First line."},
		{"trimmed", "  spaced  ", "spaced"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := summary(tt.in); got != tt.want {
			t.Errorf("%s: summary(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
	got := summary(long)
	if n := utf8.RuneCountInString(got); n > maxDescription || !strings.HasSuffix(got, "word…") {
		t.Errorf("summary of a long text = %q (%d characters): want at most %d, cut at a word, with an ellipsis", got, n, maxDescription)
	}
}

func TestCatalogPaths(t *testing.T) {
	fw := &ladder.Framework{Roles: []ladder.Role{{ID: "r", Levels: []ladder.Level{{ID: "one"}, {ID: "two"}}, Skills: []ladder.Skill{{ID: "s"}}}}}
	root := NewCatalog(fw, Site{BaseURL: "https://x.org/"})
	sub := NewCatalog(fw, Site{BaseURL: "https://x.org", Prefix: "/sub/"})
	tests := []struct {
		c             *Catalog
		in, path, url string
	}{
		{root, "/", "/", "https://x.org/"},
		{root, "/roles/r", "/roles/r", "https://x.org/roles/r"},
		{sub, "/", "/sub/", "https://x.org/sub/"},
		{sub, "/roles/r/one", "/sub/roles/r/one", "https://x.org/sub/roles/r/one"},
	}
	for _, tt := range tests {
		if got := tt.c.Path(tt.in); got != tt.path {
			t.Errorf("Path(%q) = %q, want %q", tt.in, got, tt.path)
		}
		if got := tt.c.URL(tt.in); got != tt.url {
			t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.url)
		}
	}
	want := []string{"/", "/compare", "/search", "/roles/r", "/roles/r/one", "/roles/r/two", "/roles/r/grid", "/assess/r", "/roles/r/skills/s"}
	if got := sub.Pages(); !slices.Equal(got, want) {
		t.Errorf("Pages() = %q, want %q", got, want)
	}
	if got := NewCatalog(nil, Site{}).Pages(); !slices.Equal(got, []string{"/", "/compare", "/search"}) {
		t.Errorf("Pages() of no framework = %q, want the home page, the comparison and the search", got)
	}
}
