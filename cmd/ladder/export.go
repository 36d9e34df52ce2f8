package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ladder-explorer/ladder/ladder"
)

// export prints the content's model as JSON on stdout, and its diagnostics
// on stderr. Content with errors is not exported: status 1, nothing on
// stdout.
func export(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fw, diags, err := loadContent("export", args, stderr)
	if err != nil {
		return err
	}
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if ladder.HasErrors(diags) {
		fmt.Fprintln(stderr, "ladder: export: the content has errors; nothing exported")
		return exitError{1}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(fw)
}
