package page

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/ladder-explorer/ladder/ladder"
)

// MaxSize is the largest page the reader accepts, in bytes. Pathway pages
// are tens of kilobytes; anything this large is not one.
const MaxSize = 2 << 20

// source is a page's text made ready for parsing: the byte-order mark
// removed and every line ending turned into "\n". Neither changes which line
// a byte is on, so positions in text are positions in the original file.
type source struct {
	path  string
	text  []byte
	lines []int // offset in text where each line starts
	diags []ladder.Diagnostic
	last  struct{ off, line, col int } // the last position pos worked out
}

// newSource checks and normalises raw. It returns nil when the file cannot
// be read as a page at all; the reasons are in the returned diagnostics.
func newSource(path string, raw []byte) (*source, []ladder.Diagnostic) {
	start := ladder.Pos{Line: 1, Col: 1}
	if len(raw) > MaxSize {
		return nil, []ladder.Diagnostic{diagnostic(ladder.Error, path, start,
			"the file is larger than %d MB: pathway pages are tens of kilobytes, so it is refused", MaxSize>>20)}
	}
	s := &source{path: path}
	if bom := []byte("\ufeff"); bytes.HasPrefix(raw, bom) {
		raw = raw[len(bom):]
		s.warn(start, "the file starts with a byte-order mark (BOM); ignored")
	}
	s.text = normaliseNewlines(raw, func(line int) {
		s.warn(ladder.Pos{Line: line, Col: 1}, "Windows (CRLF) or old Mac (CR) line endings; read as plain newlines")
	})
	s.lines = lineStarts(s.text)
	if !utf8.Valid(s.text) {
		bad := 0
		for bad < len(s.text) {
			r, size := utf8.DecodeRune(s.text[bad:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			bad += size
		}
		return nil, append(s.diags, diagnostic(ladder.Error, path, s.pos(bad),
			"the file is not UTF-8 text (byte 0x%02x): save it as UTF-8", s.text[bad]))
	}
	return s, nil
}

// normaliseNewlines turns "\r\n" and lone "\r" into "\n", calling found once
// with the line of the first one it changes.
func normaliseNewlines(b []byte, found func(line int)) []byte {
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return b
	}
	found(bytes.Count(b[:i], []byte("\n")) + 1)
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\r' {
			out = append(out, b[i])
			continue
		}
		out = append(out, '\n')
		if i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
	}
	return out
}

func lineStarts(b []byte) []int {
	starts := make([]int, 1, bytes.Count(b, []byte("\n"))+1)
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos turns a byte offset in s.text into a line and a column in characters.
// Columns are counted from the last position asked for when it is earlier on
// the same line, so many positions on one long line cost linear time.
func (s *source) pos(off int) ladder.Pos {
	off = min(max(off, 0), len(s.text))
	line := max(sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off })-1, 0)
	from, col := s.lines[line], 1
	if s.last.line == line+1 && s.last.off <= off && s.last.off >= from {
		from, col = s.last.off, s.last.col
	}
	col += utf8.RuneCount(s.text[from:off])
	s.last.off, s.last.line, s.last.col = off, line+1, col
	return ladder.Pos{Line: line + 1, Col: col}
}

func (s *source) warn(pos ladder.Pos, format string, args ...any) {
	s.diags = append(s.diags, diagnostic(ladder.Warning, s.path, pos, format, args...))
}

func (s *source) fail(pos ladder.Pos, format string, args ...any) {
	s.diags = append(s.diags, diagnostic(ladder.Error, s.path, pos, format, args...))
}

func diagnostic(sev ladder.Severity, path string, pos ladder.Pos, format string, args ...any) ladder.Diagnostic {
	return ladder.Diagnostic{Path: path, Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)}
}
