package ladder

// Framework is every role the explorer shows, in display order.
type Framework struct {
	// Families name the groups of roles in display order; roles that no
	// family lists have an empty Family and come after the others.
	Families []Family `json:"families"`
	Roles    []Role   `json:"roles"`
	// Permalinks are the addresses the careers site's index pages had,
	// which the site keeps working, sending visitors to its list of roles.
	Permalinks []string `json:"-"`
}

// Family is a named group of roles, such as "Engineering".
type Family struct {
	Name string `json:"name"`
	// Roles are role IDs in display order.
	Roles []string `json:"roles"`
}

// Role returns the role with the given ID, or nil.
func (f *Framework) Role(id string) *Role {
	for i := range f.Roles {
		if f.Roles[i].ID == id {
			return &f.Roles[i]
		}
	}
	return nil
}

// RolesWithSkill returns the roles other than the one with ID except that
// require the skill with the given ID, in display order: where a skill
// that several roles share appears.
func (f *Framework) RolesWithSkill(skillID, except string) []*Role {
	var out []*Role
	for _, g := range f.Groups() {
		for _, r := range g.Roles {
			if r.ID != except && r.Skill(skillID) != nil {
				out = append(out, r)
			}
		}
	}
	return out
}

// Group is a family with its roles, ready to display.
type Group struct {
	// Name is the family's name, or empty for the roles no family lists.
	Name  string
	Roles []*Role
}

// Groups returns the roles grouped by family in display order, then the
// roles no family lists, in their own order. Families with no known role are
// left out, and so is a role listed twice after its first place.
func (f *Framework) Groups() []Group {
	var groups []Group
	placed := make(map[string]bool, len(f.Roles))
	for _, fam := range f.Families {
		g := Group{Name: fam.Name}
		for _, id := range fam.Roles {
			if r := f.Role(id); r != nil && !placed[id] {
				placed[id] = true
				g.Roles = append(g.Roles, r)
			}
		}
		if len(g.Roles) > 0 {
			groups = append(groups, g)
		}
	}
	var rest Group
	for i := range f.Roles {
		if !placed[f.Roles[i].ID] {
			rest.Roles = append(rest.Roles, &f.Roles[i])
		}
	}
	if len(rest.Roles) > 0 {
		groups = append(groups, rest)
	}
	return groups
}
