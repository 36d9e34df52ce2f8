package assess

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/ladder"
)

func TestStoreRoundTrip(t *testing.T) {
	saved := Save(Store{Assessments: sample()})
	l := Load(saved)
	if l.Damaged || l.ReadOnly || len(l.Notes) != 0 || len(l.Store.Assessments) != 1 {
		t.Fatalf("Load(Save(x)) = %+v", l)
	}
	if again := Save(l.Store); again != saved {
		t.Errorf("save, load, save is not stable:\n%s\n%s", saved, again)
	}
	if empty := Load(""); empty.Damaged || len(empty.Store.Assessments) != 0 || empty.Store.Version != StoreVersion {
		t.Errorf("nothing saved: %+v", empty)
	}
}

func TestStoreRecovers(t *testing.T) {
	good := Save(Store{Assessments: sample()})
	second := strings.Replace(good, `"assessments":[`, `"assessments":[{"id":"b","name":"Broken","answers":"not a map"},`, 1)
	long := strings.Replace(good, `Pipelines — “blue-green” next`, strings.Repeat("x", ladder.MaxNote+50), 1)
	tests := []struct {
		name              string
		saved             string
		kept              int
		damaged, readOnly bool
		note              Problem
	}{
		{"not JSON", "{oops", 0, true, false, Problem{Code: StoreDamaged, Detail: "at byte 2: invalid character 'o' looking for beginning of object key string"}},
		{"hand-edited to a string", `"hello"`, 0, true, false, Problem{Code: StoreDamaged, Detail: " should be struct { Version int \"json:\\\"version\\\"\"; Assessments []json.RawMessage \"json:\\\"assessments\\\"\" }"}},
		{"one assessment broken", second, 1, true, false, Problem{Code: StoreLost, N: 1}},
		{"an assessment without an id", strings.Replace(good, `"id":"a1"`, `"id":""`, 1), 0, true, false, Problem{Code: StoreLost, N: 1}},
		{"a huge note", long, 1, true, false, Problem{Code: StoreCut, Name: "Before review, Nov 2026", Limit: ladder.MaxNote}},
		{"a newer version", replaceOnce(t, good, `"version":`+strconv.Itoa(StoreVersion), `"version":9`), 1, false, true, Problem{Code: StoreNewer, N: 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Load(tt.saved)
			if len(l.Store.Assessments) != tt.kept || l.Damaged != tt.damaged || l.ReadOnly != tt.readOnly {
				t.Fatalf("kept %d, damaged %v, read-only %v; want %d, %v, %v", len(l.Store.Assessments), l.Damaged, l.ReadOnly, tt.kept, tt.damaged, tt.readOnly)
			}
			if !slices.Contains(l.Notes, tt.note) {
				t.Errorf("notes %+v lack %+v", l.Notes, tt.note)
			}
		})
	}
	l := Load(long)
	if n := len([]rune(l.Store.Assessments[0].Answers["continuous-delivery"].Note)); n != ladder.MaxNote {
		t.Errorf("a huge note became %d characters, want %d", n, ladder.MaxNote)
	}
}
