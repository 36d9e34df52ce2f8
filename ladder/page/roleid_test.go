package page

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// pageWithPermalink returns the base page with another permalink, or
// without one ("") so that the role's id comes from the file's name.
func pageWithPermalink(permalink string) []byte {
	page := permalinkLine.ReplaceAllString(basePage(), "")
	if permalink != "" {
		page = strings.Replace(page, "---\n", "---\npermalink: "+permalink+"\n", 1)
	}
	return []byte(page)
}

var permalinkLine = regexp.MustCompile(`(?m)^permalink: .*\n`)

// TestRoleIDs checks that a role's id, which becomes its addresses and the
// names of its files, is a slug whatever the file is called or the
// permalink says, with a warning that says what it became.
func TestRoleIDs(t *testing.T) {
	cases := []struct {
		name, file, permalink string
		id                    string // "" for an error
		warns                 bool
	}{
		{"underscores become hyphens", "test_engineer.md", "", "test-engineer", false},
		{"a space", "x y.md", "", "x-y", true},
		{"a tab", "x\ty.md", "", "x-y", true},
		{"a question mark", "q?x.md", "", "q-x", true},
		{"a hash", "h#x.md", "", "h-x", true},
		{"percent escapes", "%2e%2e.md", "", "2e-2e", true},
		{"a percent sign", "100%.md", "", "100", true},
		{"capitals", "DevOps.md", "", "devops", true},
		{"letters outside ASCII", "développeur.md", "", "développeur", false},
		{"letters outside ASCII and a space", "Ingénieur logiciel.md", "", "ingénieur-logiciel", true},
		{"a leading dot", ".hidden.md", "", "hidden", true},
		{"a leading dash", "-x.md", "", "x", true},
		{"in a folder", "roles/a b/x y.md", "", "x-y", true},
		{"a Windows path", `roles\x y.md`, "", "x-y", true},
		{"only punctuation", "--.md", "", "", false},
		{"only dots", "...md", "", "", false},
		{"a plain permalink", "x y.md", "/careers/test-engineer/", "test-engineer", false},
		{"a permalink of the root gives way to the file name", "x y.md", "/", "x-y", true},
		{"a permalink with a space", "x.md", "/careers/Test engineer/", "test-engineer", true},
		{"a permalink with escapes", "x.md", "/careers/%2e%2e/", "2e-2e", true},
		{"a permalink of punctuation", "x.md", "/careers/--/", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			role, diags := Parse(c.file, pageWithPermalink(c.permalink))
			var errs, warns []ladder.Diagnostic
			for _, d := range diags {
				if d.Severity == ladder.Error {
					errs = append(errs, d)
				} else {
					warns = append(warns, d)
				}
			}
			if c.id == "" {
				if len(errs) != 1 || !strings.Contains(errs[0].Message, "has no letter or digit to make the role's id from") {
					t.Fatalf("got %v, want one error that no id can be made", diags)
				}
				return
			}
			if len(errs) > 0 || role == nil {
				t.Fatalf("got %v, want no error", diags)
			}
			if role.ID != c.id {
				t.Errorf("id: got %q, want %q", role.ID, c.id)
			}
			if got := len(warns) == 1 && strings.Contains(warns[0].Message, "the role's id, in its addresses, is "+`"`+c.id+`"`); got != c.warns || !c.warns && len(warns) > 0 {
				t.Errorf("got warnings %v, want a warning naming the id: %v", warns, c.warns)
			}
		})
	}
}

// TestRoleIDsThatCollide checks that two files whose names give the same
// id are an error, not one role hiding the other.
func TestRoleIDsThatCollide(t *testing.T) {
	files := []File{
		{Path: "x y.md", Data: pageWithPermalink("")},
		{Path: "x-y.md", Data: pageWithPermalink("")},
	}
	_, diags := Read(files)
	var found bool
	for _, d := range diags {
		found = found || d.Severity == ladder.Error && strings.Contains(d.Message, `duplicate role id "x-y"`)
	}
	if !found {
		t.Errorf("got %v, want an error that two files give the id x-y", diags)
	}
}
