package app

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (p *assessPage) Render() app.UI {
	r := p.role
	if r == nil {
		return absentRole(p.cat, p.asked)
	}
	a := p.store.Find(p.current)
	var answers map[string]ladder.Answer
	target := ""
	if a != nil {
		answers, target = a.Answers, a.Target
	}
	shown := ladder.Assessment{Answers: answers}
	return frame(p.cat, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, "Assess yourself",
		el("div", attrs{"class", "level-head"},
			el("p", attrs{"class", "eyebrow"}, txt("a", attrs{"href", p.cat.Path(rolePath(r.ID))}, r.Title)),
			txt("h1", nil, "Assess yourself"),
		),
		txt("p", attrs{"class", "lead"}, "Place yourself on each skill. What you enter is saved on this device as you go, and never sent anywhere."),
		p.storageNotices(),
		p.manager(a),
		p.targetPicker(target),
		el("div", attrs{"class", "assess-skills"}, each(len(r.Skills), func(i int) app.UI { return p.skill(&r.Skills[i], answers) })...),
		p.orphans(a),
		p.summary(shown.Placements(r), target),
		p.movesView(a),
		p.io(a),
	)
}

func (p *assessPage) storageNotices() app.UI {
	var msgs []string
	for _, n := range p.notes {
		msgs = append(msgs, problemSentence(n))
	}
	if p.saveOff != "" {
		msgs = append(msgs, p.saveOff)
	}
	if len(msgs) == 0 {
		return nil
	}
	return el("div", attrs{"class", "notice", "id", "storage-notice", "aria-live", "polite"},
		each(len(msgs), func(i int) app.UI { return txt("p", nil, msgs[i]) })...)
}

func (p *assessPage) targetPicker(target string) app.UI {
	levels := p.role.Levels
	options := []app.UI{option("", "No target", target == "")}
	for _, l := range levels {
		options = append(options, option(l.ID, l.Title, l.ID == target))
	}
	return el("p", attrs{"class", "target"},
		txt("label", attrs{"for", "target"}, "Target level "),
		listen("select", attrs{"id", "target"}, "change", p.setTarget, options...),
	)
}

func (p *assessPage) setTarget(ctx app.Context, _ app.Event) {
	p.edit().Target = ctx.JSSrc().Get("value").String()
	p.save()
}

// skill is one skill's slider, the expectations at the chosen level and
// the next, and the private note.
func (p *assessPage) skill(s *ladder.Skill, answers map[string]ladder.Answer) app.UI {
	r := p.role
	ans := answers[s.ID]
	answered := ans.Placed
	idx := r.LevelIndex(ans.Level) // -1 when not yet or unanswered
	id := "assess-" + s.ID
	valueText := placedText(r, idx, answered)
	return el("fieldset", attrs{"class", "assess-skill", "id", "skill-" + s.ID},
		txt("legend", nil, s.Name),
		txt("label", attrs{"for", id, "class", "visually-hidden"}, s.Name),
		void("input", attrs{
			"type", "range", "id", id, "class", "assess-slider",
			"min", "0", "max", strconv.Itoa(len(r.Levels)), "step", "1", "value", strconv.Itoa(idx + 1),
			"aria-valuetext", valueText,
		}, "input", p.place(s.ID)),
		el("p", attrs{"class", "placed"},
			txt("span", attrs{"class", "placed-level"}, valueText),
			// The slider starts at "not yet", so moving it there is no
			// change: a button says it instead.
			when(!answered, button(attrs{"class", "not-yet", "aria-label", s.Name + ": not yet at the first level"},
				"Not yet at the first level", p.placeNotYet(s.ID))),
		),
		p.changed(s.ID, ans),
		p.expectations(s.ID, idx),
		p.note(s.ID, ans.Note),
	)
}

// expectations shows the chosen level's text and the next level's, with
// what the next adds marked. Both blocks are always there, hidden when
// there is no such level, so that the quick path (quickPlace) finds them.
func (p *assessPage) expectations(skillID string, idx int) app.UI {
	t := textsAt(p.role, skillID, idx)
	return el("div", attrs{"class", "assess-texts"},
		el("div", attrs{"class", "texts-at", "hidden", flag(!t.hasAt)}, txt("p", attrs{"class", "texts-label"}, t.atLabel), textBlock(t.atHTML)),
		el("div", attrs{"class", "texts-next", "hidden", flag(!t.hasNext)}, txt("p", attrs{"class", "texts-label"}, t.nextLabel), textBlock(t.nextHTML)),
	)
}

