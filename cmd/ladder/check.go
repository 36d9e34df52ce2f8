package main

import (
	"context"
	"fmt"
	"io"

	"github.com/ladder-explorer/ladder/ladder"
)

// check prints every diagnostic of the content, one a line, and a summary
// on stderr. It fails with status 1 when any diagnostic is an error.
func check(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fw, diags, err := loadContent("check", args, stderr)
	if err != nil {
		return err
	}
	errs := 0
	for _, d := range diags {
		fmt.Fprintln(stdout, d)
		if d.Severity == ladder.Error {
			errs++
		}
	}
	levels := 0
	for _, r := range fw.Roles {
		levels += len(r.Levels)
	}
	fmt.Fprintf(stderr, "%s, %s: %s, %s\n", plural(len(fw.Roles), "role"), plural(levels, "level"),
		plural(errs, "error"), plural(len(diags)-errs, "warning"))
	if errs > 0 {
		return exitError{1}
	}
	return nil
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
