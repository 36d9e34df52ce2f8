package app

import (
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestElements renders the element helpers as go-app prerenders them.
// go-app writes attributes in map order, so the test looks for each one.
func TestElements(t *testing.T) {
	noop := func(app.Context, app.Event) {}
	tests := []struct {
		name      string
		ui        app.UI
		start     string   // the start of the HTML
		has, lack []string // attributes and content present and absent
	}{
		{"children, with nil ones left out",
			el("p", attrs{"class", "lead"}, txt("em", nil, "a"), when(false, txt("b", nil, "gone")), app.Text("b")),
			`<p class="lead">`, []string{"<em>a</em>", "\nb\n</p>"}, []string{"gone"}},
		{"boolean attribute on", option("x", "X", true), "<option ", []string{` value="x"`, ` selected`, ">X</option>"}, nil},
		{"boolean attribute off is absent", option("", "None", false), "<option ", []string{` value`, ">None</option>"}, []string{"selected"}},
		{"void element, with an empty attribute kept", void("img", attrs{"alt", "", "src", "/i.svg"}, "", nil), "<img ", []string{" alt", ` src="/i.svg"`}, []string{"</img>"}},
		{"void element with a handler", void("input", attrs{"type", "range", "disabled", flag(false)}, "input", noop), "<input ", []string{` type="range"`}, []string{"disabled", "</input>"}},
		{"button", button(attrs{"id", "go", "disabled", flag(true)}, "Go", noop), "<button ", []string{` type="button"`, ` id="go"`, " disabled", ">Go</button>"}, nil},
		{"listen keeps its children", listen("select", attrs{"id", "s"}, "change", noop, option("a", "A", false)), `<select id="s">`, []string{`<option value="a">A</option></select>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := app.HTMLString(tt.ui)
			if !strings.HasPrefix(got, tt.start) {
				t.Errorf("%s: want it to start with %s", got, tt.start)
			}
			for _, s := range tt.has {
				if !strings.Contains(got, s) {
					t.Errorf("%s: want %q in it", got, s)
				}
			}
			for _, s := range tt.lack {
				if strings.Contains(got, s) {
					t.Errorf("%s: want no %q in it", got, s)
				}
			}
		})
	}
}

func TestEach(t *testing.T) {
	got := each(3, func(i int) app.UI { return txt("li", nil, string(rune('a'+i))) })
	if len(got) != 3 || app.HTMLString(got[0]) != "<li>a</li>" || app.HTMLString(got[2]) != "<li>c</li>" {
		t.Errorf("each(3, …) = %d items", len(got))
	}
	if got := each(0, nil); len(got) != 0 {
		t.Errorf("each(0, nil) = %d items, want none", len(got))
	}
}

func TestEscapeText(t *testing.T) {
	if got, want := escapeText(`R&D <ops> "x"`), `R&amp;D &lt;ops&gt; &#34;x&#34;`; got != want {
		t.Errorf("escapeText = %q, want %q", got, want)
	}
}

func TestChartSVG(t *testing.T) {
	r := &ladder.Role{Levels: []ladder.Level{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}}
	ps := []ladder.Placement{
		{Skill: &ladder.Skill{Name: "R&D <ops>"}, Answered: true, Level: 1},
		{Skill: &ladder.Skill{Name: "Unplaced"}},
	}
	got := chartSVG(r, ps, "d")
	for _, want := range []string{
		`viewBox="0 0 600 70"`,
		`<text class="chart-label" x="0" y="23">R&amp;D &lt;ops&gt;</text>`,
		`<rect class="chart-track" x="230" y="9" width="360" height="18"/>`,
		`<rect class="chart-bar" x="230" y="9" width="180.0" height="18"/>`,
		`<rect class="chart-bar" x="230" y="39" width="0.0" height="18"/>`,
		`<line class="chart-target" x1="590.0" x2="590.0" y1="0" y2="70"/>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the chart lacks %s:\n%s", want, got)
		}
	}
}
