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
		keeps                 bool // the permalink is kept as an old address
	}{
		{"underscores become hyphens", "test_engineer.md", "", "test-engineer", false, false},
		{"a space", "x y.md", "", "x-y", true, false},
		{"a tab", "x\ty.md", "", "x-y", true, false},
		{"a question mark", "q?x.md", "", "q-x", true, false},
		{"a hash", "h#x.md", "", "h-x", true, false},
		{"percent escapes", "%2e%2e.md", "", "2e-2e", true, false},
		{"a percent sign", "100%.md", "", "100", true, false},
		{"capitals", "DevOps.md", "", "devops", true, false},
		{"letters outside ASCII", "développeur.md", "", "développeur", false, false},
		{"letters outside ASCII and a space", "Ingénieur logiciel.md", "", "ingénieur-logiciel", true, false},
		{"a leading dot", ".hidden.md", "", "hidden", true, false},
		{"a leading dash", "-x.md", "", "x", true, false},
		{"in a folder", "roles/a b/x y.md", "", "x-y", true, false},
		{"a Windows path", `roles\x y.md`, "", "x-y", true, false},
		{"only punctuation", "--.md", "", "", false, false},
		{"only dots", "...md", "", "", false, false},
		{"a plain permalink", "x y.md", "/careers/test-engineer/", "test-engineer", false, true},
		{"a permalink without the final slash", "x y.md", "/careers/test-engineer", "test-engineer", false, true},
		{"a permalink of a file", "x y.md", "/careers/test-engineer.html", "test-engineer", false, true},
		{"a permalink with a placeholder", "test.md", "/careers/:title/", "title", true, false},
		{"a permalink with a dot segment", "x y.md", "/careers/../test-engineer/", "test-engineer", false, false},
		{"a permalink into a hidden folder", "x y.md", "/.git/test-engineer/", "test-engineer", false, false},
		{"a relative permalink", "x y.md", "careers/test-engineer/", "test-engineer", false, false},
		{"a permalink of the root gives way to the file name", "x y.md", "/", "x-y", true, false},
		{"a permalink with a space", "x.md", "/careers/Test engineer/", "test-engineer", true, false},
		{"a permalink with escapes", "x.md", "/careers/%2e%2e/", "2e-2e", true, false},
		{"a permalink of punctuation", "x.md", "/careers/--/", "", false, false},
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
			// A permalink the site cannot keep as an address is said so
			// once, and not kept; one it can is.
			var idWarns, notKept int
			for _, w := range warns {
				switch {
				case strings.Contains(w.Message, "the role's id, in its addresses, is "+`"`+c.id+`"`):
					idWarns++
				case strings.Contains(w.Message, "cannot be kept as an address of the site"):
					notKept++
				}
			}
			if got := idWarns == 1; got != c.warns || idWarns+notKept != len(warns) {
				t.Errorf("got warnings %v, want a warning naming the id: %v", warns, c.warns)
			}
			switch {
			case c.permalink == "" && (role.Permalink != "" || notKept > 0):
				t.Errorf("no permalink: kept %q, %d warnings it is not kept", role.Permalink, notKept)
			case c.permalink != "" && c.keeps && (role.Permalink != c.permalink || notKept > 0):
				t.Errorf("kept permalink %q, %d warnings it is not kept; want %q kept", role.Permalink, notKept, c.permalink)
			case c.permalink != "" && !c.keeps && (role.Permalink != "" || notKept != 1):
				t.Errorf("kept permalink %q, %d warnings it is not kept; want one warning and none kept", role.Permalink, notKept)
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
