package page

import (
	"bytes"
	"regexp"

	"github.com/ladder-explorer/ladder/ladder"
)

// index is what a careers site's index page says of its roles: families,
// each a ### heading, listing roles by links to their pages.
type index struct {
	path      string
	permalink string // its address on the careers site, when it can be kept
	families  []indexFamily
}

type indexFamily struct {
	name  string
	roles []indexRef
}

type indexRef struct {
	id  string
	pos ladder.Pos
}

var mdLink = regexp.MustCompile(`\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// parseIndex reads an index page. Of its front matter, only the permalink
// is used.
func parseIndex(name string, raw []byte) (*index, []ladder.Diagnostic) {
	src, diags := newSource(name, raw)
	if src == nil {
		return nil, diags
	}
	data, line, body, ok := src.splitFrontMatter(false)
	idx := &index{path: name}
	if ok {
		fm := src.parseFrontMatter(data, line)
		p, err := oldAddress(fm.permalink)
		if err != nil {
			src.warn(fm.permalinkPos, "the permalink %q cannot be kept as an address of the site (%v): links to it will not be sent to the list of roles", fm.permalink, err)
		}
		idx.permalink = p
	}
	var fam *indexFamily
	for _, bl := range src.scanBody(body) {
		if h := bl.head; h != nil && h.depth <= 3 {
			fam = nil
			if h.depth == 3 {
				idx.families = append(idx.families, indexFamily{name: h.title})
				fam = &idx.families[len(idx.families)-1]
			}
		}
		if fam == nil {
			continue
		}
		for _, off := range bl.offs {
			end := len(src.text)
			if i := bytes.IndexByte(src.text[off:], '\n'); i >= 0 {
				end = off + i
			}
			for _, m := range mdLink.FindAllStringSubmatchIndex(string(src.text[off:end]), -1) {
				target := string(src.text[off+m[2] : off+m[3]])
				fam.roles = append(fam.roles, indexRef{id: indexRoleID(target), pos: src.pos(off + m[0])})
			}
		}
	}
	return idx, src.diags
}

// order arranges roles as the indexes list them, family by family; roles
// no index lists come after, in the order given. It warns of index entries
// that name no role or a role listed already.
func order(roles []*ladder.Role, indexes []*index) (*ladder.Framework, []ladder.Diagnostic) {
	var diags []ladder.Diagnostic
	byID := map[string]*ladder.Role{}
	for _, r := range roles {
		if _, dup := byID[r.ID]; !dup {
			byID[r.ID] = r
		}
	}
	fw := &ladder.Framework{Families: []ladder.Family{}, Roles: []ladder.Role{}}
	listed := map[*ladder.Role]bool{}
	for _, idx := range indexes {
		for _, f := range idx.families {
			fam := ladder.Family{Name: f.name}
			for _, ref := range f.roles {
				r := byID[ref.id]
				switch {
				case r == nil:
					diags = append(diags, diagnostic(ladder.Warning, idx.path, ref.pos, "the index lists role %q, which no page defines", ref.id))
				case listed[r]:
					diags = append(diags, diagnostic(ladder.Warning, idx.path, ref.pos, "the index lists role %q again; it stays under %q", ref.id, r.Family))
				default:
					listed[r] = true
					r.Family = f.name
					fam.Roles = append(fam.Roles, r.ID)
				}
			}
			if len(fam.Roles) > 0 {
				fw.Families = append(fw.Families, fam)
			}
		}
	}
	for _, idx := range indexes {
		if idx.permalink != "" {
			fw.Permalinks = append(fw.Permalinks, idx.permalink)
		}
	}
	for _, f := range fw.Families {
		for _, id := range f.Roles {
			fw.Roles = append(fw.Roles, *byID[id])
		}
	}
	for _, r := range roles {
		if !listed[r] {
			fw.Roles = append(fw.Roles, *r)
		}
	}
	return fw, diags
}

// indexRoleID is the id of the role an index links to: the slug of the
// link's last segment, as a page's permalink gives its role's id.
func indexRoleID(target string) string {
	raw, _ := rawRoleID(target, "")
	return ladder.Slug(raw)
}