// texts is what expectations shows for a skill placed at level idx (-1:
// not yet at the first).
type texts struct {
	hasAt, hasNext     bool
	atLabel, nextLabel string
	atHTML, nextHTML   string
}

func textsAt(r *ladder.Role, skillID string, idx int) texts {
	var here, next ladder.Expectation
	t := texts{hasAt: idx >= 0, hasNext: idx+1 < len(r.Levels), atLabel: "At " + nameAt(r, idx), nextLabel: "Next: " + nameAt(r, idx+1)}
	if t.hasAt {
		here, _ = r.Levels[idx].Expectation(skillID)
		t.atHTML = escapeText(here.Text)
	}
	if t.hasNext {
		next, _ = r.Levels[idx+1].Expectation(skillID)
		t.nextHTML = diffHTML(ladder.Diff(here.Text, next.Text), true)
	}
	return t
}

// placedText says where a skill is placed: at level idx, or not yet at
// the first (-1), or, unanswered, not placed yet.
func placedText(r *ladder.Role, idx int, answered bool) string {
	switch {
	case !answered:
		return "Not placed yet"
	case idx < 0:
		return "Not yet at the first level"
	}
	return r.Levels[idx].Name
}

// quickPlaced is a skill's place as a quick path wrote it: its slider's
// position (0 for not yet at the first level), or -1 for not placed yet.
type quickPlaced struct {
	skill string
	pos   int
}

// quickPlace writes where a skill's slider is moving to into the page
// during the event (see quick.go). place, a frame later, records it and
// does the rest.
func (p *assessPage) quickPlace(slider app.Value) bool {
	skillID := strings.TrimPrefix(slider.Get("id").String(), "assess-")
	v, err := strconv.Atoi(slider.Get("value").String())
	if err != nil || v < 0 || !p.writePlace(skillID, v) {
		return false
	}
	p.placed = append(p.placed, quickPlaced{skillID, v})
	return true
}

// mendPlace writes each skill's place as the page shows it into what
// quickPlace wrote, where go-app's frame has come to another place than
// was written (see quick.go).
func (p *assessPage) mendPlace() {
	a := p.store.Find(p.current)
	for _, w := range p.placed {
		pos := -1
		if a != nil {
			if ans := a.Answers[w.skill]; ans.Placed {
				pos = p.role.LevelIndex(ans.Level) + 1
			}
		}
		if pos != w.pos {
			p.writePlace(w.skill, pos)
		}
	}
	p.placed = p.placed[:0]
}

// writePlace writes a skill's place (as quickPlaced has it) into the page: the
// slider's position, the placement and the texts at it and at the next
// level. It says whether it found the skill.
func (p *assessPage) writePlace(skillID string, pos int) bool {
	r, doc := p.role, app.Window().Get("document")
	box, slider := doc.Call("getElementById", "skill-"+skillID), doc.Call("getElementById", "assess-"+skillID)
	if r == nil || pos > len(r.Levels) || r.Skill(skillID) == nil || !box.Truthy() || !slider.Truthy() {
		return false
	}
	idx := max(pos, 0) - 1
	text := placedText(r, idx, pos >= 0)
	slider.Set("value", strconv.Itoa(idx+1))
	slider.Call("setAttribute", "aria-valuetext", text)
	setText(box.Call("querySelector", ".placed-level"), text)
	t := textsAt(r, skillID, idx)
	for _, part := range []struct {
		class       string
		shown       bool
		label, html string
	}{{".texts-at", t.hasAt, t.atLabel, t.atHTML}, {".texts-next", t.hasNext, t.nextLabel, t.nextHTML}} {
		e := box.Call("querySelector", part.class)
		if !e.Truthy() {
			continue
		}
		e.Set("hidden", !part.shown)
		setText(e.Call("querySelector", ".texts-label"), part.label)
		setProse(e.Call("querySelector", ".diff"), part.html)
	}
	return true
}

func nameAt(r *ladder.Role, i int) string {
	if i < 0 || i >= len(r.Levels) {
		return ""
	}
	return r.Levels[i].Name
}

