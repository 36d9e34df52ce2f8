package app

import (
	"strconv"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/assess"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// manager picks, names, duplicates and deletes the role's assessments.
func (p *assessPage) manager(a *ladder.Assessment) app.UI {
	mine := p.mine()
	name := ""
	if a != nil {
		name = a.Name
	}
	var options []app.UI
	for _, m := range mine {
		options = append(options, option(m.ID, m.Name+" ("+assess.Day(m.Updated)+")", m.ID == p.current))
	}
	return el("div", attrs{"class", "manager"},
		when(len(mine) > 1, el("p", nil,
			txt("label", attrs{"for", "which"}, "Assessment "),
			listen("select", attrs{"id", "which"}, "change", p.switchTo, options...),
		)),
		when(a != nil, el("p", nil,
			txt("label", attrs{"for", "name"}, "Name "),
			void("input", attrs{"type", "text", "id", "name", "value", name, "maxlength", "120"}, "change", p.rename),
		)),
		el("p", attrs{"class", "manager-actions"},
			button(attrs{"id", "new"}, "New assessment", p.newOne),
			when(a != nil, button(attrs{"id", "duplicate"}, "Duplicate", p.duplicate)),
			when(a != nil, button(attrs{"id", "delete", "class", "danger"}, "Delete", p.remove)),
		),
		when(p.deleted != nil, el("p", attrs{"class", "notice", "id", "deleted", "aria-live", "polite"},
			app.Text("Deleted “"+deletedName(p.deleted)+"”. "),
			button(attrs{"id", "undo"}, "Undo", p.undo),
		)),
	)
}

func deletedName(a *ladder.Assessment) string {
	if a == nil {
		return ""
	}
	return a.Name
}

func (p *assessPage) switchTo(ctx app.Context, _ app.Event) {
	if id := ctx.JSSrc().Get("value").String(); p.store.Find(id) != nil {
		p.current = id
	}
}

func (p *assessPage) rename(ctx app.Context, _ app.Event) {
	name := strings.TrimSpace(ctx.JSSrc().Get("value").String())
	if name == "" {
		return // a name cannot be emptied; the field shows the old one again
	}
	p.edit().Name = name
	p.save()
}

func (p *assessPage) newOne(ctx app.Context, _ app.Event) {
	p.create("Assessment " + strconv.Itoa(len(p.mine())+1))
	p.save()
}

func (p *assessPage) duplicate(ctx app.Context, _ app.Event) {
	src := p.store.Find(p.current)
	if src == nil {
		return
	}
	p.current = p.store.Add(assess.Copy(src, newID(), src.Name+" (copy)", now())).ID
	p.save()
}

// remove deletes the assessment shown; Undo brings it back until the
// next deletion.
func (p *assessPage) remove(ctx app.Context, _ app.Event) {
	if gone, ok := p.store.Delete(p.current); ok {
		p.deleted = &gone
	}
	p.current = ""
	if mine := p.mine(); len(mine) > 0 {
		p.current = mine[len(mine)-1].ID
	}
	p.save()
}

func (p *assessPage) undo(ctx app.Context, _ app.Event) {
	if p.deleted == nil {
		return
	}
	p.store.Restore(*p.deleted)
	p.current, p.deleted = p.deleted.ID, nil
	p.save()
}
