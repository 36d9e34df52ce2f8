package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpus is the careers site's pages: the folder $LADDER_CORPUS names
// (make test sets it from CORPUS), or the one beside the project.
var corpus = cmp.Or(os.Getenv("LADDER_CORPUS"), "../../../shared/corpus/skylight")

// runLadder runs the command as main would and returns its exit status and
// output.
func runLadder(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	code = exitCode(err, &errOut)
	return code, out.String(), errOut.String()
}

// writePage writes a page into a new folder and returns its path.
func writePage(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const badPage = `---
title: Broken
permalink: /roles/broken/
levels: [One, Two]
---

### Required skills

#### Doing

You do.

## Broken career pathway

### Level one

{% include role_level.html level='one' %}

#### Skills needed for this level

##### Dancing

You dance.
`

var diagnosticLine = regexp.MustCompile(`^.+:\d+:\d+: (error|warning): \S.*$`)

func TestCheck(t *testing.T) {
	bad := writePage(t, "broken.md", badPage)
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings, in order
		stderr   string
		noOutput bool
	}{
		{name: "corpus passes with warnings", args: []string{"check", corpus}, code: 0,
			stdout: []string{"content_designer.md:80:1: warning: skill heading \"UX writing\""}, stderr: "14 roles, 78 levels: 0 errors"},
		{name: "strict turns warnings into errors", args: []string{"check", "--strict", corpus}, code: 1,
			stdout: []string{"people_manager.md:13:1: error: front-matter key \"updated_date\" is given twice"}},
		{name: "flags may follow paths", args: []string{"check", corpus, "-strict"}, code: 1},
		{name: "bundled content is clean", args: []string{"check", "../../content"}, code: 0, noOutput: true,
			stderr: "1 role, 6 levels: 0 errors, 0 warnings"},
		{name: "errors give status 1 with their lines", args: []string{"check", bad}, code: 1, stdout: []string{
			bad + ":4:15: error: level Two in the front matter has no section",
			bad + ":15:1: error: level One is missing required skill \"Doing\"",
			bad + ":21:1: error: skill \"Dancing\" at level One matches no required skill"}},
		{name: "a missing path is a usage error", args: []string{"check", "no/such/dir"}, code: 2, stderr: "no/such/dir: no such file or directory"},
		{name: "a folder without pages is a usage error", args: []string{"check", t.TempDir()}, code: 2, stderr: "no pathway pages"},
		{name: "an unknown flag is a usage error", args: []string{"check", "--fast"}, code: 2, stderr: "flag provided but not defined: -fast"},
		{name: "after -- every argument is a path", args: []string{"check", "--", "-strict"}, code: 2, stderr: "-strict: no such file or directory"},
		{name: "an unknown command is a usage error", args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
		{name: "no command is a usage error", args: nil, code: 2, stderr: "Usage: ladder"},
		{name: "help prints usage", args: []string{"help"}, code: 0, stdout: []string{"Usage: ladder", "check", "export"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runLadder(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status: got %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			rest := stdout
			for _, want := range tt.stdout {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("stdout lacks %q (or has it out of order):\n%s", want, stdout)
				}
				rest = rest[i+len(want):]
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr: got %q, want it to contain %q", stderr, tt.stderr)
			}
			if tt.noOutput && stdout != "" {
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
			if tt.args != nil && tt.args[0] == "check" && code != 2 {
				for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
					if line != "" && !diagnosticLine.MatchString(line) {
						t.Errorf("not a path:line:col: severity: message line: %q", line)
					}
				}
			}
		})
	}
}

// TestCheckDefaultsToContent runs check with no path from the project's
// root, where it reads content/.
func TestCheckDefaultsToContent(t *testing.T) {
	t.Chdir("../..")
	code, stdout, stderr := runLadder(t, "check")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "1 role, 6 levels") {
		t.Errorf("got status %d, stdout %q, stderr %q; want 0, nothing and a summary of content/", code, stdout, stderr)
	}
}

