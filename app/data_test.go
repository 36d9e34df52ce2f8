package app

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

func TestRolesAt(t *testing.T) {
	c := NewCatalog(nil, Site{})
	tests := []struct {
		name, in string
		want     []string
	}{
		{"role", "/roles/devops/", []string{"devops"}},
		{"level", "/roles/devops/senior", []string{"devops"}},
		{"track", "/roles/devops/skills/testing", []string{"devops"}},
		{"grid", "/roles/devops/grid", []string{"devops"}},
		{"assess", "/assess/devops", []string{"devops"}},
		{"comparison of two roles", "/compare?left=a/one&right=b%2Ftwo", []string{"a", "b"}},
		{"comparison with one side", "/compare?right=b/two", []string{"b"}},
		{"home", "/", nil},
		{"unknown", "/elsewhere", nil},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.rolesAt(u); !slices.Equal(got, tt.want) {
			t.Errorf("%s: rolesAt(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestIndexOutline: a role's index entry, through JSON, gives the outline
// the lists and routes read, and none of its prose.
func TestIndexOutline(t *testing.T) {
	r := ladder.Role{
		ID: "devops", Title: "DevOps engineer", Family: "Engineering", Description: "Runs things.",
		Intro:  ladder.Prose{HTML: "<p>Intro</p>", Text: "Intro"},
		Skills: []ladder.Skill{{ID: "testing", Name: "Testing", Prose: ladder.Prose{Text: "Tests."}}},
		Levels: []ladder.Level{{ID: "i", Name: "I", Title: "DevOps engineer I", Prose: ladder.Prose{Text: "First."},
			Skills: []ladder.Expectation{{SkillID: "testing", Name: "Testing"}}}},
	}
	b, err := json.Marshal(NewIndexRole(&r, "data/roles/devops.0123456789.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e IndexRole
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	if e.File != "data/roles/devops.0123456789.json" {
		t.Errorf("file = %q", e.File)
	}
	got := e.outline()
	if got.ID != r.ID || got.Title != r.Title || got.Family != r.Family || got.Description != r.Description {
		t.Errorf("outline = %+v, want the role's names", got)
	}
	if len(got.Levels) != 1 || !reflect.DeepEqual(got.Levels[0], ladder.Level{ID: "i", Name: "I", Title: "DevOps engineer I"}) {
		t.Errorf("outline levels = %+v, want ids, names and titles only", got.Levels)
	}
	if len(got.Skills) != 1 || got.Skills[0] != (ladder.Skill{ID: "testing"}) {
		t.Errorf("outline skills = %+v, want ids only", got.Skills)
	}
	if got.Intro.Text != "" {
		t.Errorf("outline carries the introduction %q", got.Intro.Text)
	}
}
