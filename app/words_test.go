package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/assess"
)

// TestImportRefusalWords imports the files ladder/assess refuses and reads
// what the person is told.
func TestImportRefusalWords(t *testing.T) {
	good := string(assess.Export([]ladder.Assessment{{
		ID: "a1", Name: "Before review, Nov 2026", Role: "devops-engineer", Target: "senior",
		Answers: map[string]ladder.Answer{"continuous-delivery": {Level: "ii", Note: "Pipelines next"}},
	}}, "now"))
	version := `"version": ` + strconv.Itoa(assess.Version)
	tests := []struct{ name, data, want string }{
		{"too big", good + strings.Repeat(" ", assess.MaxFile), "at most 1 MB"},
		{"not text", "\xff\xfe{}", "not text"},
		{"not JSON", "name,level\nme,senior\n", "not valid JSON"},
		{"another JSON", `{"hello": "world"}`, "not an assessment exported by this app"},
		{"no version", `{"schema": "ladder-explorer/assessments"}`, "says no version"},
		{"newer version", strings.Replace(good, version, `"version": 7`, 1), "newer version of this app (format 7)"},
		{"version zero", strings.Replace(good, version, `"version": 0`, 1), "does not exist"},
		{"unknown field", strings.Replace(good, `"exported"`, `"secret": 1, "exported"`, 1), `damaged (json: unknown field "secret")`},
		{"wrong type", strings.Replace(good, `"target": "senior"`, `"target": 3`, 1), "damaged"},
		{"unknown role", strings.Replace(good, `"role": "devops-engineer"`, `"role": "astronaut"`, 1), `for the role "astronaut", which this ladder does not have`},
		{"no id", strings.Replace(good, `"id": "a1"`, `"id": " "`, 1), "has no id"},
		{"note too long", strings.Replace(good, "Pipelines next", strings.Repeat("é", ladder.MaxNote+1), 1), "notes are at most 2000"},
	}
	for _, tt := range tests {
		_, err := assess.Import([]byte(tt.data), func(id string) bool { return id == "devops-engineer" })
		if err == nil {
			t.Fatalf("%s: imported", tt.name)
		}
		if got := importRefused(err); !strings.Contains(got, tt.want) {
			t.Errorf("%s: told %q, want it to say %q", tt.name, got, tt.want)
		}
	}
}

// TestProblemWords words every problem Load reports, and the app's own.
func TestProblemWords(t *testing.T) {
	tests := []struct {
		p    assess.Problem
		want string
	}{
		{assess.Problem{Code: assess.StoreDamaged, Detail: "at byte 2"}, "could not be read (at byte 2)"},
		{assess.Problem{Code: assess.StoreLost, N: 1}, "Saved assessment 1 could not be read"},
		{assess.Problem{Code: assess.StoreCut, Name: "Mine", Limit: 2000}, `In "Mine", notes longer than 2000 characters were shortened`},
		{assess.Problem{Code: assess.StoreNewer, N: 9}, "newer version of this app (version 9)"},
		{assess.Problem{Code: notKeptAside}, "could not be kept aside"},
		{assess.Problem{Code: assess.FileNoID}, `"(no name)" has no id`},
		{assess.Problem{Code: assess.FileTooBig, N: 3 << 20}, "The file is 3.0 MB"},
		{assess.Problem{Code: "from-the-future"}, "Something went wrong (from-the-future)"},
	}
	for _, tt := range tests {
		if got := problemSentence(tt.p); !strings.Contains(got, tt.want) {
			t.Errorf("%+v: %q, want it to say %q", tt.p, got, tt.want)
		}
	}
}

func TestDiffSummary(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"You run pipelines.", "You run robust pipelines.", "adds: robust"},
		{"You run robust pipelines.", "You run pipelines.", "drops: robust"},
		{"Same words.", "Same words.", "no change"},
	}
	for _, tt := range tests {
		if got := diffSummary(ladder.Diff(tt.old, tt.new)); got != tt.want {
			t.Errorf("diffSummary(%q → %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
	r := &ladder.Role{Levels: []ladder.Level{{Title: "Engineer I"}}}
	if got := placementTitle(r, ladder.NotYet); got != "not yet at the first level" {
		t.Errorf("placementTitle(NotYet) = %q", got)
	}
	if got := placementTitle(r, 0); got != "Engineer I" {
		t.Errorf("placementTitle(0) = %q", got)
	}
}
