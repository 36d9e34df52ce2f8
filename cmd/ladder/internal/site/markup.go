package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html"
	"slices"
	"strconv"

	ui "github.com/ladder-explorer/ladder/app"
)

// fixMarkup rewrites a page as go-app v9 prerenders it into plain HTML:
//   - go-app quotes attribute values with strconv.Quote, so a value holding
//     a double quote ends early in a browser; values are unquoted and
//     escaped as HTML instead;
//   - go-app writes attributes in map order, which changes on every build;
//     they are sorted by name, so the same site builds to the same bytes
//     and its version changes only when it does.
//
// Content HTML, between ui.ProseStart and ui.ProseEnd, is HTML already and
// is copied as it is, without the markers. Anything that is not what
// go-app writes is an error, never a silently damaged page.
func fixMarkup(page []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(page))
	for len(page) > 0 {
		i := bytes.IndexByte(page, '<')
		if i < 0 {
			out.Write(page)
			break
		}
		out.Write(page[:i])
		page = page[i:]
		n, err := copyTag(&out, page)
		if err != nil {
			return nil, fmt.Errorf("byte %d: %w", len(out.Bytes()), err)
		}
		page = page[n:]
	}
	return out.Bytes(), nil
}

// copyTag copies the markup that starts page, which starts with '<', and
// returns how many bytes it took.
func copyTag(out *bytes.Buffer, page []byte) (int, error) {
	switch {
	case bytes.HasPrefix(page, []byte(ui.ProseStart)):
		end := bytes.Index(page, []byte(ui.ProseEnd))
		if end < 0 {
			return 0, errors.New("content HTML with no end marker")
		}
		out.Write(page[len(ui.ProseStart):end])
		return end + len(ui.ProseEnd), nil
	case bytes.HasPrefix(page, []byte("</")), bytes.HasPrefix(page, []byte("<!")):
		end := bytes.IndexByte(page, '>')
		if end < 0 {
			return 0, errors.New("unclosed markup")
		}
		out.Write(page[:end+1])
		return end + 1, nil
	}
	return copyStartTag(out, page)
}

type attr struct{ name, value string }

// copyStartTag rewrites a start tag: "<name" then attributes, each a bare
// name or name="Go-quoted value", then ">".
func copyStartTag(out *bytes.Buffer, page []byte) (int, error) {
	i := 1
	for i < len(page) && isNameByte(page[i]) {
		i++
	}
	if i == 1 {
		return 0, errors.New("a '<' that starts no tag")
	}
	name := page[1:i]
	var attrs []attr
	for {
		for i < len(page) && page[i] == ' ' {
			i++
		}
		if i >= len(page) {
			return 0, fmt.Errorf("unclosed <%s>", name)
		}
		if page[i] == '>' {
			i++
			break
		}
		a, n, err := readAttr(page[i:])
		if err != nil {
			return 0, fmt.Errorf("<%s>: %w", name, err)
		}
		attrs, i = append(attrs, a), i+n
	}
	slices.SortStableFunc(attrs, func(a, b attr) int { return cmp.Compare(a.name, b.name) })
	out.WriteByte('<')
	out.Write(name)
	for _, a := range attrs {
		out.WriteByte(' ')
		out.WriteString(a.name)
		if a.value != "" {
			out.WriteString(`="`)
			out.WriteString(html.EscapeString(a.value))
			out.WriteByte('"')
		}
	}
	out.WriteByte('>')
	return i, nil
}

// readAttr reads one attribute and returns how many bytes it took.
func readAttr(b []byte) (attr, int, error) {
	i := 0
	for i < len(b) && b[i] != '=' && b[i] != ' ' && b[i] != '>' {
		i++
	}
	a := attr{name: string(b[:i])}
	if a.name == "" {
		return a, 0, errors.New("an empty attribute name")
	}
	if i >= len(b) || b[i] != '=' {
		return a, i, nil
	}
	i++
	if i >= len(b) || b[i] != '"' {
		return a, 0, fmt.Errorf("attribute %s: unquoted value", a.name)
	}
	end := i + 1
	for end < len(b) && b[end] != '"' {
		if b[end] == '\\' {
			end++
		}
		end++
	}
	if end >= len(b) {
		return a, 0, fmt.Errorf("attribute %s: unclosed value", a.name)
	}
	v, err := strconv.Unquote(string(b[i : end+1]))
	if err != nil {
		return a, 0, fmt.Errorf("attribute %s: %v", a.name, err)
	}
	a.value = v
	return a, end + 1, nil
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}
