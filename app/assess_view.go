package app

import (
	"strconv"
	"unicode/utf8"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (p *assessPage) Render() app.UI {
	r := p.role
	if r == nil {
		return missingRole(p.cat, p.asked)
	}
	a := p.find(p.current)
	var answers map[string]ladder.Answer
	target := ""
	if a != nil {
		answers, target = a.Answers, a.Target
	}
	shown := ladder.Assessment{Answers: answers}
	return frame(p.cat, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, "Assess yourself",
		app.Div().Class("level-head").Body(
			app.P().Class("eyebrow").Body(app.A().Href(p.cat.Path(rolePath(r.ID))).Text(r.Title)),
			app.H1().Text("Assess yourself"),
		),
		app.P().Class("lead").Text("Place yourself on each skill. What you enter is saved on this device as you go, and never sent anywhere."),
		p.storageNotices(),
		p.manager(a),
		p.targetPicker(target),
		app.Div().Class("assess-skills").Body(
			app.Range(r.Skills).Slice(func(i int) app.UI { return p.skill(r.Skills[i], answers) }),
		),
		p.orphans(a),
		p.summary(shown.Placements(r), target),
		p.movesView(a),
		p.io(a),
	)
}

func (p *assessPage) storageNotices() app.UI {
	var msgs []string
	msgs = append(msgs, p.notes...)
	if p.saveOff != "" {
		msgs = append(msgs, p.saveOff)
	}
	if len(msgs) == 0 {
		return nil
	}
	return app.Div().Class("notice").ID("storage-notice").Aria("live", "polite").Body(
		app.Range(msgs).Slice(func(i int) app.UI { return app.P().Text(msgs[i]) }),
	)
}

func (p *assessPage) targetPicker(target string) app.UI {
	levels := p.role.Levels
	return app.P().Class("target").Body(
		app.Label().For("target").Text("Target level "),
		app.Select().ID("target").OnChange(p.setTarget).Body(
			app.Option().Value("").Selected(target == "").Text("No target"),
			app.Range(levels).Slice(func(i int) app.UI {
				return app.Option().Value(levels[i].ID).Selected(levels[i].ID == target).Text(levels[i].Title)
			}),
		),
	)
}

func (p *assessPage) setTarget(ctx app.Context, _ app.Event) {
	p.edit().Target = ctx.JSSrc().Get("value").String()
	p.save()
}

// skill is one skill's slider, the expectations at the chosen level and
// the next, and the private note.
func (p *assessPage) skill(s ladder.Skill, answers map[string]ladder.Answer) app.UI {
	r := p.role
	ans := answers[s.ID]
	answered := ans.Placed
	idx := r.LevelIndex(ans.Level) // -1 when not yet or unanswered
	id := "assess-" + s.ID
	valueText := "Not yet at the first level"
	if idx >= 0 {
		valueText = r.Levels[idx].Name
	}
	if !answered {
		valueText = "Not placed yet"
	}
	return app.FieldSet().Class("assess-skill").ID("skill-"+s.ID).Body(
		app.Legend().Text(s.Name),
		app.Label().For(id).Class("visually-hidden").Text(s.Name),
		app.Input().Type("range").ID(id).Class("assess-slider").
			Min(0).Max(len(r.Levels)).Step(1).Value(idx+1).
			Aria("valuetext", valueText).OnInput(p.place(s.ID)),
		app.P().Class("placed").Body(
			app.Span().Class("placed-level").Text(valueText),
			// The slider starts at "not yet", so moving it there is no
			// change: a button says it instead.
			app.If(!answered, app.Button().Type("button").Class("not-yet").
				Aria("label", s.Name+": not yet at the first level").
				Text("Not yet at the first level").OnClick(p.placeNotYet(s.ID))),
		),
		p.changed(s.ID, ans),
		p.expectations(s.ID, idx),
		p.note(s.ID, ans.Note),
	)
}

// expectations shows the chosen level's text and the next level's, with
// what the next adds marked.
func (p *assessPage) expectations(skillID string, idx int) app.UI {
	r := p.role
	var here, next ladder.Expectation
	if idx >= 0 {
		here, _ = r.Levels[idx].Expectation(skillID)
	}
	if idx+1 < len(r.Levels) {
		next, _ = r.Levels[idx+1].Expectation(skillID)
	}
	return app.Div().Class("assess-texts").Body(
		app.If(idx >= 0, app.Div().Body(
			app.P().Class("texts-label").Text("At "+nameAt(r, idx)),
			plainText(here.Text),
		)),
		app.If(idx+1 < len(r.Levels), app.Div().Body(
			app.P().Class("texts-label").Text("Next: "+nameAt(r, idx+1)),
			diffText(ladder.Diff(here.Text, next.Text), true),
		)),
	)
}

func nameAt(r *ladder.Role, i int) string {
	if i < 0 || i >= len(r.Levels) {
		return ""
	}
	return r.Levels[i].Name
}

func (p *assessPage) note(skillID, note string) app.UI {
	id := "note-" + skillID
	return app.Div().Class("note-field").Body(
		app.Label().For(id).Text("Private note"),
		app.Textarea().ID(id).MaxLength(ladder.MaxNote).Rows(3).Text(note).OnInput(p.setNote(skillID)),
		app.P().Class("counter").Text(strconv.Itoa(utf8.RuneCountInString(note))+" / "+strconv.Itoa(ladder.MaxNote)),
	)
}

// place records a slider's position: 0 is not yet at the first level.
func (p *assessPage) place(skillID string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		v, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
		if err != nil || v < 0 || v > len(p.role.Levels) {
			return
		}
		level := ""
		if v > 0 {
			level = p.role.Levels[v-1].ID
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
		note := ctx.JSSrc().Get("value").String()
		if utf8.RuneCountInString(note) > ladder.MaxNote {
			note = string([]rune(note)[:ladder.MaxNote])
		}
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
		return app.P().Class("notice").Text("You placed yourself at “" + ans.Level + "”, a level this ladder no longer has: place yourself again.")
	case ladder.TextChanged:
		l := p.role.Level(ans.Level)
		e, _ := l.Expectation(skillID)
		return app.Div().Class("notice changed").Body(
			app.P().Text("The text of "+l.Name+" has changed since you placed yourself. Here is what changed; move the slider, or confirm, to answer against the new text."),
			diffText(ladder.Diff(ans.Text, e.Text), true),
			app.Details().Body(app.Summary().Text("The text you answered against"), plainText(ans.Text)),
			app.Button().Type("button").Class("confirm").Text("Confirm "+l.Name).OnClick(p.confirm(skillID)),
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
	return app.Section().Class("orphans notice").ID("orphans").Body(
		app.H2().Text("Skills no longer on this ladder"),
		app.P().Text("The ladder has changed since you answered these. Your answers and notes are kept here."),
		app.Range(ids).Slice(func(i int) app.UI {
			ans := a.Answers[ids[i]]
			name := ans.Skill
			if name == "" {
				name = ids[i]
			}
			placed := "not yet at the first level"
			if ans.Level != "" {
				placed = ans.Level
			}
			return app.Div().Class("orphan").Body(
				app.H3().Text(name),
				app.If(ans.Placed, app.P().Text("You placed yourself at: "+placed+".")),
				app.If(ans.Text != "", plainText(ans.Text)),
				app.If(ans.Note != "", app.P().Class("orphan-note").Text("Your note: "+ans.Note)),
			)
		}),
	)
}
