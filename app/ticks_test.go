package app

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestShortName(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"Associate", "Assoc."},
		{"Principal", "Princ."},
		{"Practitioner", "Pract."},
		{"Distinguished", "Dist."},
		{"Engineer", "Eng."},
		{"Intermediate", "Int."},
		{"Apprentice", "Appr."},
		{"Senior", "Sen."},
		{"Manager", "Mgr."},
		{"associate", "assoc."},
		{"Senior staff", "Sen. staff"},
		{"Senior-principal", "Sen.-princ."},
		{"Staff", "Staff"},
		{"Lead", "Lead"},
		{"II", "II"},
		{"Level 10", "Level 10"},
		{"Expert", "Exp."},
		{"Strong", "Strong"}, // "Stron." would be no shorter
		{"Élève", "Élève"},
		{"Spécialiste", "Spéc."},
		{"工程师", "工程师"},
		{"", ""},
	} {
		if got := shortName(tt.name); got != tt.want {
			t.Errorf("shortName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestTicksFit(t *testing.T) {
	for _, tt := range []struct {
		names []string
		want  string
	}{
		{[]string{"I", "II", "III"}, ""}, // no short forms: nothing to switch
		{[]string{"Staff", "Lead"}, ""},
		{[]string{"Junior", "Intermediate", "Senior"}, "16"},
		{[]string{"Associate", "I", "II", "Senior", "Staff", "Principal"}, "28"},
		{[]string{"Associate", "Engineer", "Senior", "Staff", "Principal", "Distinguished"}, "44"},
		{[]string{"Associate", "Practitioner", "Senior", "Lead", "Principal"}, "32"},
		{[]string{"Associate engineer", "Engineer", "Senior engineer", "Staff engineer", "Principal engineer", "Distinguished engineer"}, "always"},
	} {
		if got := ticksFit(tt.names); got != tt.want {
			t.Errorf("ticksFit(%q) = %q (%.1f rem), want %q", tt.names, got, ticksNeed(tt.names), tt.want)
		}
	}
}

// TestTicksNeedGrows checks the estimate's sense: longer names, or more of
// them, need a wider slider.
func TestTicksNeedGrows(t *testing.T) {
	base := []string{"Associate", "Senior", "Principal"}
	if a, b := ticksNeed(base), ticksNeed([]string{"Associate", "Senior", "Principal engineer"}); b <= a {
		t.Errorf("a longer last name needs %.1f rem, no more than %.1f", b, a)
	}
	if a, b := ticksNeed(base), ticksNeed([]string{"Associate", "Senior", "Staff", "Principal"}); b <= a {
		t.Errorf("a level more needs %.1f rem, no more than %.1f", b, a)
	}
	if got := ticksNeed([]string{"Only"}); got != 0 {
		t.Errorf("one level needs %.1f rem, want 0 (it has no slider)", got)
	}
}

// TestTicksStylesheet checks that the stylesheet has a container query for
// each width data-fit takes, and the measures ticksNeed counts on.
func TestTicksStylesheet(t *testing.T) {
	b, err := os.ReadFile("../web/static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	for _, w := range tickWidths {
		n := strconv.Itoa(w)
		rule := "@container slider (width < " + n + "rem) { .ticks[data-fit=\"" + n + "\"] {"
		if !strings.Contains(css, rule) {
			t.Errorf("the stylesheet lacks %s", rule)
		}
	}
	for _, want := range []string{
		`.ticks[data-fit="always"] {`,
		"--slider-pad: 0.75rem;", // tickOut: the padding but a quarter
		"--tick-out: calc(var(--slider-pad) - 0.25rem);",
		"font-size: 0.9rem;\n  white-space: nowrap;", // tickFont
		"min-width: 1.5rem;",                         // tickLeast
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the stylesheet lacks %q, which ticksNeed counts on", want)
		}
	}
}
