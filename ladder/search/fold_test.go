package search

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"case", "DevOps Engineer", "devops engineer"},
		{"diacritics", "Café naïve Ångström", "cafe naive angstrom"},
		{"decomposed diacritics", "Cafe\u0301", "cafe"},
		{"letters that fold to two", "Straße Œuvre", "strasse oeuvre"},
		{"capital with diacritic", "ÉCOLE", "ecole"},
		{"typographic quotes", "“quoted” ‘single’ it’s", `"quoted" 'single' it's`},
		{"dashes", "end–to—end − x", "end-to-end - x"},
		{"other scripts kept", "Инженер", "инженер"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"spaces and punctuation split", "Plan, build; ship.", []string{"plan", "build", "ship"}},
		{"an apostrophe inside a word joins it", "Skylight’s team's", []string{"skylights", "teams"}},
		{"a quote around a word does not", "'quoted' ‘word’", []string{"quoted", "word"}},
		{"dashes and slashes split", "end-to-end CI/CD", []string{"end", "to", "end", "ci", "cd"}},
		{"digits are words", "Go 1.26", []string{"go", "1", "26"}},
		{"nothing", " – ", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := words(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []Term
	}{
		{"words", "Terraform  mentoring", []Term{{Words: []string{"terraform"}}, {Words: []string{"mentoring"}}}},
		{"a closed phrase is exact", `"incident response" plan`, []Term{{Words: []string{"incident", "response"}, Exact: true}, {Words: []string{"plan"}}}},
		{"typographic quotes", "“Incident Response”", []Term{{Words: []string{"incident", "response"}, Exact: true}}},
		{"an open phrase runs to the end", `plan "incident resp`, []Term{{Words: []string{"plan"}}, {Words: []string{"incident", "resp"}}}},
		{"inner punctuation makes a phrase", "end-to-end", []Term{{Words: []string{"end", "to", "end"}}}},
		{"punctuation alone is nothing", `- "" ,`, nil},
		{"empty", "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.in).Terms
			if len(got) != len(tt.want) {
				t.Fatalf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			for i := range got {
				if !slices.Equal(got[i].Words, tt.want[i].Words) || got[i].Exact != tt.want[i].Exact {
					t.Errorf("Parse(%q) term %d = %+v, want %+v", tt.in, i, got[i], tt.want[i])
				}
			}
		})
	}
}
