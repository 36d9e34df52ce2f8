package page

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

// testPath is the name the rows' page is read under.
const testPath = "test_engineer.md"

// testSkills are the required skills of a test page: one plain name, one
// with punctuation and one with an abbreviation in parentheses, each with
// the verb its level text starts with.
var testSkills = []struct{ name, verb string }{
	{"Planning", "Plans"},
	{"Security, privacy, and compliance", "Secures"},
	{"User experience (UX) writing", "Writes UX copy"},
}

// rolePage returns a valid pathway page for a role with the given title and
// levels, and the three testSkills at every level. Every line of text is
// unique, so rows can change one with strings.Replace.
func rolePage(title string, levels ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: What a %s does.\npermalink: /careers/career-pathways/%s/\nlevels:\n",
		title, strings.ToLower(title), ladder.Slug(title))
	for _, l := range levels {
		fmt.Fprintf(&b, "  - %s\n", l)
	}
	fmt.Fprintf(&b, "---\n\n%s intro.\n\n### Required skills\n\n", title)
	for _, s := range testSkills {
		fmt.Fprintf(&b, "#### %s\n\nDefinition of %s.\n\n", s.name, s.name)
	}
	fmt.Fprintf(&b, "## %s career pathway\n\n", title)
	for _, l := range levels {
		fmt.Fprintf(&b, "### %s %s\n\n{%% include role_level.html level='%s' %%}\n\nIntro to level %s.\n\n#### Skills needed for this level\n\n",
			title, l, ladder.Slug(l), l)
		for _, s := range testSkills {
			fmt.Fprintf(&b, "##### %s\n\n%s at level %s.\n\n", s.name, s.verb, l)
		}
	}
	return b.String()
}

// basePage is the page most rows start from: three levels, three skills.
func basePage() string { return rolePage("Test engineer", "I", "II", "III") }

// edit is a change to a page: the first old becomes new.
type edit struct{ old, new string }

// want is a diagnostic a row expects. Its line is given, or is the line on
// which at first stands in the file named path.
type want struct {
	sev  ladder.Severity
	path string // testPath when empty
	at   string
	line int
	col  int
	msg  string // a distinctive part of the message
}

func warning(at string, col int, msg string) want {
	return want{sev: ladder.Warning, at: at, col: col, msg: msg}
}

func failure(at string, col int, msg string) want {
	return want{sev: ladder.Error, at: at, col: col, msg: msg}
}

// readCase is one page read by Read, with what it must report and a check
// of the model it must build.
type readCase struct {
	name  string
	page  string              // basePage() when empty
	edits []edit              // applied in order, each exactly once
	post  func(string) string // applied after the edits
	extra []File              // read after the page
	want  []want              // every diagnostic, in any order
	check func(*testing.T, *ladder.Framework)
}

func (c readCase) run(t *testing.T) {
	t.Helper()
	text := c.page
	if text == "" {
		text = basePage()
	}
	for _, e := range c.edits {
		if !strings.Contains(text, e.old) {
			t.Fatalf("edit %q: not in the page", e.old)
		}
		text = strings.Replace(text, e.old, e.new, 1)
	}
	if c.post != nil {
		text = c.post(text)
	}
	files := append([]File{{Path: testPath, Data: []byte(text)}}, c.extra...)
	fw, diags := Read(files)
	checkDiags(t, files, diags, c.want)
	if c.check != nil && fw != nil {
		c.check(t, fw)
	}
}

// checkDiags reports the diagnostics that got and want do not share.
func checkDiags(t *testing.T, files []File, got []ladder.Diagnostic, wants []want) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range wants {
		if w.path == "" {
			w.path = testPath
		}
		if w.at != "" {
			w.line = lineOf(t, files, w.path, w.at)
		}
		found := false
		for i, d := range got {
			if !used[i] && d.Severity == w.sev && d.Path == w.path && d.Pos.Line == w.line &&
				d.Pos.Col == w.col && strings.Contains(d.Message, w.msg) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing diagnostic: got none, want %s:%d:%d: %s: …%s…", w.path, w.line, w.col, w.sev, w.msg)
		}
	}
	for i, d := range got {
		if !used[i] {
			t.Errorf("unexpected diagnostic: got %s, want none", d)
		}
	}
}

// lineIn returns the line of s on which sub first starts.
func lineIn(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q is not in the page", sub))
	}
	return strings.Count(s[:i], "\n") + 1
}

