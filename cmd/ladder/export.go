package main

import (
	"context"
	"encoding/json"
	"io"
)

// export prints the content's model as JSON on stdout, and its diagnostics
// on stderr. Content with errors is not exported: status 1, nothing on
// stdout.
func export(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fw, err := loadValid("export", "exported", args, stderr)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(fw)
}
