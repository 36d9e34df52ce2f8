package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// places is a small framework's places: two roles, one sharing a skill.
var places = []Doc{
	{Role: "devops", Title: "DevOps engineer", Context: "Engineering", Text: "Runs the platform."},
	{Role: "devops", Skill: "automation", Title: "Automation", Context: "DevOps engineer", Text: "Writes scripts and pipelines."},
	{Role: "devops", Skill: "mentoring", Title: "Mentoring", Context: "DevOps engineer", Text: "Helps others grow."},
	{Role: "devops", Level: "ii", Title: "DevOps engineer II", Context: "II\nDevOps engineer", Text: "Works alone on most tasks."},
	{Role: "devops", Level: "ii", Skill: "automation", Title: "Automation", Context: "II", Text: "Uses Terraform for infrastructure as code."},
	{Role: "devops", Level: "ii", Skill: "mentoring", Title: "Mentoring", Context: "II", Text: "Pairs with new starters."},
	{Role: "devops", Level: "senior", Title: "Senior DevOps engineer", Context: "Senior\nDevOps engineer", Text: "Sets the team’s strategy."},
	{Role: "devops", Level: "senior", Skill: "automation", Title: "Automation", Context: "Senior", Text: "Designs the automation strategy; reviews Terraform modules."},
	{Role: "devops", Level: "senior", Skill: "mentoring", Title: "Mentoring", Context: "Senior", Text: "Mentors engineers through incident response."},
	{Role: "data", Title: "Data engineer", Context: "Engineering", Text: "Builds data pipelines for the café’s analysts."},
	{Role: "data", Skill: "automation", Title: "Automation", Context: "Data engineer", Text: "Schedules jobs."},
	{Role: "data", Level: "senior", Skill: "automation", Title: "Automation", Context: "Senior", Text: "Responds to an incident; writes the response plan."},
}

// found lists the hits of a search as "role/level/skill", best first, as
// the groups hold them.
func found(ix *Index, q string) []string {
	var out []string
	for _, g := range ix.Search(Parse(q), 100).Groups {
		for _, h := range g.Hits {
			d := ix.Doc(h.Doc)
			out = append(out, d.Role+"/"+d.Level+"/"+d.Skill)
		}
	}
	return out
}

