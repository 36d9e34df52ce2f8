package assess

import (
	"encoding/json"
	"strconv"
)

// A Problem is why Import refused a file, or what Load could not read: a
// code and the data a sentence about it needs. The app words it (the
// domain has no sentences, so that a translation has one place to go).
type Problem struct {
	Code ProblemCode
	// Name is the assessment's name, Role a role's ID and Skill a skill's
	// ID, for the codes that concern one.
	Name, Role, Skill string
	// N and Limit are numbers the code says the meaning of.
	N, Limit int
	// Detail is where JSON went wrong, in encoding/json's words.
	Detail string
}

// ProblemCode names a kind of Problem.
type ProblemCode string

// The problems of an export file Import refuses.
const (
	FileTooBig    ProblemCode = "file-too-big"    // N: the file's size in bytes; Limit: MaxFile
	FileNotText   ProblemCode = "file-not-text"   // not UTF-8
	FileNotJSON   ProblemCode = "file-not-json"   // Detail
	FileNotExport ProblemCode = "file-not-export" // JSON, without this app's schema
	FileNoVersion ProblemCode = "file-no-version"
	FileNewer     ProblemCode = "file-newer"          // N: the file's format; Limit: Version
	FileBadFormat ProblemCode = "file-bad-format"     // N: a format number below 1
	FileDamaged   ProblemCode = "file-damaged"        // Detail
	FileNoID      ProblemCode = "file-no-id"          // Name (may be empty)
	FileNoRole    ProblemCode = "file-no-role"        // Name, Role: a role the ladder lacks
	FileLongNote  ProblemCode = "file-long-note"      // Name, Skill, N: its length; Limit: ladder.MaxNote
	StoreDamaged  ProblemCode = "store-damaged"       // Detail: the saved document is not JSON
	StoreNewer    ProblemCode = "store-newer"         // N: the saved document's version
	StoreLost     ProblemCode = "store-entry-damaged" // N: the position, from 1, of an assessment that could not be read
	StoreCut      ProblemCode = "store-notes-cut"     // Name; Limit: ladder.MaxNote
)

// ImportError is Import's refusal.
type ImportError struct{ Problem Problem }

func (e *ImportError) Error() string { return "import refused: " + string(e.Problem.Code) }

func refuse(p Problem) error { return &ImportError{Problem: p} }

// jsonProblem says where JSON went wrong, briefly.
func jsonProblem(err error) string {
	// encoding/json returns these unwrapped; a type switch, unlike
	// errors.As, keeps reflection out of app.wasm.
	switch e := err.(type) {
	case *json.SyntaxError:
		return "at byte " + strconv.FormatInt(e.Offset, 10) + ": " + e.Error()
	case *json.UnmarshalTypeError:
		return e.Field + " should be " + e.Type.String()
	}
	return err.Error()
}