// lineOf returns the line of the file named path on which sub first
// starts, counting "\r\n", "\r" and "\n" as line ends as an editor does.
func lineOf(t *testing.T, files []File, path, sub string) int {
	t.Helper()
	for _, f := range files {
		if f.Path != path {
			continue
		}
		text := string(f.Data)
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q is not in %s", sub, path)
		}
		before := strings.ReplaceAll(text[:i], "\r\n", "\n")
		return strings.Count(before, "\n") + strings.Count(before, "\r") + 1
	}
	t.Fatalf("no file %s", path)
	return 0
}

func roleOf(t *testing.T, fw *ladder.Framework, id string) *ladder.Role {
	t.Helper()
	r := fw.Role(id)
	if r == nil {
		t.Fatalf("role %q: got none, want one", id)
	}
	return r
}

func levelOf(t *testing.T, r *ladder.Role, id string) *ladder.Level {
	t.Helper()
	l := r.Level(id)
	if l == nil {
		t.Fatalf("level %q: got none, want one", id)
	}
	return l
}

func expectationOf(t *testing.T, l *ladder.Level, skillID string) ladder.Expectation {
	t.Helper()
	e, ok := l.Expectation(skillID)
	if !ok {
		t.Fatalf("level %s, skill %q: got none, want one", l.ID, skillID)
	}
	return e
}

// testRole returns the role of the rows' page.
func testRole(t *testing.T, fw *ladder.Framework) *ladder.Role {
	t.Helper()
	return roleOf(t, fw, "test-engineer")
}

func checkEqual[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %#v, want %#v", what, got, want)
	}
}

func checkContains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s: got %q, want it to contain %q", what, s, sub)
		}
	}
}

func checkLacks(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(strings.ToLower(s), strings.ToLower(sub)) {
			t.Errorf("%s: got %q, want no %q", what, s, sub)
		}
	}
}

// checkLevelIDs checks the role's level ids, in order.
func checkLevelIDs(t *testing.T, r *ladder.Role, want ...string) {
	t.Helper()
	var got []string
	for _, l := range r.Levels {
		got = append(got, l.ID)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("level ids: got %v, want %v", got, want)
	}
}

// checkLevelSkills checks that a level has every test skill, in order, each
// with the text rolePage gives it.
func checkLevelSkills(t *testing.T, r *ladder.Role, levelID, levelName string) {
	t.Helper()
	l := levelOf(t, r, levelID)
	if got, want := len(l.Skills), len(testSkills); got != want {
		t.Fatalf("level %s: got %d skills, want %d", levelID, got, want)
	}
	for i, s := range testSkills {
		e := l.Skills[i]
		checkEqual(t, fmt.Sprintf("level %s, skill %d id", levelID, i), e.SkillID, ladder.Slug(s.name))
		checkEqual(t, fmt.Sprintf("level %s, skill %d text", levelID, i), e.Text, s.verb+" at level "+levelName+".")
	}
}

// checkValid checks that the role has the three levels and their skills.
func checkValid(t *testing.T, fw *ladder.Framework) {
	t.Helper()
	r := testRole(t, fw)
	checkLevelIDs(t, r, "i", "ii", "iii")
	for _, l := range []string{"I", "II", "III"} {
		checkLevelSkills(t, r, ladder.Slug(l), l)
	}
}

// levelII is the start of level II's section, for rows that change it.
const levelII = "### Test engineer II\n"