func (p *assessPage) note(skillID, note string) app.UI {
	id := "note-" + skillID
	class := "note-field"
	if strings.TrimSpace(note) == "" {
		class = "note-field empty" // left out of the printout
	}
	return el("div", attrs{"class", class},
		txt("label", attrs{"for", id}, "Private note"),
		listen("textarea", attrs{"id", id, "maxlength", strconv.Itoa(ladder.MaxNote), "rows", "3"}, "input", p.setNote(skillID), app.Text(note)),
		txt("p", attrs{"class", "counter"}, strconv.Itoa(utf8.RuneCountInString(note))+" / "+strconv.Itoa(ladder.MaxNote)),
	)
}

// place records a slider's position: 0 is not yet at the first level.
func (p *assessPage) place(skillID string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		v, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
		level, ok := p.role.LevelAtPosition(v)
		if err != nil || !ok {
			return
		}
		a := p.edit()
		a.Answers[skillID] = ladder.Place(p.role, skillID, level, a.Answers[skillID].Note)
		p.save()
	}
}

func (p *assessPage) placeNotYet(skillID string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		a := p.edit()
		a.Answers[skillID] = ladder.Place(p.role, skillID, "", a.Answers[skillID].Note)
		p.save()
	}
}

func (p *assessPage) setNote(skillID string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		note := ladder.CutNote(ctx.JSSrc().Get("value").String())
		a := p.edit()
		ans := a.Answers[skillID] // a note alone places nothing
		if ans.Skill == "" {
			ans.Skill = p.role.Skill(skillID).Name
		}
		ans.Note = note
		a.Answers[skillID] = ans
		p.save()
	}
}

// changed flags an answer made against a text the ladder has since
// changed, with the old text and the new one marked against it, or at a
// level the ladder no longer has.
func (p *assessPage) changed(skillID string, ans ladder.Answer) app.UI {
	switch ans.State(p.role, skillID) {
	case ladder.LevelGone:
		return txt("p", attrs{"class", "notice"}, "You placed yourself at “"+ans.Level+"”, a level this ladder no longer has: place yourself again.")
	case ladder.TextChanged:
		l := p.role.Level(ans.Level)
		e, _ := l.Expectation(skillID)
		return el("div", attrs{"class", "notice changed"},
			txt("p", nil, "The text of "+l.Name+" has changed since you placed yourself. Here is what changed; move the slider, or confirm, to answer against the new text."),
			diffText(ladder.Diff(ans.Text, e.Text), true),
			el("details", nil, txt("summary", nil, "The text you answered against"), plainText(ans.Text)),
			button(attrs{"class", "confirm"}, "Confirm "+l.Name, p.confirm(skillID)),
		)
	}
	return nil
}

// confirm answers again at the same level, against the current text.
func (p *assessPage) confirm(skillID string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		a := p.edit()
		old := a.Answers[skillID]
		a.Answers[skillID] = ladder.Place(p.role, skillID, old.Level, old.Note)
		p.save()
	}
}

// orphans shows the answers for skills this ladder no longer has: kept,
// with their notes, never dropped silently.
func (p *assessPage) orphans(a *ladder.Assessment) app.UI {
	if a == nil {
		return nil
	}
	ids := a.Orphans(p.role)
	if len(ids) == 0 {
		return nil
	}
	content := []app.UI{
		txt("h2", nil, "Skills no longer on this ladder"),
		txt("p", nil, "The ladder has changed since you answered these. Your answers and notes are kept here."),
	}
	for _, id := range ids {
		ans := a.Answers[id]
		name := ans.Skill
		if name == "" {
			name = id
		}
		placed := "not yet at the first level"
		if ans.Level != "" {
			placed = ans.Level
		}
		content = append(content, el("div", attrs{"class", "orphan"},
			txt("h3", nil, name),
			when(ans.Placed, txt("p", nil, "You placed yourself at: "+placed+".")),
			when(ans.Text != "", plainText(ans.Text)),
			when(ans.Note != "", txt("p", attrs{"class", "orphan-note"}, "Your note: "+ans.Note)),
		))
	}
	return el("section", attrs{"class", "orphans notice", "id", "orphans"}, content...)
}
