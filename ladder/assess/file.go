// Package assess reads and writes self-assessments: the export file a
// person downloads and imports again, and the versioned document the app
// keeps in the browser's storage. Everything here refuses bad input with a
// message a person can act on, and never loses what it can still read.
package assess

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ladder-explorer/ladder/ladder"
)

// Schema names the export file's format; Version is the format's version
// this code writes and reads.
const (
	Schema  = "ladder-explorer/assessments"
	Version = current
)

// MaxFile is the largest export file Import reads.
const MaxFile = 1 << 20

// File is the export file: a JSON document.
type File struct {
	Schema  string `json:"schema"`
	Version int    `json:"version"`
	// Exported is when the file was written, RFC 3339.
	Exported    string              `json:"exported"`
	Assessments []ladder.Assessment `json:"assessments"`
}

// Export writes assessments as an export file.
func Export(as []ladder.Assessment, now string) []byte {
	if as == nil {
		as = []ladder.Assessment{}
	}
	b, _ := json.MarshalIndent(File{Schema: Schema, Version: Version, Exported: now, Assessments: as}, "", "  ")
	return append(b, '\n')
}

// ImportError is why a file cannot be imported, in words for the person
// importing it.
type ImportError struct{ Reason string }

func (e *ImportError) Error() string { return e.Reason }

func refuse(format string, args ...any) error {
	return &ImportError{Reason: fmt.Sprintf(format, args...)}
}

// Import reads an export file. hasRole says whether the ladder has a role.
// The whole file is refused, with the reason, if it is too big, not JSON,
// not an export of this app, of a version this app cannot read, or if any
// assessment in it is for a role the ladder does not have or is malformed.
func Import(data []byte, hasRole func(id string) bool) ([]ladder.Assessment, error) {
	if len(data) > MaxFile {
		return nil, refuse("The file is %s: an export is at most 1 MB, so this is not one.", size(len(data)))
	}
	if !utf8.Valid(data) {
		return nil, refuse("The file is not text: choose a .json file exported by this app.")
	}
	var head struct {
		Schema  *string `json:"schema"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, refuse("The file is not valid JSON (%s): choose a .json file exported by this app.", jsonProblem(err))
	}
	switch {
	case head.Schema == nil || *head.Schema != Schema:
		return nil, refuse("The file is JSON, but not an assessment exported by this app.")
	case head.Version == nil:
		return nil, refuse("The file says no version: it was not written by this app.")
	case *head.Version > Version:
		return nil, refuse("The file was written by a newer version of this app (format %d); this one reads format %d. Update the app and import it again.", *head.Version, Version)
	case *head.Version < 1:
		return nil, refuse("The file's format version %d does not exist.", *head.Version)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, refuse("The file is an export, but damaged (%s).", jsonProblem(err))
	}
	if k := unknownField(data); k != "" {
		return nil, refuse("The file is an export, but damaged (json: unknown field %q).", k)
	}
	for i := range f.Assessments {
		if err := check(&f.Assessments[i], hasRole); err != nil {
			return nil, err
		}
		migrate(&f.Assessments[i], f.Version)
	}
	return f.Assessments, nil
}

// check refuses a malformed assessment, and fills in what can be missing.
func check(a *ladder.Assessment, hasRole func(string) bool) error {
	name := a.Name
	if name == "" {
		name = "(no name)"
	}
	switch {
	case strings.TrimSpace(a.ID) == "":
		return refuse("The assessment %q has no id: the file is damaged.", name)
	case !hasRole(a.Role):
		return refuse("The assessment %q is for the role %q, which this ladder does not have.", name, a.Role)
	}
	if a.Answers == nil {
		a.Answers = map[string]ladder.Answer{}
	}
	for skill, ans := range a.Answers {
		if n := utf8.RuneCountInString(ans.Note); n > ladder.MaxNote {
			return refuse("In %q, the note on %q is %d characters; notes are at most %d.", name, skill, n, ladder.MaxNote)
		}
	}
	return nil
}

// jsonProblem says where JSON went wrong, briefly.
func jsonProblem(err error) string {
	// encoding/json returns these unwrapped; a type switch, unlike
	// errors.As, keeps reflection out of app.wasm.
	switch e := err.(type) {
	case *json.SyntaxError:
		return fmt.Sprintf("at byte %d: %v", e.Offset, e)
	case *json.UnmarshalTypeError:
		return fmt.Sprintf("%s should be %s", e.Field, e.Type)
	}
	return err.Error()
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// The fields an export's objects have. A field beyond them is a hand edit
// or another program's, and the file is refused rather than read without
// it. (json.Decoder's DisallowUnknownFields would do the same, at the cost
// of the Decoder in app.wasm.)
var (
	fileFields       = []string{"schema", "version", "exported", "assessments"}
	assessmentFields = []string{"id", "name", "role", "created", "updated", "target", "answers"}
	answerFields     = []string{"placed", "level", "note", "skill", "text", "fingerprint"}
)

// unknownField returns the first field of data, a valid export, that File
// does not have, or "".
func unknownField(data []byte) string {
	var file map[string]json.RawMessage
	var assessments []map[string]json.RawMessage
	if json.Unmarshal(data, &file) != nil || json.Unmarshal(file["assessments"], &assessments) != nil {
		return "" // not objects where File has them: Unmarshal said so
	}
	if k := extra(file, fileFields); k != "" {
		return k
	}
	for _, a := range assessments {
		if k := extra(a, assessmentFields); k != "" {
			return k
		}
		var answers map[string]map[string]json.RawMessage
		_ = json.Unmarshal(a["answers"], &answers) // its shape was checked with File
		for _, ans := range answers {
			if k := extra(ans, answerFields); k != "" {
				return k
			}
		}
	}
	return ""
}

// extra is a key of obj that is not one of known, or "".
func extra(obj map[string]json.RawMessage, known []string) string {
	for k := range obj {
		if !slices.Contains(known, k) {
			return k
		}
	}
	return ""
}
