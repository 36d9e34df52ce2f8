package ladder

import (
	"slices"
	"testing"
)

func exp(id, name, text string) Expectation {
	return Expectation{SkillID: id, Name: name, Prose: Prose{Text: text}}
}

var devops = &Role{
	ID:     "devops",
	Skills: []Skill{{ID: "cd", Name: "Continuous delivery"}, {ID: "ops", Name: "Production operations"}},
	Levels: []Level{
		{ID: "one", Skills: []Expectation{exp("cd", "Continuous delivery", "You build pipelines."), exp("ops", "Production operations", "You read logs.")}},
		{ID: "two", Skills: []Expectation{exp("cd", "Continuous delivery", "You build robust pipelines."), exp("ops", "Production operations", "You read logs.")}},
	},
}

var security = &Role{
	ID:     "security",
	Skills: []Skill{{ID: "prod-ops", Name: "Production  operations!"}, {ID: "threats", Name: "Threat modelling"}},
	Levels: []Level{
		{ID: "one", Skills: []Expectation{exp("prod-ops", "Production operations", "You read logs and alerts."), exp("threats", "Threat modelling", "You model threats.")}},
	},
}

func names(rows []Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Name)
	}
	return out
}

func TestCompareLevelsOfARole(t *testing.T) {
	up := Compare(Side{devops, &devops.Levels[0]}, Side{devops, &devops.Levels[1]})
	if up.Reversed || up.Changed != 1 || len(up.Rows) != 2 || len(up.OnlyLeft)+len(up.OnlyRight) != 0 {
		t.Fatalf("one→two: reversed %v, changed %d, rows %d, only %d/%d", up.Reversed, up.Changed, len(up.Rows), len(up.OnlyLeft), len(up.OnlyRight))
	}
	if got := summary(up.Rows[0].Diff); got != "adds: robust" {
		t.Errorf("one→two summary %q, want adds: robust", got)
	}
	down := Compare(Side{devops, &devops.Levels[1]}, Side{devops, &devops.Levels[0]})
	if !down.Reversed {
		t.Error("two→one is not reversed")
	}
	if got := summary(down.Rows[0].Diff); got != "adds: robust" {
		t.Errorf("two→one summary %q: the higher level's additions are what is added", got)
	}
	same := Compare(Side{devops, &devops.Levels[0]}, Side{devops, &devops.Levels[0]})
	if same.Changed != 0 {
		t.Errorf("a level against itself: %d changed", same.Changed)
	}
}

func TestCompareTwoRoles(t *testing.T) {
	c := Compare(Side{devops, &devops.Levels[1]}, Side{security, &security.Levels[0]})
	if got, want := names(c.Rows), []string{"Production operations"}; !slices.Equal(got, want) {
		t.Errorf("shared rows %q, want %q (matched by name across ids)", got, want)
	}
	if got, want := names(c.OnlyLeft), []string{"Continuous delivery"}; !slices.Equal(got, want) {
		t.Errorf("only left %q, want %q", got, want)
	}
	if got, want := names(c.OnlyRight), []string{"Threat modelling"}; !slices.Equal(got, want) {
		t.Errorf("only right %q, want %q", got, want)
	}
	if c.Reversed || c.Changed != 1 || summary(c.Rows[0].Diff) != "adds: and alerts" {
		t.Errorf("reversed %v, changed %d, summary %q", c.Reversed, c.Changed, summary(c.Rows[0].Diff))
	}
}

func TestTrackOf(t *testing.T) {
	tr, ok := TrackOf(devops, "cd")
	if !ok || len(tr.Steps) != 2 || tr.Skill.Name != "Continuous delivery" {
		t.Fatalf("TrackOf(cd) = %+v, %v", tr, ok)
	}
	if len(tr.Steps[0].Diff.Spans) != 0 || summary(tr.Steps[1].Diff) != "adds: robust" {
		t.Errorf("steps: first diff %v, second %q", tr.Steps[0].Diff, summary(tr.Steps[1].Diff))
	}
	if _, ok := TrackOf(devops, "nope"); ok {
		t.Error("TrackOf(nope) found a skill")
	}
}
