package app

import (
	"net/url"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/search"
)

// The content ships beside the app as data: app.wasm is the same for any
// content. IndexFile lists every role's outline, what the lists and links
// of the site need, with the file that holds each role whole. A role's
// file is named with a hash of its bytes, so that it never changes under
// its name; the index changes with the content and keeps its name.
const IndexFile = "data/index.json"

// Index is the data index as IndexFile holds it.
type Index struct {
	Families []ladder.Family `json:"families"`
	Roles    []IndexRole     `json:"roles"`
	// Search is the file of the search's places (SearchData), relative
	// to the site's root, named with a hash of its bytes as roles' files
	// are. The search page fetches it when search is first used.
	Search string `json:"search,omitempty"`
}

// SearchData is the search's file: every place of every role a search
// can lead to, with its words. The browser indexes it as it arrives.
type SearchData struct {
	Docs []search.Doc `json:"docs"`
}

// IndexRole is one role of the index: its outline and its file.
type IndexRole struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Family      string       `json:"family,omitempty"`
	Description string       `json:"description,omitempty"`
	Levels      []IndexLevel `json:"levels"`
	// Skills are the skills' IDs, in the role's order.
	Skills []string `json:"skills"`
	// File is the role's file, relative to the site's root.
	File string `json:"file"`
}

// IndexLevel is one level of a role in the index.
type IndexLevel struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Title string `json:"title"`
}

// NewIndexRole returns r's entry in the index, r being in file.
func NewIndexRole(r *ladder.Role, file string) IndexRole {
	e := IndexRole{ID: r.ID, Title: r.Title, Family: r.Family, Description: r.Description, File: file}
	for _, l := range r.Levels {
		e.Levels = append(e.Levels, IndexLevel{ID: l.ID, Name: l.Name, Title: l.Title})
	}
	for _, s := range r.Skills {
		e.Skills = append(e.Skills, s.ID)
	}
	return e
}

// outline is the role as the index has it: its names, its levels' names
// and its skills' IDs, without any prose.
func (e *IndexRole) outline() ladder.Role {
	r := ladder.Role{ID: e.ID, Title: e.Title, Family: e.Family, Description: e.Description}
	for _, l := range e.Levels {
		r.Levels = append(r.Levels, ladder.Level{ID: l.ID, Name: l.Name, Title: l.Title})
	}
	for _, id := range e.Skills {
		r.Skills = append(r.Skills, ladder.Skill{ID: id})
	}
	return r
}

// rolesAt returns the IDs of the roles the page at u shows whole: the
// one its path names, or the two a comparison's query names.
func (c *Catalog) rolesAt(u *url.URL) []string {
	r, at := match(c.local(u.Path))
	switch {
	case at["role"] != "":
		return []string{at["role"]}
	case r != nil && r.pattern == comparePattern:
		var ids []string
		q := u.Query()
		for _, side := range []string{"left", "right"} {
			if role, _, _ := strings.Cut(q.Get(side), "/"); role != "" {
				ids = append(ids, role)
			}
		}
		return ids
	}
	return nil
}
