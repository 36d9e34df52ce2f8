package ladder

// Framework is every role the explorer shows, in display order.
type Framework struct {
	// Families name the groups of roles in display order; roles that no
	// family lists have an empty Family and come after the others.
	Families []Family `json:"families"`
	Roles    []Role   `json:"roles"`
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