// TestExportSchema checks the JSON against the schema docs/addresses-and-storage.md documents.
func TestExportSchema(t *testing.T) {
	code, stdout, stderr := runLadder(t, "export", corpus)
	if code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr)
	}
	var got struct {
		Families []struct {
			Name  string   `json:"name"`
			Roles []string `json:"roles"`
		} `json:"families"`
		Roles []map[string]json.RawMessage `json:"roles"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if len(got.Families) != 6 || got.Families[1].Name != "Engineering" || got.Families[1].Roles[1] != "devops-engineer" {
		t.Errorf("families: got %+v, want the index's six, Engineering second with devops-engineer second", got.Families)
	}
	if len(got.Roles) != 14 {
		t.Fatalf("got %d roles, want 14", len(got.Roles))
	}
	for _, role := range got.Roles {
		requireKeys(t, "role", role, "id", "title", "family", "description", "updated", "intro", "skills", "levels", "notes")
		var intro map[string]json.RawMessage
		var skills, levels []map[string]json.RawMessage
		decode(t, role["intro"], &intro)
		decode(t, role["skills"], &skills)
		decode(t, role["levels"], &levels)
		requireKeys(t, "intro", intro, "html", "text")
		for _, s := range skills {
			requireKeys(t, "skill", s, "id", "name", "html", "text")
		}
		for _, l := range levels {
			requireKeys(t, "level", l, "id", "name", "title", "html", "text", "skills")
			var expectations []map[string]json.RawMessage
			decode(t, l["skills"], &expectations)
			if len(expectations) != len(skills) {
				t.Errorf("level %s has %d skills, want %d", l["id"], len(expectations), len(skills))
			}
			for _, e := range expectations {
				requireKeys(t, "level skill", e, "id", "name", "html", "text")
			}
		}
	}
}

func requireKeys(t *testing.T, what string, obj map[string]json.RawMessage, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := obj[k]; !ok {
			t.Errorf("%s lacks key %q: has %v", what, k, obj)
		}
	}
}

func decode(t *testing.T, raw json.RawMessage, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
}

func TestExportRefusesContentWithErrors(t *testing.T) {
	bad := writePage(t, "broken.md", badPage)
	code, stdout, stderr := runLadder(t, "export", bad)
	if code != 1 || stdout != "" {
		t.Errorf("got status %d and stdout %q, want 1 and nothing", code, stdout)
	}
	if !strings.Contains(stderr, "matches no required skill") || !strings.Contains(stderr, "nothing exported") {
		t.Errorf("stderr does not say why: %q", stderr)
	}
}

func TestBuildAndServeUsage(t *testing.T) {
	bad := filepath.Dir(writePage(t, "broken.md", badPage))
	out := filepath.Join(t.TempDir(), "site")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"content with errors", []string{"build", "--content", bad, "--out", out}, 1, "the content has errors; nothing built"},
		{"missing content", []string{"build", "--content", filepath.Join(bad, "nope"), "--out", out}, 2, "no such file"},
		{"stray argument", []string{"build", "content"}, 2, `unexpected argument "content"`},
		{"unknown flag", []string{"build", "--outdir", out}, 2, "flag provided but not defined: -outdir"},
		{"bad base URL", []string{"build", "--base-url", "ftp://x.org", "--out", out}, 2, "want an http or https address"},
		{"bad prefix", []string{"build", "--prefix", "sub", "--out", out}, 2, "want a path starting with /"},
		{"serve a missing folder", []string{"serve", "--dir", filepath.Join(bad, "nope")}, 2, "serve:"},
		{"serve a bad prefix", []string{"serve", "--dir", bad, "--prefix", "/a/../b"}, 2, "serve:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runLadder(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("status %d, stderr %q; want %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
		})
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused build wrote %s (%v)", out, err)
	}
}
