package assess

import (
	"encoding/json"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
)

// StoreKey is the browser storage key of the saved assessments, and
// StoreVersion the version of the document saved there.
const (
	StoreKey     = "ladder-explorer/assessments"
	StoreVersion = current
)

// Store is the document the app keeps in the browser's storage.
type Store struct {
	Version     int                 `json:"version"`
	Assessments []ladder.Assessment `json:"assessments"`
}

// Loaded is a store read from storage, with what went wrong reading it.
type Loaded struct {
	Store Store
	// Notes say what could not be read or was repaired.
	Notes []Problem
	// Damaged is true when what was saved is not exactly what Store holds:
	// the app must keep the saved text aside before it saves over it, so
	// that nothing is lost.
	Damaged bool
	// ReadOnly is true when the saved document is of a newer version than
	// this app reads: the app must not save over it.
	ReadOnly bool
}

// Load reads the saved document. It never fails: it keeps every
// assessment it can read and says what it could not.
func Load(saved string) Loaded {
	var l Loaded
	l.Store.Version = StoreVersion
	if strings.TrimSpace(saved) == "" {
		return l
	}
	var doc struct {
		Version     int               `json:"version"`
		Assessments []json.RawMessage `json:"assessments"`
	}
	if err := json.Unmarshal([]byte(saved), &doc); err != nil {
		l.Damaged = true
		l.Notes = append(l.Notes, Problem{Code: StoreDamaged, Detail: jsonProblem(err)})
		return l
	}
	if doc.Version > StoreVersion {
		l.ReadOnly = true
		l.Notes = append(l.Notes, Problem{Code: StoreNewer, N: doc.Version})
	}
	for i, raw := range doc.Assessments {
		var a ladder.Assessment
		if err := json.Unmarshal(raw, &a); err != nil || strings.TrimSpace(a.ID) == "" {
			l.Damaged = true
			l.Notes = append(l.Notes, Problem{Code: StoreLost, N: i + 1})
			continue
		}
		if doc.Version < StoreVersion {
			migrate(&a, max(doc.Version, 1)) // a document that says no version is read as the first
		}
		if repair(&a) {
			l.Damaged = true
			l.Notes = append(l.Notes, Problem{Code: StoreCut, Name: a.Name, Limit: ladder.MaxNote})
		}
		l.Store.Assessments = append(l.Store.Assessments, a)
	}
	return l
}

// repair makes a readable assessment valid: answers present, notes within
// bounds. It reports whether it changed anything.
func repair(a *ladder.Assessment) bool {
	if a.Answers == nil {
		a.Answers = map[string]ladder.Answer{}
	}
	changed := false
	for id, ans := range a.Answers {
		if cut := ladder.CutNote(ans.Note); cut != ans.Note {
			ans.Note = cut
			a.Answers[id] = ans
			changed = true
		}
	}
	return changed
}

// Save writes the store as it is kept in storage.
func Save(s Store) string {
	s.Version = StoreVersion
	if s.Assessments == nil {
		s.Assessments = []ladder.Assessment{}
	}
	b, _ := json.Marshal(s) // strings and maps of strings always encode
	return string(b)
}
