package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/page"
)

// defaultContent is the folder read when no PATH is given.
const defaultContent = "content"

// contentFlags are the flags of the commands that read content.
type contentFlags struct {
	strict bool
}

// parseContentArgs reads flags and paths, in any order, for command cmd.
func parseContentArgs(cmd string, args []string, stderr io.Writer) (contentFlags, []string, error) {
	var f contentFlags
	set := flag.NewFlagSet(cmd, flag.ContinueOnError)
	set.SetOutput(io.Discard)
	set.BoolVar(&f.strict, "strict", false, "treat warnings as errors")
	var paths []string
	for len(args) > 0 {
		if err := set.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stderr, usage)
				return f, nil, exitError{0}
			}
			return f, nil, usageError{fmt.Sprintf("%s: %v", cmd, err)}
		}
		// Parse stops at the first path, or after "--", which ends the flags.
		rest := set.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			paths = append(paths, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		paths, args = append(paths, rest[0]), rest[1:]
	}
	if len(paths) == 0 {
		paths = []string{defaultContent}
	}
	return f, paths, nil
}

// loadContent reads the flags and paths of command cmd, then every path, a
// page or a folder of pages, into a framework and its diagnostics. A path
// that cannot be read is a usage error: nothing was checked.
func loadContent(cmd string, args []string, stderr io.Writer) (*ladder.Framework, []ladder.Diagnostic, error) {
	flags, paths, err := parseContentArgs(cmd, args, stderr)
	if err != nil {
		return nil, nil, err
	}
	var files []page.File
	for _, p := range paths {
		fs, err := readPath(p)
		if err != nil {
			return nil, nil, usageError{fmt.Sprintf("%s: %v", cmd, err)}
		}
		files = append(files, fs...)
	}
	fw, diags := page.Read(files)
	if flags.strict {
		for i := range diags {
			diags[i].Severity = ladder.Error
		}
	}
	return fw, diags, nil
}

// loadValid is loadContent for the commands that use the content rather than
// report on it: it prints the diagnostics on stderr and refuses content with
// errors (status 1), saying that nothing was done, in the words of done.
func loadValid(cmd, done string, args []string, stderr io.Writer) (*ladder.Framework, error) {
	fw, diags, err := loadContent(cmd, args, stderr)
	if err != nil {
		return nil, err
	}
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if ladder.HasErrors(diags) {
		fmt.Fprintf(stderr, "ladder: %s: the content has errors; nothing %s\n", cmd, done)
		return nil, exitError{1}
	}
	return fw, nil
}

func readPath(p string) ([]page.File, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, pathError(p, err)
	}
	if !info.IsDir() {
		f, err := page.ReadFile(os.DirFS(filepath.Dir(p)), filepath.Base(p))
		if err != nil {
			return nil, pathError(p, err)
		}
		f.Path = p
		return []page.File{f}, nil
	}
	files, err := page.ReadDir(os.DirFS(p), ".")
	if err != nil {
		return nil, pathError(p, err)
	}
	if !slices.ContainsFunc(files, func(f page.File) bool { return f.Path != page.IndexName }) {
		return nil, fmt.Errorf("%s: %w", p, page.ErrNoPages)
	}
	for i := range files {
		files[i].Path = filepath.Join(p, files[i].Path)
	}
	return files, nil
}

// pathError says what went wrong with a path without repeating the path
// twice, as *fs.PathError would.
func pathError(p string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", p, err)
}
