package host

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

const (
	// maxTarget is the longest request target served: no page of the site
	// comes near it, so anything longer is refused before any work is done.
	maxTarget = 2048
	// indexPage is the page at "/", notFoundPage the body of every 404.
	indexPage    = "index.html"
	notFoundPage = "404.html"
)

// target is what a request path resolves to.
type target struct {
	status   int         // StatusOK, StatusMovedPermanently or a 4xx
	name     string      // for StatusOK: the file, relative to the root
	info     fs.FileInfo // for StatusOK: its Stat
	location string      // for StatusMovedPermanently: the decoded path to go to
}

// requestTarget is the request line's target, as the client sent it.
func requestTarget(r *http.Request) string {
	if r.RequestURI != "" {
		return r.RequestURI
	}
	return r.URL.RequestURI()
}

// resolve maps p, the request's decoded path, to a file of the site. Every
// file it names is a regular file in the root; a path that is not canonical
// (., .. or empty segments, backslashes, control bytes) is a 400 rather than
// being cleaned, so one file has one URL and nothing needs undoing.
func (h *handler) resolve(dir *os.Root, p string) target {
	if strings.ContainsFunc(p, func(c rune) bool { return c < ' ' || c == 0x7f || c == '\\' }) {
		return target{status: http.StatusBadRequest}
	}
	if h.prefix != "" {
		if p == h.prefix {
			return target{status: http.StatusMovedPermanently, location: h.prefix + "/"}
		}
		rest, ok := strings.CutPrefix(p, h.prefix)
		if !ok || !strings.HasPrefix(rest, "/") {
			return target{status: http.StatusNotFound}
		}
		p = rest
	}
	rel, slash, status := splitPath(p)
	switch {
	case status != http.StatusOK:
		return target{status: status}
	case rel == "":
		return file(dir, indexPage)
	case slash:
		// A page asked for as a folder moves to its one URL; a bare folder
		// has nothing to show.
		if file(dir, rel+".html").status == http.StatusOK {
			return target{status: http.StatusMovedPermanently, location: h.prefix + "/" + rel}
		}
		return target{status: http.StatusNotFound}
	}
	if t := file(dir, rel+".html"); t.status == http.StatusOK {
		return t
	}
	return file(dir, rel)
}

// splitPath turns p, which starts with "/", into a path relative to the
// root and whether it ended with "/". Status is 400 for a malformed path,
// 404 for one naming a hidden file, StatusOK otherwise.
func splitPath(p string) (rel string, slash bool, status int) {
	if !strings.HasPrefix(p, "/") {
		return "", false, http.StatusBadRequest
	}
	if p == "/" {
		return "", false, http.StatusOK
	}
	rel, slash = strings.CutSuffix(p[1:], "/")
	status = http.StatusOK
	for seg := range strings.SplitSeq(rel, "/") {
		switch {
		case seg == "" || seg == "." || seg == "..":
			return "", false, http.StatusBadRequest
		case seg[0] == '.':
			status = http.StatusNotFound
		}
	}
	return rel, slash, status
}

// file is name if it is a regular file in dir, else a 404. An os.Root
// follows symbolic links only while they stay inside it.
func file(dir *os.Root, name string) target {
	info, err := dir.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return target{status: http.StatusNotFound}
	}
	return target{status: http.StatusOK, name: name, info: info}
}

// visible reports whether name is a file of root whose path has no hidden
// segment once every symbolic link on the way is followed: links within the
// site are followed, but not to a hidden file or into a hidden folder,
// which no URL may name.
func visible(root *os.Root, name string) bool {
	top, err := filepath.EvalSymlinks(root.Name())
	if err != nil {
		return false
	}
	file, err := filepath.EvalSymlinks(filepath.Join(root.Name(), filepath.FromSlash(name)))
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(top, file)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	for seg := range strings.SplitSeq(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
}

// checkPrefix reports whether p is "" or a path such as /sub or /a/b made
// of URL-safe segments.
func checkPrefix(p string) error {
	if p == "" {
		return nil
	}
	if !strings.HasPrefix(p, "/") {
		return fmt.Errorf("prefix %q does not start with /", p)
	}
	for seg := range strings.SplitSeq(p[1:], "/") {
		if err := checkSegment(seg); err != nil {
			return fmt.Errorf("prefix %q: %w", p, err)
		}
	}
	return nil
}

// checkSegment accepts one segment of a prefix: letters, digits and -._~,
// so it needs no escaping in a URL.
func checkSegment(seg string) error {
	switch seg {
	case "":
		return errors.New("empty segment (a trailing / or //)")
	case ".", "..":
		return fmt.Errorf("segment %q", seg)
	}
	for _, c := range seg {
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.ContainsRune("-._~", c)
		if !ok {
			return fmt.Errorf("character %q is not allowed", c)
		}
	}
	return nil
}
