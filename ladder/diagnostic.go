package ladder

import (
	"cmp"
	"slices"
	"strconv"
)

// Pos is a place in a source file: line and column count from 1, the column
// in characters as an editor shows them. The zero Pos means "no place".
type Pos struct {
	Line int
	Col  int
}

// Severity tells whether a diagnostic stops the content from being used.
type Severity int

// Severities, from the mildest.
const (
	// Warning is a problem the reader repaired, as a person reading the page
	// would have.
	Warning Severity = iota
	// Error is a problem that leaves the model wrong or incomplete.
	Error
)

// String returns "error" or "warning", as diagnostics print it.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one problem found in the content.
type Diagnostic struct {
	Path     string
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats the diagnostic as path:line:col: severity: message, or
// path: severity: message when it has no place in the file.
func (d Diagnostic) String() string {
	if d.Pos.Line == 0 {
		return d.Path + ": " + d.Severity.String() + ": " + d.Message
	}
	return d.Path + ":" + strconv.Itoa(d.Pos.Line) + ":" + strconv.Itoa(d.Pos.Col) + ": " + d.Severity.String() + ": " + d.Message
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// SortDiagnostics orders diagnostics by path, then position, keeping the
// order in which equal places were reported.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
}
