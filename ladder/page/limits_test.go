package page

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// TestLongParagraphIsPlainText checks that a paragraph too long to read as
// Markdown safely is shown as plain, escaped text, every word kept.
func TestLongParagraphIsPlainText(t *testing.T) {
	long := strings.Repeat("[a](<b>", MaxParagraph/7+1)
	page := strings.Replace(basePage(), "Definition of Planning.", long+" end of the long paragraph.", 1)
	fw, diags := Read([]File{{Path: testPath, Data: []byte(page)}})
	checkDiags(t, []File{{Path: testPath, Data: []byte(page)}}, diags, []want{
		warning("#### Planning", 1, `a paragraph of "Planning" is over 4 KB; shown as plain text`),
	})
	got := fw.Role("test-engineer").Skill("planning")
	if !strings.HasPrefix(got.HTML, "<p>[a](&lt;b&gt;[a](") || !strings.HasSuffix(got.HTML, "end of the long paragraph.</p>") {
		t.Errorf("html: got %.60q…, want the paragraph escaped in one <p>", got.HTML)
	}
	if want := strings.TrimSpace(long) + " end of the long paragraph."; got.Text != want {
		t.Errorf("text: got %d characters, want the %d of the paragraph", len(got.Text), len(want))
	}
}

func TestTooManyLevels(t *testing.T) {
	levels := make([]string, MaxLevels+1)
	for i := range levels {
		levels[i] = fmt.Sprint("L", i)
	}
	page := rolePage("Test engineer", levels...)
	role, diags := Parse(testPath, []byte(page))
	if role != nil || len(diags) != 1 || diags[0].Severity != ladder.Error || diags[0].Pos != (ladder.Pos{Line: 6, Col: 3}) ||
		!strings.Contains(diags[0].Message, "51 levels: a role has at most 50") {
		t.Errorf("got role %v and %v, want no role and one error at 6:3, the list's first entry", role != nil, diags)
	}
}

func TestTooManySkills(t *testing.T) {
	var skills strings.Builder
	for i := range MaxSkills + 1 {
		fmt.Fprintf(&skills, "#### Skill %d\n\nText.\n\n", i)
	}
	page := strings.Replace(basePage(), "### Required skills\n\n", "### Required skills\n\n"+skills.String(), 1)
	role, diags := Parse(testPath, []byte(page))
	wantLine := strings.Count(page[:strings.Index(page, "#### Skill 200\n")], "\n") + 1
	if role != nil || len(diags) != 1 || diags[0].Pos.Line != wantLine || !strings.Contains(diags[0].Message, "more than 200 required skills") {
		t.Errorf("got role %v and %v, want no role and one error on line %d", role != nil, diags, wantLine)
	}
}
