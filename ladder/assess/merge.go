package assess

import "github.com/ladder-explorer/ladder/ladder"

// Merge brings together what this tab changed and what other tabs saved
// meanwhile, so that two tabs editing at once lose nothing. base is the
// store as this tab last read or saved it, mine is the tab's store now,
// and theirs is what storage holds now. What this tab changed since base
// is applied to theirs, answer by answer and field by field; where both
// changed the same thing, mine wins, being the later. An assessment one
// side deleted while the other changed it is kept: a deletion never
// takes along an edit it did not see.
func Merge(base, mine, theirs Store) Store {
	baseBy, mineBy := byID(base), byID(mine)
	out := Store{Version: StoreVersion}
	seen := map[string]bool{}
	for i := range theirs.Assessments {
		t := &theirs.Assessments[i]
		seen[t.ID] = true
		b, m := baseBy[t.ID], mineBy[t.ID]
		switch {
		case m == nil && b != nil && Same(b, t):
			// This tab deleted it, and nobody changed it since.
		case m == nil:
			out.Assessments = append(out.Assessments, *t)
		default:
			out.Assessments = append(out.Assessments, mergeOne(b, m, t))
		}
	}
	for i := range mine.Assessments {
		m := &mine.Assessments[i]
		if seen[m.ID] {
			continue
		}
		if b := baseBy[m.ID]; b != nil && Same(b, m) {
			continue // another tab deleted it, and this one did not change it
		}
		out.Assessments = append(out.Assessments, *m)
	}
	return out
}

// mergeOne applies to theirs what mine changed since base. A nil base (the
// assessment is new to this tab) makes every field a change.
func mergeOne(base, mine, theirs *ladder.Assessment) ladder.Assessment {
	if base == nil {
		base = &ladder.Assessment{}
	}
	out := *theirs
	if mine.Name != base.Name {
		out.Name = mine.Name
	}
	if mine.Target != base.Target {
		out.Target = mine.Target
	}
	out.Updated = max(mine.Updated, theirs.Updated)
	out.Answers = make(map[string]ladder.Answer, len(theirs.Answers))
	for id, ans := range theirs.Answers {
		out.Answers[id] = ans
	}
	for id, ans := range mine.Answers {
		if old, ok := base.Answers[id]; !ok || old != ans {
			out.Answers[id] = ans
		}
	}
	for id := range base.Answers {
		if _, ok := mine.Answers[id]; !ok {
			delete(out.Answers, id)
		}
	}
	return out
}

// Same reports whether two assessments hold the same things.
func Same(a, b *ladder.Assessment) bool {
	if a.ID != b.ID || a.Name != b.Name || a.Role != b.Role || a.Created != b.Created ||
		a.Updated != b.Updated || a.Target != b.Target || len(a.Answers) != len(b.Answers) {
		return false
	}
	for id, ans := range a.Answers {
		if other, ok := b.Answers[id]; !ok || other != ans {
			return false
		}
	}
	return true
}

// Clone copies a store, answers and all, so that later changes to one
// leave the other as it was.
func Clone(s Store) Store {
	out := Store{Version: s.Version, Assessments: make([]ladder.Assessment, len(s.Assessments))}
	for i, a := range s.Assessments {
		answers := make(map[string]ladder.Answer, len(a.Answers))
		for id, ans := range a.Answers {
			answers[id] = ans
		}
		a.Answers = answers
		out.Assessments[i] = a
	}
	return out
}

func byID(s Store) map[string]*ladder.Assessment {
	m := make(map[string]*ladder.Assessment, len(s.Assessments))
	for i := range s.Assessments {
		m[s.Assessments[i].ID] = &s.Assessments[i]
	}
	return m
}
