package page

import (
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// TestHeadingIDs checks the ids against what kramdown, with the GFM input
// a Jekyll site uses by default, gives the same headings.
func TestHeadingIDs(t *testing.T) {
	cases := []struct{ title, want string }{
		{"Security, privacy, and compliance", "security-privacy-and-compliance"},
		{"DevOps engineer I", "devops-engineer-i"},
		{"Skills needed for this level", "skills-needed-for-this-level"},
		{"CI/CD", "cicd"},
		{"Research & analysis", "research--analysis"},
		{"You’ll lead, you'll *grow*", "youll-lead-youll-grow"},
		{"**Bold**, `code` and [a link](https://x.org/a_b)", "bold-code-and-a-link"},
		{"A <span class=\"x\">tagged</span> word", "a-tagged-word"},
		{"Senior -- lead --- staff", "senior--lead--staff"},
		{"end-to-end", "end-to-end"},
		{"snake_case stays", "snake_case-stays"},
		{"Café crème, Ünïcode", "café-crème-ünïcode"},
		{"1. Numbered", "1-numbered"},
		{"- Dashed", "--dashed"},
		{"> Quoted", "-quoted"},
		{"2024 plans", "2024-plans"},
		{"Trailing space  ", "trailing-space"},
		{"Two  spaces", "two--spaces"},
		{"!!!", ""},
	}
	for _, c := range cases {
		if got := (headingIDs{}).id(&heading{title: c.title}); got != c.want {
			t.Errorf("%q: id %q, want %q", c.title, got, c.want)
		}
	}
}

// TestHeadingIDsNumberDuplicates checks that a repeated id is numbered as
// kramdown numbers it, counting headings whose ids differ apart, and that
// a heading's own id is kept and counts for nothing.
func TestHeadingIDsNumberDuplicates(t *testing.T) {
	ids := headingIDs{}
	var got []string
	for _, h := range []*heading{
		{title: "Delivery"}, {title: "Scope"}, {title: "Delivery"}, {title: "delivery!"},
		{title: "Delivery", id: "own"}, {title: "Scope"}, {title: "Delivery"},
	} {
		got = append(got, ids.id(h))
	}
	if want := "delivery scope delivery-1 delivery-2 own scope-1 delivery-3"; strings.Join(got, " ") != want {
		t.Errorf("ids %v, want %s", got, want)
	}
}

// TestAnchors checks that every heading of a page is sent to the part of
// the role it introduced, with its own id given by kramdown attributes.
func TestAnchors(t *testing.T) {
	page := `---
title: Test engineer
permalink: /careers/career-pathways/test-engineer/
levels:
  - Associate
  - Senior
---

Tests things.

## Context

### Required skills

#### Automation

You automate.

##### Tools {#automation-tools}

Scripts.

#### Exploratory testing

You explore.

## Test engineer career pathway

### Associate test engineer

{% include role_level.html level='associate' %}

You start.

#### Skills needed for this level

##### Automation

You learn to automate.

##### Exploratory testing

You follow charters.

### Senior test engineer
{: #senior}

{% include role_level.html level='senior' %}

#### Skills needed for this level

##### Automation

You lead automation.

###### In practice

Pipelines.

##### Exploratory testing

You write charters.

## References

### Further reading

Books.
`
	role, diags := Parse("test_engineer.md", []byte(page))
	if role == nil || ladder.HasErrors(diags) {
		t.Fatalf("the page does not read: %v", diags)
	}
	if role.Permalink != "/careers/career-pathways/test-engineer/" {
		t.Errorf("permalink %q", role.Permalink)
	}
	var got []string
	for _, a := range role.Anchors {
		got = append(got, a.ID+"→"+a.Level+"#"+a.Skill)
	}
	want := []string{
		"context→#", "required-skills→#",
		"automation→#automation", "automation-tools→#automation",
		"exploratory-testing→#exploratory-testing",
		"test-engineer-career-pathway→#",
		"associate-test-engineer→associate#", "skills-needed-for-this-level→associate#",
		"automation-1→associate#automation", "exploratory-testing-1→associate#exploratory-testing",
		"senior→senior#", "skills-needed-for-this-level-1→senior#",
		"automation-2→senior#automation", "in-practice→senior#automation",
		"exploratory-testing-2→senior#exploratory-testing",
		"references→#", "further-reading→#",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("anchors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestIndexPermalink checks that the index page's permalink is kept, and
// that one the site cannot keep is said so.
func TestIndexPermalink(t *testing.T) {
	index := func(permalink string) File {
		return File{Path: IndexName, Data: []byte("---\ntitle: Pathways\npermalink: " + permalink + "\n---\n\n### Engineering\n\n- [Test engineer](/careers/test-engineer/)\n")}
	}
	role := File{Path: "test_engineer.md", Data: pageWithPermalink("/careers/test-engineer/")}
	fw, diags := Read([]File{index("/careers/career-pathways/"), role})
	if ladder.HasErrors(diags) || len(fw.Permalinks) != 1 || fw.Permalinks[0] != "/careers/career-pathways/" {
		t.Errorf("permalinks %q, diagnostics %v", fw.Permalinks, diags)
	}
	fw, diags = Read([]File{index("/careers/:path/"), role})
	var said bool
	for _, d := range diags {
		said = said || d.Path == IndexName && strings.Contains(d.Message, "cannot be kept as an address of the site")
	}
	if len(fw.Permalinks) != 0 || !said {
		t.Errorf("a placeholder permalink: kept %q, diagnostics %v", fw.Permalinks, diags)
	}
}
