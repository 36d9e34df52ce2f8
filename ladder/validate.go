package ladder

import "strconv"

// Validate reports every problem of the framework's structure, not just the
// first: roles without a title or levels, identifiers that are empty or used
// twice, and levels that miss a required skill or name one that does not
// exist. Diagnostics point at the positions the reader recorded.
func (f *Framework) Validate() []Diagnostic {
	var ds []Diagnostic
	roles := map[string]*Role{}
	for i := range f.Roles {
		r := &f.Roles[i]
		ds = append(ds, r.validate()...)
		if r.ID == "" {
			continue
		}
		if first, ok := roles[r.ID]; ok {
			ds = append(ds, errorAt(r.Source, r.Pos, "duplicate role id "+q(r.ID)+": "+first.Source+" already defines it"))
			continue
		}
		roles[r.ID] = r
	}
	return ds
}

// ReservedLevelIDs are the level ids that a role's other pages use in
// their addresses: /roles/{role}/grid and /roles/{role}/skills/{skill}.
var ReservedLevelIDs = map[string]bool{"grid": true, "skills": true}

func (r *Role) validate() []Diagnostic {
	var ds []Diagnostic
	bad := func(pos Pos, msg string) {
		ds = append(ds, errorAt(r.Source, pos, msg))
	}
	if r.Title == "" {
		bad(r.Pos, "missing title: the front matter needs a title")
	}
	if r.ID == "" {
		bad(r.Pos, "the role has no id: give it a permalink such as /careers/career-pathways/devops-engineer/")
	}
	if len(r.Levels) == 0 {
		bad(r.Pos, "no levels: the front matter needs a levels list, such as [Associate, I, II, Senior]")
	}
	skills := map[string]bool{}
	for _, s := range r.Skills {
		switch {
		case s.ID == "":
			bad(s.Pos, "skill "+q(s.Name)+" gives an empty id: its name needs a letter or digit")
		case skills[s.ID]:
			bad(s.Pos, "duplicate skill id "+q(s.ID)+": another required skill has the same name as "+q(s.Name))
		}
		skills[s.ID] = true
	}
	levels := map[string]bool{}
	for i := range r.Levels {
		l := &r.Levels[i]
		switch {
		case l.ID == "":
			bad(l.Pos, "level "+q(l.Name)+" gives an empty id: its name needs a letter or digit")
		case levels[l.ID]:
			bad(l.Pos, "duplicate level id "+q(l.ID)+": the levels list names "+q(l.Name)+" twice")
		case ReservedLevelIDs[l.ID]:
			bad(l.Pos, "level "+q(l.Name)+" has the id "+q(l.ID)+", which names another page of the role (/roles/"+r.ID+"/"+l.ID+"): rename the level")
		}
		levels[l.ID] = true
		ds = append(ds, r.validateLevel(l, skills)...)
	}
	return ds
}

func (r *Role) validateLevel(l *Level, skills map[string]bool) []Diagnostic {
	var ds []Diagnostic
	seen := map[string]bool{}
	for _, e := range l.Skills {
		switch {
		case !skills[e.SkillID]:
			ds = append(ds, errorAt(r.Source, e.Pos, "skill "+q(e.Name)+" at level "+l.Name+" matches no required skill"))
		case seen[e.SkillID]:
			ds = append(ds, errorAt(r.Source, e.Pos, "skill "+q(e.Name)+" appears twice at level "+l.Name))
		}
		seen[e.SkillID] = true
	}
	for _, s := range r.Skills {
		if s.ID != "" && !seen[s.ID] {
			ds = append(ds, errorAt(r.Source, l.Pos, "level "+l.Name+" is missing required skill "+q(s.Name)))
		}
	}
	return ds
}

func errorAt(path string, pos Pos, msg string) Diagnostic {
	return Diagnostic{Path: path, Pos: pos, Severity: Error, Message: msg}
}

// q quotes a name as %q would.
func q(s string) string { return strconv.Quote(s) }
