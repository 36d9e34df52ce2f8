package page

import "strings"

// liquid removes Liquid markup from lines of text: tags {% … %}, output
// {{ … }} and whole {% comment %} blocks, which may all span lines. The
// explorer does not run Liquid; it only needs the role_level tags, which it
// hands to found.
type liquid struct {
	open    int    // offset where the unclosed tag started, or -1
	closer  string // "%}" or "}}" while a tag is open
	content strings.Builder
	comment int // offset of the open {% comment %} tag, or -1
	found   func(content string, off int)
}

// strip returns the line without Liquid markup; off is the offset of the
// line in the source, for the positions of tags. Every search starts where
// the last one ended, so a line of many tags is read in linear time.
func (lq *liquid) strip(line string, off int) string {
	if lq.closer == "" && lq.comment < 0 && !strings.Contains(line, "{") {
		return line
	}
	var out strings.Builder
	for i := 0; i < len(line); {
		if lq.closer != "" {
			end := strings.Index(line[i:], lq.closer)
			if end < 0 {
				lq.content.WriteString(line[i:])
				lq.content.WriteByte('\n')
				break
			}
			lq.content.WriteString(line[i : i+end])
			i += end + len(lq.closer)
			lq.close()
			continue
		}
		inComment := lq.comment >= 0
		next := lq.nextOpen(line, i)
		if next < 0 {
			if !inComment {
				out.WriteString(line[i:])
			}
			break
		}
		if !inComment {
			out.WriteString(line[i:next])
		}
		lq.open, lq.closer = off+next, "%}"
		if line[next+1] == '{' {
			lq.closer = "}}"
		}
		i = next + 2
	}
	return out.String()
}

// nextOpen returns where the next tag at or after i opens, or -1: "{%", or
// "{{" outside a comment block. It reads each byte once.
func (lq *liquid) nextOpen(line string, i int) int {
	for {
		j := strings.IndexByte(line[i:], '{')
		if j < 0 || i+j+1 >= len(line) {
			return -1
		}
		i += j
		if c := line[i+1]; c == '%' || c == '{' && lq.comment < 0 {
			return i
		}
		i++
	}
}

// close ends the open tag and acts on it.
func (lq *liquid) close() {
	content := strings.TrimSpace(strings.Trim(strings.TrimSpace(lq.content.String()), "-"))
	name, _, _ := strings.Cut(content, " ")
	isTag := lq.closer == "%}"
	switch {
	case isTag && name == "comment" && lq.comment < 0:
		lq.comment = lq.open
	case isTag && name == "endcomment":
		lq.comment = -1
	case isTag && lq.comment < 0:
		lq.found(content, lq.open)
	}
	lq.content.Reset()
	lq.open, lq.closer = -1, ""
}