func TestReadRepairs(t *testing.T) {
	cases := []readCase{
		{
			name: "valid three-level page reads without diagnostics",
			check: func(t *testing.T, fw *ladder.Framework) {
				r := testRole(t, fw)
				checkEqual(t, "title", r.Title, "Test engineer")
				checkEqual(t, "description", r.Description, "What a test engineer does.")
				checkEqual(t, "intro", r.Intro.Text, "Test engineer intro.")
				checkEqual(t, "skill 2 id", r.Skills[2].ID, "user-experience-ux-writing")
				checkEqual(t, "skill 2 text", r.Skills[2].Text, "Definition of User experience (UX) writing.")
				checkEqual(t, "level ii title", levelOf(t, r, "ii").Title, "Test engineer II")
				checkEqual(t, "level ii text", levelOf(t, r, "ii").Text, "Intro to level II.")
				checkValid(t, fw)
			},
		},
		{
			name: "six-level page keeps its levels in order",
			page: rolePage("Test engineer", "Associate", "I", "II", "Senior", "Staff", "Principal"),
			check: func(t *testing.T, fw *ladder.Framework) {
				r := testRole(t, fw)
				checkLevelIDs(t, r, "associate", "i", "ii", "senior", "staff", "principal")
				checkEqual(t, "staff name", levelOf(t, r, "staff").Name, "Staff")
				checkLevelSkills(t, r, "principal", "Principal")
			},
		},
		{
			name:  "level skill heading one level too shallow is read as a skill",
			edits: []edit{{"##### Planning\n\nPlans at level II.", "#### Planning\n\nPlans at level II."}},
			want:  []want{warning("#### Planning\n\nPlans at level II.", 1, `heading "Planning" is level 4, not 5 like a skill of level "Test engineer II"`)},
			check: checkValid,
		},
		{
			name:  "skills-needed heading at the level heading's depth is read as the skills heading",
			edits: []edit{{levelII + "\n{% include role_level.html level='ii' %}\n\nIntro to level II.\n\n#### Skills", levelII + "\n{% include role_level.html level='ii' %}\n\nIntro to level II.\n\n### Skills"}},
			want:  []want{warning("### Skills needed for this level\n\n##### Planning\n\nPlans at level II.", 1, `heading "Skills needed for this level" is level 3, not 4 under the level heading "Test engineer II"`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				checkEqual(t, "level ii text", levelOf(t, testRole(t, fw), "ii").Text, "Intro to level II.")
			},
		},
		{
			name:  "required-skill heading one level too shallow is read as a required skill",
			edits: []edit{{"#### Security, privacy, and compliance\n", "### Security, privacy, and compliance\n"}},
			want:  []want{warning("### Security, privacy, and compliance", 1, `heading "Security, privacy, and compliance" is level 3, not 4 like a skill under "Required skills"`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				r := testRole(t, fw)
				s := r.Skill("security-privacy-and-compliance")
				if s == nil {
					t.Fatalf("skill security-privacy-and-compliance: got none, want one")
				}
				checkEqual(t, "skill text", s.Text, "Definition of Security, privacy, and compliance.")
				checkEqual(t, "planning text", r.Skills[0].Text, "Definition of Planning.")
				checkValid(t, fw)
			},
		},
		{
			// Only the level heading is off: the headings under it stand
			// where the page format puts them, so they are not drift.
			name:  "level heading one level too deep is read as a level",
			edits: []edit{{levelII, "#### Test engineer II\n"}},
			want:  []want{warning("#### Test engineer II", 1, `level heading "Test engineer II" is level 4, not 3 like the other levels`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				checkEqual(t, "level ii text", levelOf(t, testRole(t, fw), "ii").Text, "Intro to level II.")
			},
		},
		{
			name:  "trailing white space in a heading is ignored",
			edits: []edit{{"#### Planning\n", "#### Planning \t\n"}},
			want:  []want{warning("#### Planning \t", 14, `trailing white space in heading "Planning"`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				r := testRole(t, fw)
				checkEqual(t, "skill 0 name", r.Skills[0].Name, "Planning")
				checkEqual(t, "skill 0 id", r.Skills[0].ID, "planning")
				checkValid(t, fw)
			},
		},
		{
			name:  "trailing white space after letters outside ASCII is placed by characters",
			edits: []edit{{"### Test engineer III\n", "### Test engineer III – Élite  \n"}},
			want:  []want{warning("### Test engineer III – Élite", 30, `trailing white space in heading "Test engineer III – Élite"`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkEqual(t, "level iii title", levelOf(t, testRole(t, fw), "iii").Title, "Test engineer III – Élite")
				checkValid(t, fw)
			},
		},
		{
			name:  "CRLF line endings keep every later position",
			edits: []edit{{"##### Planning\n\nPlans at level III.", "##### Planning  \n\nPlans at level III."}},
			post:  func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
			want: []want{
				{sev: ladder.Warning, line: 1, col: 1, msg: "(CRLF)"},
				warning("##### Planning  \r\n\r\nPlans at level III.", 15, `trailing white space in heading "Planning"`),
			},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				checkEqual(t, "description", testRole(t, fw).Description, "What a test engineer does.")
			},
		},
		{
			name: "lone CR line endings keep every later position",
			post: func(s string) string {
				return strings.ReplaceAll(strings.Replace(s, "##### Planning\n\nPlans at level III.", "#####Planning\n\nPlans at level III.", 1), "\n", "\r")
			},
			want: []want{
				{sev: ladder.Warning, line: 1, col: 1, msg: "(CR)"},
				warning("#####Planning\r\rPlans at level III.", 1, `no space after "#####" in heading "Planning"`),
			},
			check: checkValid,
		},
		{
			name:  "byte-order mark is dropped and not counted in columns",
			edits: []edit{{"#### Planning\n", "#### Planning \n"}},
			post:  func(s string) string { return "\ufeff" + s },
			extra: []File{{Path: "index.md", Data: []byte("\ufeff### Engineering  \n\n[Test engineer](/careers/career-pathways/test-engineer/)\n")}},
			want: []want{
				{sev: ladder.Warning, line: 1, col: 1, msg: "byte-order mark"},
				{sev: ladder.Warning, path: "index.md", line: 1, col: 1, msg: "byte-order mark"},
				{sev: ladder.Warning, path: "index.md", line: 1, col: 16, msg: `trailing white space in heading "Engineering"`},
				warning("#### Planning \n", 14, `trailing white space in heading "Planning"`),
			},
			check: func(t *testing.T, fw *ladder.Framework) {
				r := testRole(t, fw)
				checkEqual(t, "title", r.Title, "Test engineer")
				checkEqual(t, "family", r.Family, "Engineering")
				checkValid(t, fw)
			},
		},
		{
			name:  "level skill named with other case and punctuation is matched by name",
			edits: []edit{{"##### Security, privacy, and compliance\n\nSecures at level II.", "##### security, privacy & compliance\n\nSecures at level II."}},
			want:  []want{warning("##### security, privacy & compliance", 1, `skill heading "security, privacy & compliance" differs from the required skill "Security, privacy, and compliance"; matched by name`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				e := expectationOf(t, levelOf(t, testRole(t, fw), "ii"), "security-privacy-and-compliance")
				checkEqual(t, "expectation name", e.Name, "security, privacy & compliance")
			},
		},
		{
			name:  "level skill without the spelled-out words is matched by abbreviation",
			edits: []edit{{"##### User experience (UX) writing\n\nWrites UX copy at level II.", "##### UX writing\n\nWrites UX copy at level II."}},
			want:  []want{warning("##### UX writing", 1, `skill heading "UX writing" differs from the required skill "User experience (UX) writing"; matched by the abbreviation`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				e := expectationOf(t, levelOf(t, testRole(t, fw), "ii"), "user-experience-ux-writing")
				checkEqual(t, "expectation name", e.Name, "UX writing")
			},
		},
		{
			name: "level skill spelling out the required skill's abbreviation is matched by abbreviation",
			edits: []edit{
				{"#### User experience (UX) writing\n\nDefinition of User experience (UX) writing.", "#### UX writing\n\nDefinition of UX writing."},
				{"##### User experience (UX) writing\n\nWrites UX copy at level I.", "##### UX writing\n\nWrites UX copy at level I."},
				{"##### User experience (UX) writing\n\nWrites UX copy at level III.", "##### UX writing\n\nWrites UX copy at level III."},
			},
			want: []want{warning("##### User experience (UX) writing\n\nWrites UX copy at level II.", 1,
				`skill heading "User experience (UX) writing" differs from the required skill "UX writing"; matched by the abbreviation`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				r := testRole(t, fw)
				checkEqual(t, "skill 2 id", r.Skills[2].ID, "ux-writing")
				e := expectationOf(t, levelOf(t, r, "ii"), "ux-writing")
				checkEqual(t, "expectation name", e.Name, "User experience (UX) writing")
				checkEqual(t, "expectation text", e.Text, "Writes UX copy at level II.")
				checkEqual(t, "level ii skill 2", levelOf(t, r, "ii").Skills[2].SkillID, "ux-writing")
			},
		},
		{
			name:  "level skill renamed in place is matched by position",
			edits: []edit{{"##### Planning\n\nPlans at level II.", "##### Roadmapping\n\nPlans at level II."}},
			want:  []want{warning("##### Roadmapping", 1, `skill heading "Roadmapping" differs from the required skill "Planning"; matched by position`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				e := expectationOf(t, levelOf(t, testRole(t, fw), "ii"), "planning")
				checkEqual(t, "expectation name", e.Name, "Roadmapping")
			},
		},
		{
			name:  "front-matter key given twice takes the last value",
			edits: []edit{{"levels:\n", "description: A second description.\nlevels:\n"}},
			want:  []want{warning("description: A second", 1, `front-matter key "description" is given twice (also on line 3)`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkEqual(t, "description", testRole(t, fw).Description, "A second description.")
				checkValid(t, fw)
			},
		},
		{
			name:  "double-quoted role_level tag names its level",
			edits: []edit{{"level='ii'", `level="ii"`}},
			check: checkValid,
		},
		{
			name:  "role_level tag over several lines names its level",
			edits: []edit{{"{% include role_level.html level='ii' %}", "{%- include role_level.html\n    level='ii'\n-%}"}},
			check: checkValid,
		},
		{
			name:  "section without a role_level tag is matched by the level its heading names",
			edits: []edit{{"{% include role_level.html level='ii' %}\n", ""}},
			want:  []want{warning(levelII, 1, `section "Test engineer II" has no role_level tag; read as level II`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				checkEqual(t, "level ii title", levelOf(t, testRole(t, fw), "ii").Title, "Test engineer II")
			},
		},
		{
			name:  "missing skills-needed heading: skills start at the first skill",
			edits: []edit{{"Intro to level II.\n\n#### Skills needed for this level\n\n", "Intro to level II.\n\n"}},
			want:  []want{warning("##### Planning\n\nPlans at level II.", 1, `no "Skills needed for this level" heading before the skills of level "Test engineer II"`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				checkValid(t, fw)
				checkEqual(t, "level ii text", levelOf(t, testRole(t, fw), "ii").Text, "Intro to level II.")
			},
		},
		{
			name: "Liquid and kramdown markup never reach the prose",
			edits: []edit{{"Intro to level II.", "Intro to level II. {{ page.title }}\n" +
				"{% if site.x %}Shown{% endif %} words\n" +
				"{% assign y =\n   'multi' %}\n" +
				"{% comment %}\nSecret {{ words }}\n{% endcomment %}\n" +
				"{: .text-intro }\n\n" +
				"<div class=\"x\" markdown='1'>\n\nWrapped words.\n\n</div>\n\n" +
				"Last *line*{: .em }"}},
			check: func(t *testing.T, fw *ladder.Framework) {
				l := levelOf(t, testRole(t, fw), "ii")
				checkEqual(t, "level ii text", l.Text, "Intro to level II. Shown words\nWrapped words.\nLast line")
				checkEqual(t, "level ii html", l.HTML, "<p>Intro to level II.\nShown words</p>\n<p>Wrapped words.</p>\n<p>Last <em>line</em></p>")
				checkValid(t, fw)
			},
		},
		{
			name:  "raw HTML is escaped and its words kept",
			edits: []edit{{"Intro to level II.", "Intro to level II.\n\n<script>alert(1)</script>\n\nSome <b>bold</b> words."}},
			check: func(t *testing.T, fw *ladder.Framework) {
				l := levelOf(t, testRole(t, fw), "ii")
				checkContains(t, "level ii html", l.HTML, "&lt;script&gt;alert(1)&lt;/script&gt;", "Some &lt;b&gt;bold&lt;/b&gt; words.")
				checkLacks(t, "level ii html", l.HTML, "<script", "<b>")
				checkEqual(t, "level ii text", l.Text, "Intro to level II.\n<script>alert(1)</script>\nSome <b>bold</b> words.")
			},
		},
		{
			name: "links with unsafe schemes are dropped and their words kept",
			edits: []edit{{"Intro to level II.", "Intro to level II. [one](javascript:alert(1)) [two](JavaScript:alert(2)) " +
				"[three](data:text/html;base64,PHNjcmlwdD4=) [four](vbscript:msgbox)"}},
			check: func(t *testing.T, fw *ladder.Framework) {
				l := levelOf(t, testRole(t, fw), "ii")
				checkEqual(t, "level ii html", l.HTML, "<p>Intro to level II. one two three four</p>")
				checkEqual(t, "level ii text", l.Text, "Intro to level II. one two three four")
			},
		},
		{
			name: "links to the web, mail and the site itself stay",
			edits: []edit{{"Intro to level II.", "Intro to level II. [web](https://example.com/a?b=1) [plain](http://example.com/) " +
				"[mail](mailto:jobs@example.com) [page](/careers/) [near](../other/) <https://example.org/>"}},
			check: func(t *testing.T, fw *ladder.Framework) {
				l := levelOf(t, testRole(t, fw), "ii")
				checkContains(t, "level ii html", l.HTML,
					`<a href="https://example.com/a?b=1" rel="noreferrer">web</a>`,
					`<a href="http://example.com/" rel="noreferrer">plain</a>`,
					`<a href="mailto:jobs@example.com">mail</a>`,
					`<a href="/careers/">page</a>`,
					`<a href="../other/">near</a>`,
					`<a href="https://example.org/" rel="noreferrer">https://example.org/</a>`)
				checkEqual(t, "level ii text", l.Text, "Intro to level II. web plain mail page near https://example.org/")
			},
		},
		{
			name:  "images become links and fetch nothing",
			edits: []edit{{"Intro to level II.", "Intro to level II. ![The logo](/img/logo.png) ![x](javascript:alert(1))"}},
			check: func(t *testing.T, fw *ladder.Framework) {
				l := levelOf(t, testRole(t, fw), "ii")
				checkEqual(t, "level ii html", l.HTML, `<p>Intro to level II. <a href="/img/logo.png">The logo</a> x</p>`)
				checkLacks(t, "level ii html", l.HTML, "<img")
			},
		},
		{
			name: "sections after the last level are role notes",
			post: func(s string) string {
				return s + "## References\n\nSome references.\n\n## Attribution\n\nAdapted from [a guide](https://example.com/).\n"
			},
			check: func(t *testing.T, fw *ladder.Framework) {
				r := testRole(t, fw)
				checkValid(t, fw)
				if got, want := len(r.Notes), 2; got != want {
					t.Fatalf("notes: got %d, want %d", got, want)
				}
				checkEqual(t, "note 0 title", r.Notes[0].Title, "References")
				checkEqual(t, "note 0 text", r.Notes[0].Text, "Some references.")
				checkEqual(t, "note 1 title", r.Notes[1].Title, "Attribution")
				checkEqual(t, "note 1 text", r.Notes[1].Text, "Adapted from a guide.")
				checkEqual(t, "level iii text", levelOf(t, r, "iii").Text, "Intro to level III.")
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
}

func TestReadErrors(t *testing.T) {
	const fmEnd = "---\n\nTest engineer intro."
	// Without required skills, every skill of every level matches none.
	var noRequired []want
	for _, l := range []string{"I", "II", "III"} {
		for _, s := range testSkills {
			noRequired = append(noRequired, failure(fmt.Sprintf("##### %s\n\n%s at level %s.", s.name, s.verb, l), 1,
				fmt.Sprintf("skill %q at level %s matches no required skill", s.name, l)))
		}
	}
	noRequired = append(noRequired, failure("permalink:", 12, "no required skills"))
	twoSections := strings.Replace(basePage(), "  - III\n", "", 1)
	cases := []readCase{
		{
			name:  "YAML syntax error is reported on its line in the file",
			edits: []edit{{"description: What a test engineer does.", "description: What: a test engineer does."}},
			want:  []want{failure("description: What:", 1, "front matter is not valid YAML")},
			check: func(t *testing.T, fw *ladder.Framework) { checkEqual(t, "roles", len(fw.Roles), 0) },
		},
		{
			name:  "YAML syntax error in an indented line points at its first character",
			edits: []edit{{"  - II\n", "  - II\n    bad: x\n"}},
			want:  []want{failure("    bad: x", 5, "front matter is not valid YAML: mapping values are not allowed")},
		},
		{
			name:  "missing title",
			edits: []edit{{"title: Test engineer\n", ""}},
			want:  []want{failure("permalink:", 12, "missing title")},
		},
		{
			name:  "no levels key",
			edits: []edit{{"levels:\n  - I\n  - II\n  - III\n", ""}},
			want: []want{
				failure("permalink:", 12, "no levels"),
				failure("{% include role_level.html level='i' %}", 1, `the role_level tag names level "i"`),
				failure("{% include role_level.html level='ii' %}", 1, `the role_level tag names level "ii"`),
				failure("{% include role_level.html level='iii' %}", 1, `the role_level tag names level "iii"`),
			},
			check: func(t *testing.T, fw *ladder.Framework) { checkEqual(t, "levels", len(testRole(t, fw).Levels), 0) },
		},
		{
			name:  "empty levels list",
			edits: []edit{{"levels:\n  - I\n  - II\n  - III\n", "levels: []\n"}},
			want: []want{
				failure("permalink:", 12, "no levels"),
				failure("{% include role_level.html level='i' %}", 1, `the role_level tag names level "i"`),
				failure("{% include role_level.html level='ii' %}", 1, `the role_level tag names level "ii"`),
				failure("{% include role_level.html level='iii' %}", 1, `the role_level tag names level "iii"`),
			},
		},
		{
			name:  "level in the front matter without a section",
			edits: []edit{{"  - III\n", "  - III\n  - IV\n"}},
			want:  []want{failure("  - IV", 5, "level IV in the front matter has no section")},
			check: func(t *testing.T, fw *ladder.Framework) { checkLevelIDs(t, testRole(t, fw), "i", "ii", "iii") },
		},
		{
			name:  "role_level tag naming a level not in the front matter",
			edits: []edit{{"level='iii'", "level='iv'"}},
			want: []want{
				failure("{% include role_level.html level='iv' %}", 1, `the role_level tag names level "iv", which the front matter's levels (I, II, III) do not list`),
				failure("  - III", 5, "level III in the front matter has no section"),
			},
		},
		{
			name:  "role_level tag in the middle of a line points at its column",
			edits: []edit{{"{% include role_level.html level='iii' %}", "Level: {%- include role_level.html level=\"iv\" -%}"}},
			want: []want{
				failure("Level: {%-", 8, `the role_level tag names level "iv"`),
				failure("  - III", 5, "level III in the front matter has no section"),
			},
		},
		{
			name: "section without a tag whose heading names no level",
			edits: []edit{
				{"### Test engineer III\n", "### Top test engineer\n"},
				{"{% include role_level.html level='iii' %}\n", ""},
			},
			want: []want{
				failure("### Top test engineer", 1, `section "Top test engineer" has no {% include role_level.html level='…' %} tag and its heading names none of the levels (I, II, III)`),
				failure("  - III", 5, "level III in the front matter has no section"),
			},
		},
		{
			name: "two sections for one level",
			edits: []edit{
				{"level='iii'", "level='ii'"},
				{"  - III\n", ""},
			},
			want: []want{failure("### Test engineer III", 1, fmt.Sprintf("level II has a second section (the first is on line %d)", lineIn(twoSections, levelII)))},
		},
		{
			// The front matter lists one level twice in different cases;
			// the error must say so where the list does.
			name: "duplicate level ids",
			page: rolePage("Test engineer", "I", "Senior", "senior"),
			want: []want{failure("  - senior", 5, `duplicate level id "senior"`)},
		},
		{
			name:  "duplicate skill ids",
			edits: []edit{{"## Test engineer career pathway", "#### planning\n\nPlanning again.\n\n## Test engineer career pathway"}},
			want:  []want{failure("#### planning", 1, `duplicate skill id "planning"`)},
		},
		{
			name:  "level skill heading that matches no required skill",
			edits: []edit{{"##### Planning\n\nPlans at level II.", "##### Cooking\n\nCooks at level II.\n\n##### Planning\n\nPlans at level II."}},
			want:  []want{failure("##### Cooking", 1, `skill "Cooking" at level II matches no required skill`)},
			check: func(t *testing.T, fw *ladder.Framework) {
				l := levelOf(t, testRole(t, fw), "ii")
				checkEqual(t, "skills", len(l.Skills), 4)
				checkEqual(t, "last skill", l.Skills[3].SkillID, "cooking")
			},
		},
		{
			name:  "skill given twice at a level",
			edits: []edit{{"##### Planning\n\nPlans at level II.", "##### Planning\n\nPlans at level II.\n\n##### Planning\n\nPlans again."}},
			want:  []want{failure("##### Planning\n\nPlans again.", 1, `skill "Planning" appears twice at level II`)},
		},
		{
			name:  "required skill missing at a level",
			edits: []edit{{"##### Planning\n\nPlans at level II.\n\n", ""}},
			want:  []want{failure(levelII, 1, `level II is missing required skill "Planning"`)},
		},
		{
			name:  "no front matter",
			post:  func(s string) string { return s[strings.Index(s, fmEnd)+len("---\n\n"):] },
			want:  []want{{sev: ladder.Error, line: 1, col: 1, msg: "no front matter"}},
			check: func(t *testing.T, fw *ladder.Framework) { checkEqual(t, "roles", len(fw.Roles), 0) },
		},
		{
			name:  "unclosed front matter",
			edits: []edit{{fmEnd, "\nTest engineer intro."}},
			want:  []want{{sev: ladder.Error, line: 1, col: 1, msg: "never closed"}},
			check: func(t *testing.T, fw *ladder.Framework) { checkEqual(t, "roles", len(fw.Roles), 0) },
		},
		{
			name:  "file over the size limit",
			post:  func(s string) string { return s + strings.Repeat("x", MaxSize) },
			want:  []want{{sev: ladder.Error, line: 1, col: 1, msg: "2 MB"}},
			check: func(t *testing.T, fw *ladder.Framework) { checkEqual(t, "roles", len(fw.Roles), 0) },
		},
		{
			name:  "file at the size limit is read",
			post:  func(s string) string { return s + strings.Repeat("\n", MaxSize-len(s)) },
			check: checkValid,
		},
		{
			name:  "invalid UTF-8 is reported at its character",
			edits: []edit{{"Intro to level II.", "Intro to level II, café \xff."}},
			want:  []want{failure("Intro to level II, café", 25, "not UTF-8 text (byte 0xff)")},
			check: func(t *testing.T, fw *ladder.Framework) { checkEqual(t, "roles", len(fw.Roles), 0) },
		},
		{
			name: "unclosed Liquid tag",
			post: func(s string) string { return s + "See {{ page.title\n\nThe end.\n" },
			want: []want{failure("See {{", 5, `this Liquid tag is never closed: end it with "}}"`)},
		},
		{
			// Everything after an unclosed comment is hidden, so the error
			// must point at the comment, not only at what went missing.
			name:  "unclosed Liquid comment",
			edits: []edit{{"Writes UX copy at level III.", "Writes UX copy at level III.\n\n{% comment %}\nHidden."}},
			want:  []want{failure("{% comment %}", 1, "never closed")},
		},
		{
			name: "no required skills",
			edits: []edit{{"### Required skills\n\n#### Planning\n\nDefinition of Planning.\n\n" +
				"#### Security, privacy, and compliance\n\nDefinition of Security, privacy, and compliance.\n\n" +
				"#### User experience (UX) writing\n\nDefinition of User experience (UX) writing.\n\n", ""}},
			want: noRequired,
		},
		{
			name:  "one role id in two files",
			extra: []File{{Path: "copy.md", Data: []byte(basePage())}},
			want: []want{{sev: ladder.Error, path: "copy.md", at: "permalink:", col: 12,
				msg: `duplicate role id "test-engineer": test_engineer.md already defines it`}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
}

func TestReadIndex(t *testing.T) {
	index := "---\ntitle: Career pathways\n---\n\n{% include hero.html %}\n\n## Roles\n{: .mt-7 }\n\n" +
		"### Engineering\n{: .heading-mono }\n[Test engineer](/careers/career-pathways/test-engineer/)\n{: .font-lg }\n" +
		"[Nobody](/careers/career-pathways/nobody/)\n\n" +
		"### Design\n\n- [Designer](/careers/career-pathways/designer/ \"Designer\")\n- [Again](/careers/career-pathways/test-engineer/)\n"
	roles := []File{
		{Path: "analyst.md", Data: []byte(rolePage("Analyst", "I", "II", "III"))},
		{Path: "designer.md", Data: []byte(rolePage("Designer", "I", "II", "III"))},
		{Path: "test_engineer.md", Data: []byte(basePage())},
	}
	cases := []struct {
		name  string
		index string // the index's path
	}{
		{name: "index.md orders the roles", index: "index.md"},
		{name: "index.md under a Windows path is still the index", index: `site\index.md`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := append([]File{{Path: c.index, Data: []byte(index)}}, roles...)
			fw, diags := Read(files)
			checkDiags(t, files, diags, []want{
				{sev: ladder.Warning, path: c.index, at: "[Nobody]", col: 1, msg: `the index lists role "nobody", which no page defines`},
				{sev: ladder.Warning, path: c.index, at: "[Again]", col: 3, msg: `the index lists role "test-engineer" again; it stays under "Engineering"`},
			})
			var got []string
			for _, r := range fw.Roles {
				got = append(got, r.Family+"/"+r.ID)
			}
			if got, want := strings.Join(got, " "), "Engineering/test-engineer Design/designer /analyst"; got != want {
				t.Errorf("roles: got %s, want %s", got, want)
			}
			var fams []string
			for _, f := range fw.Families {
				fams = append(fams, f.Name+":"+strings.Join(f.Roles, ","))
			}
			if got, want := strings.Join(fams, " "), "Engineering:test-engineer Design:designer"; got != want {
				t.Errorf("families: got %s, want %s", got, want)
			}
		})
	}
}
