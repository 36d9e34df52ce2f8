package app

import (
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

func TestMarkdown(t *testing.T) {
	r := &ladder.Role{
		ID: "devops", Title: "DevOps engineer",
		Skills: []ladder.Skill{{ID: "cd", Name: "Continuous delivery"}, {ID: "ops", Name: "Production operations"}},
		Levels: []ladder.Level{
			{ID: "one", Title: "Engineer I", Skills: []ladder.Expectation{{SkillID: "cd", Prose: ladder.Prose{Text: "You build pipelines."}}, {SkillID: "ops", Prose: ladder.Prose{Text: "You read logs."}}}},
			{ID: "two", Title: "Engineer II", Skills: []ladder.Expectation{{SkillID: "cd", Prose: ladder.Prose{Text: "You design pipelines."}}, {SkillID: "ops", Prose: ladder.Prose{Text: "You run incidents."}}}},
		},
	}
	a := &ladder.Assessment{
		Name: "Before review", Updated: "2026-11-26T10:00:00Z", Target: "two",
		Answers: map[string]ladder.Answer{
			"cd":  {Placed: true, Level: "two", Note: "Led the migration.\nAsk Sam."},
			"ops": {Placed: true, Level: ""},
		},
	}
	got := markdown(a, r)
	want := `# Before review

Self-assessment for DevOps engineer, updated 2026-11-26.
Target: Engineer II.
Overall: Engineer II. ` + overallRule + `

## Skills

### Continuous delivery

Placed at: Engineer II.

> Led the migration.
> Ask Sam.

### Production operations

Placed at: not yet at the first level.

## Gaps to Engineer II

### Production operations

You run incidents.
`
	if got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
}
