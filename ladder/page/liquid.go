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
// line in the source, for the positions of tags.
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
		next := strings.Index(line[i:], "{%")
		if !inComment {
			if o := strings.Index(line[i:], "{{"); o >= 0 && (next < 0 || o < next) {
				next = o
			}
		}
		if next < 0 {
			if !inComment {
				out.WriteString(line[i:])
			}
			break
		}
		if !inComment {
			out.WriteString(line[i : i+next])
		}
		lq.open, lq.closer = off+i+next, "%}"
		if line[i+next+1] == '{' {
			lq.closer = "}}"
		}
		i += next + 2
	}
	return out.String()
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
