package page

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ladder-explorer/ladder/ladder"
	"gopkg.in/yaml.v3"
)

// frontMatter holds the keys of a pathway page's YAML header that the
// model uses, each with where its value stands.
type frontMatter struct {
	title, description, permalink, updated string
	titlePos, permalinkPos, levelsPos      ladder.Pos
	levels                                 []fmLevel
}

type fmLevel struct {
	name string
	pos  ladder.Pos
}

// splitFrontMatter finds the YAML between the first line "---" and the next
// "---" or "..." line. It returns the YAML, the line it starts on and the
// offset where the Markdown body starts; ok is false when the page has no
// well-formed front matter, which is an error when it is required.
func (s *source) splitFrontMatter(required bool) (data []byte, line, body int, ok bool) {
	first, _, _ := bytes.Cut(s.text, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "---" {
		if !required {
			return nil, 0, 0, false
		}
		s.fail(ladder.Pos{Line: 1, Col: 1}, "no front matter: a pathway page starts with a line '---', then YAML such as 'title: DevOps engineer', then another '---'")
		return nil, 0, 0, false
	}
	off := len(first) + 1
	for i := 1; i < len(s.lines); i++ {
		start := s.lines[i]
		end := len(s.text)
		if i+1 < len(s.lines) {
			end = s.lines[i+1]
		}
		l := string(bytes.TrimRight(s.text[start:end], " \t\n"))
		if l == "---" || l == "..." {
			return s.text[off:start], 2, end, true
		}
	}
	s.fail(ladder.Pos{Line: 1, Col: 1}, "the front matter opened on line 1 is never closed: end it with a line '---'")
	return nil, 0, 0, false
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// parseFrontMatter decodes the YAML that starts on line first of the file.
func (s *source) parseFrontMatter(data []byte, first int) (fm frontMatter) {
	var doc yaml.Node
	if err := decodeYAML(data, &doc); err != nil {
		s.yamlError(err, data, first)
		return fm
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return fm // empty front matter: the validator reports what is missing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		s.fail(s.yamlPos(root, first), "the front matter must be keys with values, such as 'title: DevOps engineer'")
		return fm
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		if line, dup := seen[key.Value]; dup {
			s.warn(s.yamlPos(key, first), "front-matter key %q is given twice (also on line %d); the last one wins, as in Jekyll", key.Value, line)
		}
		seen[key.Value] = s.yamlPos(key, first).Line
		s.frontMatterKey(&fm, key.Value, value, first)
	}
	return fm
}

func (s *source) frontMatterKey(fm *frontMatter, key string, value *yaml.Node, first int) {
	pos := s.yamlPos(value, first)
	text := func() string {
		if value.Kind != yaml.ScalarNode {
			s.fail(pos, "front-matter key %q must be text", key)
			return ""
		}
		return strings.TrimSpace(value.Value)
	}
	switch key {
	case "title":
		fm.title, fm.titlePos = text(), pos
	case "description":
		fm.description = text()
	case "permalink":
		fm.permalink, fm.permalinkPos = text(), pos
	case "updated_date":
		fm.updated = s.date(text(), pos)
	case "levels":
		fm.levelsPos, fm.levels = s.yamlPos(value, first), nil
		if value.Kind != yaml.SequenceNode {
			s.fail(pos, "levels must be a list, one level a line, such as '  - Associate'")
			return
		}
		if len(value.Content) > MaxLevels {
			s.fail(pos, "%d levels: a role has at most %d", len(value.Content), MaxLevels)
			return
		}
		ids := map[string]fmLevel{}
		for _, item := range value.Content {
			p := s.yamlPos(item, first)
			if item.Kind != yaml.ScalarNode || strings.TrimSpace(item.Value) == "" {
				s.fail(p, "each entry of levels must be a level's name, such as 'Senior'")
				continue
			}
			l := fmLevel{name: strings.TrimSpace(item.Value), pos: p}
			if prev, dup := ids[ladder.Slug(l.name)]; dup {
				s.fail(p, "duplicate level id %q: %q and %q (line %d) give the same id", ladder.Slug(l.name), l.name, prev.name, prev.pos.Line)
				continue
			}
			ids[ladder.Slug(l.name)] = l
			fm.levels = append(fm.levels, l)
		}
	}
}

var dateLayouts = []string{"January 2, 2006", "Jan 2, 2006", "January 2 2006", "2 January 2006", "2006-01-02", "2006-01-02 15:04:05 -0700", time.RFC3339}

// date reads updated_date as Jekyll writes it and returns it as YYYY-MM-DD.
func (s *source) date(v string, pos ladder.Pos) string {
	if v == "" {
		return ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format("2006-01-02")
		}
	}
	s.warn(pos, "updated_date %q is not a date such as 'October 26, 2022' or '2022-10-26'; left out", v)
	return ""
}

func (s *source) yamlPos(n *yaml.Node, first int) ladder.Pos {
	return ladder.Pos{Line: n.Line + first - 1, Col: max(n.Column, 1)}
}

// yamlError reports a YAML syntax error at its line in the file. yaml.v3
// gives only the line; the column is that of the line's first character.
func (s *source) yamlError(err error, data []byte, first int) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = err.Error()[len(m[0]):]
	}
	lines := bytes.Split(data, []byte("\n"))
	line = min(max(line, 1), len(lines))
	text := lines[line-1]
	col := len(text) - len(bytes.TrimLeft(text, " \t")) + 1
	if len(bytes.TrimSpace(text)) == 0 {
		col = 1
	}
	s.fail(ladder.Pos{Line: line + first - 1, Col: col}, "front matter is not valid YAML: %s", msg)
}

// decodeYAML parses YAML into a node tree. yaml.v3 has panicked on some
// malformed input in the past; a page must never bring the reader down, so a
// panic becomes an error.
func decodeYAML(data []byte, doc *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the YAML parser failed on this input: %v", r)
		}
	}()
	return yaml.Unmarshal(data, doc)
}
