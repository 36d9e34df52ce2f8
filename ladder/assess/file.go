// Package assess reads and writes self-assessments: the export file a
// person downloads and imports again, and the versioned document the app
// keeps in the browser's storage. Everything here refuses bad input with a
// Problem the app words for the person to act on, and never loses what it
// can still read.
package assess

import (
	"bytes"
	"encoding/json"
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

// Import reads an export file. hasRole says whether the ladder has a role.
// The whole file is refused, with the reason (an *ImportError), if it is too big, not JSON,
// not an export of this app, of a version this app cannot read, or if any
// assessment in it is for a role the ladder does not have or is malformed.
func Import(data []byte, hasRole func(id string) bool) ([]ladder.Assessment, error) {
	if len(data) > MaxFile {
		return nil, refuse(Problem{Code: FileTooBig, N: len(data), Limit: MaxFile})
	}
	if !utf8.Valid(data) {
		return nil, refuse(Problem{Code: FileNotText})
	}
	var head struct {
		Schema  *string `json:"schema"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, refuse(Problem{Code: FileNotJSON, Detail: jsonProblem(err)})
	}
	switch {
	case head.Schema == nil || *head.Schema != Schema:
		return nil, refuse(Problem{Code: FileNotExport})
	case head.Version == nil:
		return nil, refuse(Problem{Code: FileNoVersion})
	case *head.Version > Version:
		return nil, refuse(Problem{Code: FileNewer, N: *head.Version, Limit: Version})
	case *head.Version < 1:
		return nil, refuse(Problem{Code: FileBadFormat, N: *head.Version})
	}
	// A field File does not have is a hand edit or another program's: the
	// file is refused rather than read without it.
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, refuse(Problem{Code: FileDamaged, Detail: jsonProblem(err)})
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
	switch {
	case strings.TrimSpace(a.ID) == "":
		return refuse(Problem{Code: FileNoID, Name: a.Name})
	case !hasRole(a.Role):
		return refuse(Problem{Code: FileNoRole, Name: a.Name, Role: a.Role})
	}
	if a.Answers == nil {
		a.Answers = map[string]ladder.Answer{}
	}
	for skill, ans := range a.Answers {
		if n := utf8.RuneCountInString(ans.Note); n > ladder.MaxNote {
			return refuse(Problem{Code: FileLongNote, Name: a.Name, Skill: skill, N: n, Limit: ladder.MaxNote})
		}
	}
	return nil
}
