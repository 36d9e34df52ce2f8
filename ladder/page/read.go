package page

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
)

// IndexName is the file name of a folder's index page, which names the
// families of roles and their order.
const IndexName = "index.md"

// File is a page's bytes and the path diagnostics name it by.
type File struct {
	Path string
	Data []byte
}

// ReadDir reads the pages of the folder dir of fsys: every *.md file
// directly in it except README.md and hidden files, in name order. Each
// File's Path is its path in fsys.
func ReadDir(fsys fs.FS, dir string) ([]File, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") || strings.EqualFold(name, "README.md") {
			continue
		}
		f, err := ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// ReadFile reads one page of fsys. It reads at most MaxSize+1 bytes, enough
// for Parse to refuse a file that is too large without holding all of it.
func ReadFile(fsys fs.FS, name string) (File, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return File{}, fmt.Errorf("read %s: %w", name, err)
	}
	return File{Path: name, Data: data}, nil
}

// baseName is the last element of a path written with / or \\, so that a
// Windows path names its file too.
func baseName(p string) string { return path.Base(strings.ReplaceAll(p, "\\", "/")) }

// ErrNoPages is returned by Read when it is given no pathway page.
var ErrNoPages = errors.New("no pathway pages (*.md files)")

// Read reads pathway pages and index pages (files named index.md) into one
// framework, ordered by the indexes, and validates it. It returns every
// problem found, sorted by file and position; the framework is only fit to
// show when none of them is an error.
func Read(files []File) (*ladder.Framework, []ladder.Diagnostic) {
	var (
		diags   []ladder.Diagnostic
		roles   []*ladder.Role
		indexes []*index
	)
	for _, f := range files {
		if baseName(f.Path) == IndexName {
			idx, ds := parseIndex(f.Path, f.Data)
			diags = append(diags, ds...)
			if idx != nil {
				indexes = append(indexes, idx)
			}
			continue
		}
		r, ds := Parse(f.Path, f.Data)
		diags = append(diags, ds...)
		if r != nil {
			roles = append(roles, r)
		}
	}
	fw, ds := order(roles, indexes)
	diags = append(append(diags, ds...), fw.Validate()...)
	ladder.SortDiagnostics(diags)
	return fw, diags
}