func TestSearch(t *testing.T) {
	ix := NewIndex(places)
	for _, tt := range []struct {
		name, query string
		want        []string
	}{
		{"a word, any case", "TERRAFORM", []string{"devops/ii/automation", "devops/senior/automation"}},
		{"a prefix finds longer words", "mentor", []string{"devops//mentoring", "devops/ii/mentoring", "devops/senior/mentoring"}},
		{"diacritics fold", "cafe", []string{"data//"}},
		{"typographic apostrophes fold", "team's strategy", []string{"devops/senior/"}},
		{"every word must match, in any order", "strategy terraform", []string{"devops/senior/automation"}},
		{"a phrase matches words in a row", `"incident response"`, []string{"devops/senior/mentoring"}},
		{"words apart do not make the phrase", `"response incident"`, nil},
		{"an open phrase's last word is a prefix", `"incident resp`, []string{"devops/senior/mentoring"}},
		{"a closed phrase's last word is whole", `"incident resp"`, nil},
		{"the context narrows", "senior terraform", []string{"devops/senior/automation"}},
		{"the context alone does not match", "senior", []string{"devops/senior/"}},
		{"nothing matches", "kubernetes", nil},
		{"an empty query finds nothing", "  ", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(ix, tt.query); !slices.Equal(got, tt.want) {
				t.Errorf("search %q:\n got %q\nwant %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestRanking(t *testing.T) {
	ix := NewIndex(places)
	for _, tt := range []struct {
		name, query string
		want        []string
	}{
		// The skill's name ranks above its mentions in text, and the
		// role with the best hit comes first.
		{"names above text", "automation", []string{
			"devops//automation", "devops/ii/automation", "devops/senior/automation",
			"data//automation", "data/senior/automation",
		}},
		// A whole word ranks above a word it starts.
		{"whole words above prefixes", "pipeline", []string{"devops//automation", "data//"}},
		{"titles above text, then the ladder's order", "strategy", []string{"devops/senior/", "devops/senior/automation"}},
		// Data's role mentions "pipelines" whole in its text; its title
		// holds "data" whole: the title wins.
		{"a title's word above a text's", "data pipelines", []string{"data//"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(ix, tt.query); !slices.Equal(got, tt.want) {
				t.Errorf("search %q:\n got %q\nwant %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestResultsCountEverything(t *testing.T) {
	ix := NewIndex(places)
	res := ix.Search(Parse("automation"), 2)
	if res.Total != 5 || res.Roles != 2 || res.Shown() != 2 {
		t.Errorf("total %d in %d roles, %d shown; want 5 in 2, 2 shown", res.Total, res.Roles, res.Shown())
	}
	if len(res.Groups) != 1 || res.Groups[0].Role != "devops" {
		t.Errorf("groups %+v, want devops's alone", res.Groups)
	}
}

func TestSnippet(t *testing.T) {
	text := "One two three four five six seven eight nine ten eleven twelve Terraform fourteen fifteen."
	for _, tt := range []struct {
		name, query string
		n           int
		want        string
	}{
		{"around the first match", "terraform", 6, "…ten eleven twelve [Terraform] fourteen fifteen.|"},
		{"the start when nothing matches", "zzz", 4, "|One two three four…"},
		{"a phrase marked as one run", `"two three"`, 4, "|One [two] [three] four…"},
		{"the whole text", "one", 40, "|[One] two three four five six seven eight nine ten eleven twelve Terraform fourteen fifteen.|"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spans, before, after := Parse(tt.query).Snippet(text, tt.n)
			if got := show(spans, before, after); got != tt.want {
				t.Errorf("snippet %q:\n got %s\nwant %s", tt.query, got, tt.want)
			}
		})
	}
}

// show writes spans with the marked ones in brackets, … or | for a cut or
// whole end.
func show(spans []Span, before, after bool) string {
	var b strings.Builder
	b.WriteString(map[bool]string{true: "…", false: "|"}[before])
	for _, s := range spans {
		if s.Mark {
			fmt.Fprintf(&b, "[%s]", s.Text)
		} else {
			b.WriteString(s.Text)
		}
	}
	b.WriteString(map[bool]string{true: "…", false: "|"}[after])
	return strings.ReplaceAll(strings.ReplaceAll(b.String(), "|…", "|"), "…|", "…")
}

func TestMarks(t *testing.T) {
	got := Parse("mentor “new starters”").Marks("Mentoring: pairs with new starters, and new hires.")
	want := []Span{{"Mentoring", true}, {": pairs with ", false}, {"new", true}, {" ", false}, {"starters", true}, {", and new hires.", false}}
	if !slices.Equal(got, want) {
		t.Errorf("marks:\n got %+v\nwant %+v", got, want)
	}
}

func TestDocs(t *testing.T) {
	fw := &ladder.Framework{Roles: []ladder.Role{{
		ID: "devops", Title: "DevOps engineer", Family: "Engineering", Description: "Runs things.",
		Intro:  ladder.Prose{Text: "Intro."},
		Skills: []ladder.Skill{{ID: "automation", Name: "Automation", Prose: ladder.Prose{Text: "Scripts."}}},
		Levels: []ladder.Level{{ID: "senior", Name: "Senior", Title: "Senior DevOps engineer", Prose: ladder.Prose{Text: "Leads."},
			Skills: []ladder.Expectation{{SkillID: "automation", Name: "Automation", Prose: ladder.Prose{Text: "Designs."}}}}},
		Notes: []ladder.Note{{Title: "References", Prose: ladder.Prose{Text: "A book."}}},
	}}}
	want := []Doc{
		{Role: "devops", Title: "DevOps engineer", Context: "Engineering", Text: "Runs things.\nIntro.\nReferences\nA book."},
		{Role: "devops", Skill: "automation", Title: "Automation", Context: "DevOps engineer", Text: "Scripts."},
		{Role: "devops", Level: "senior", Title: "Senior DevOps engineer", Context: "Senior\nDevOps engineer", Text: "Leads."},
		{Role: "devops", Level: "senior", Skill: "automation", Title: "Automation", Context: "Senior\nSenior DevOps engineer\nDevOps engineer", Text: "Designs."},
	}
	got := Docs(fw)
	if !slices.Equal(got, want) {
		t.Fatalf("docs:\n got %+v\nwant %+v", got, want)
	}
	kinds := []Kind{RoleDoc, SkillDoc, LevelDoc, ExpectationDoc}
	for i, d := range got {
		if d.Kind() != kinds[i] {
			t.Errorf("doc %d is of kind %d, want %d", i, d.Kind(), kinds[i])
		}
	}
}
