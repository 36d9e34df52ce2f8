package assess

import (
	"maps"

	"github.com/ladder-explorer/ladder/ladder"
)

// The operations on the saved assessments the app offers: which one to
// show, add, copy, delete and undo, and the import's conflicts. The app
// names what it creates (names are words) and says when (times are the
// device's); the rules are here.

// Find returns the assessment with the ID, or nil.
func (s *Store) Find(id string) *ladder.Assessment {
	for i := range s.Assessments {
		if s.Assessments[i].ID == id && id != "" {
			return &s.Assessments[i]
		}
	}
	return nil
}

// Of returns the role's assessments, in the store's order.
func (s *Store) Of(role string) []*ladder.Assessment {
	var out []*ladder.Assessment
	for i := range s.Assessments {
		if s.Assessments[i].Role == role {
			out = append(out, &s.Assessments[i])
		}
	}
	return out
}

// Latest is the ID of the role's most recently updated assessment (the
// first of those updated last), or "" when the role has none.
func (s *Store) Latest(role string) string {
	var latest *ladder.Assessment
	for _, a := range s.Of(role) {
		if latest == nil || a.Updated > latest.Updated {
			latest = a
		}
	}
	if latest == nil {
		return ""
	}
	return latest.ID
}

// Add appends a and returns the store's copy. Earlier pointers into the
// store may no longer hold.
func (s *Store) Add(a ladder.Assessment) *ladder.Assessment {
	if a.Answers == nil {
		a.Answers = map[string]ladder.Answer{}
	}
	s.Assessments = append(s.Assessments, a)
	return &s.Assessments[len(s.Assessments)-1]
}

// Copy is src under another ID and name, created and updated now, with
// answers of its own.
func Copy(src *ladder.Assessment, id, name, now string) ladder.Assessment {
	cp := *src
	cp.ID, cp.Name, cp.Created, cp.Updated = id, name, now, now
	cp.Answers = maps.Clone(src.Answers)
	return cp
}

// Delete removes the assessment with the ID and returns it, for an undo;
// false when the store has none.
func (s *Store) Delete(id string) (ladder.Assessment, bool) {
	for i := range s.Assessments {
		if s.Assessments[i].ID == id {
			gone := s.Assessments[i]
			s.Assessments = append(s.Assessments[:i:i], s.Assessments[i+1:]...)
			return gone, true
		}
	}
	return ladder.Assessment{}, false
}

// Restore undoes Delete: it adds a back, unless the store has it again
// (another tab kept it meanwhile).
func (s *Store) Restore(a ladder.Assessment) {
	if s.Find(a.ID) == nil {
		s.Add(a)
	}
}

// AddImported adds the imported assessments whose ID the store does not
// have, and returns them, and those whose ID it has already (a second of
// the same ID in the file among them): conflicts the person settles one
// by one (Settle).
func (s *Store) AddImported(as []ladder.Assessment) (added, conflicts []ladder.Assessment) {
	for _, a := range as {
		if s.Find(a.ID) != nil {
			conflicts = append(conflicts, a)
			continue
		}
		added = append(added, *s.Add(a))
	}
	return added, conflicts
}

// Settle resolves an import's conflict: a replaces the assessment with its
// ID, or, with replace false, joins it under the ID id and the name name,
// both kept. It returns the store's copy of what it wrote.
func (s *Store) Settle(a ladder.Assessment, replace bool, id, name string) *ladder.Assessment {
	if old := s.Find(a.ID); replace && old != nil {
		*old = a
		return old
	}
	a.ID, a.Name = id, name
	return s.Add(a)
}
