package ladder

import (
	"strings"
	"testing"
)

// summary is a diff's phrases in one line, as the app words them
// ("adds: …; drops: …", or "no change"), so that the tables read as the
// app shows them.
func summary(d TextDiff) string {
	var parts []string
	if p := d.Phrases(Added); len(p) > 0 {
		parts = append(parts, "adds: "+strings.Join(p, ", "))
	}
	if p := d.Phrases(Dropped); len(p) > 0 {
		parts = append(parts, "drops: "+strings.Join(p, ", "))
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, "; ")
}

// marked writes a diff as text, added runs as [+…+] and dropped ones as
// [-…-].
func marked(d TextDiff) string {
	var b strings.Builder
	for _, s := range d.Spans {
		switch s.Change {
		case Added:
			b.WriteString("[+" + s.Text + "+]")
		case Dropped:
			b.WriteString("[-" + s.Text + "-]")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, old, new, want, summary string
	}{
		{"identical", "You build pipelines.", "You build pipelines.", "You build pipelines.", "no change"},
		{"both empty", "", "", "", "no change"},
		{"old empty", "", "You build pipelines.", "[+You build pipelines.+]", "adds: You build pipelines"},
		{"new empty", "You build pipelines.", "", "[-You build pipelines.-]", "drops: You build pipelines"},
		{"a word added", "You build pipelines.", "You build robust pipelines.", "You build [+robust+] pipelines.", "adds: robust"},
		{"a word replaced", "You build pipelines.", "You design pipelines.", "You[- build-] [+design+] pipelines.", "adds: design; drops: build"},
		{"punctuation only", "You build pipelines.", "You build pipelines!", "You build pipelines[-.-][+!+]", "no change"},
		{"comma inside", "You plan, build and ship.", "You plan, design, build and ship.", "You plan, [+design,+] build and ship.", "adds: design"},
		{"apostrophe shapes are equal", "You’re adept at it.", "You're adept at it.", "You're adept at it.", "no change"},
		{"curly quotes are equal", "A “blue-green” deploy.", `A "blue-green" deploy.`, `A "blue-green" deploy.`, "no change"},
		{"joined words stay whole", "loosely-coupled systems", "tightly-coupled systems", "[-loosely-coupled-][+tightly-coupled+] systems", "adds: tightly-coupled; drops: loosely-coupled"},
		{"reordered sentences", "You test. You ship.", "You ship. You test.", "You[- test. You ship-] [+ship. You test+].", "adds: ship. You test; drops: test. You ship"},
		{"an island of small words joins the change", "You understand how to build and maintain CI/CD pipelines.", "You understand how to reduce cycle time and keep confidence.",
			"You understand how to[- build and maintain CI/CD pipelines-] [+reduce cycle time and keep confidence+].", "adds: reduce cycle time and keep confidence; drops: build and maintain CI/CD pipelines"},
		{"a word dropped", "You build robust pipelines.", "You build pipelines.", "You build[- robust-] pipelines.", "drops: robust"},
		{"paragraphs keep their breaks", "One.\nTwo.", "One.\nTwo.\nThree.", "One.\nTwo.\n[+Three.+]", "adds: Three"},
		{"white space only", "You  build\npipelines.", "You build pipelines.", "You build pipelines.", "no change"},
		{"unicode words", "Vous gérez l’équipe.", "Vous gérez l’équipe élargie.", "Vous gérez l’équipe [+élargie+].", "adds: élargie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diff(tt.old, tt.new)
			if got := marked(d); got != tt.want {
				t.Errorf("Diff(%q, %q)\n got %q\nwant %q", tt.old, tt.new, got, tt.want)
			}
			if got := summary(d); got != tt.summary {
				t.Errorf("summary = %q, want %q", got, tt.summary)
			}
			if got := d.New(); got != tt.new && strings.Map(foldQuote, got) != strings.Map(foldQuote, tt.new) {
				t.Errorf("New() = %q, want %q", got, tt.new)
			}
			if got := d.Changed(); got != (tt.old != tt.new && strings.Join(strings.Fields(strings.Map(foldQuote, tt.old)), " ") != strings.Join(strings.Fields(strings.Map(foldQuote, tt.new)), " ")) {
				t.Errorf("Changed() = %v", got)
			}
		})
	}
}
