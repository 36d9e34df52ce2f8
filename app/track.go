package app

import (
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// trackPage shows how one skill grows up a role's ladder: its expectation
// at every level, each with its changes against the level below.
type trackPage struct {
	app.Compo
	cat                   *Catalog
	role                  *ladder.Role
	track                 ladder.Track
	found                 bool
	askedRole, askedSkill string
	plain                 bool
}

// newTrackPage returns the track of a role's skill; with empty IDs, they
// are read from the URL in OnNav.
func newTrackPage(c *Catalog, role, skill string) *trackPage {
	p := &trackPage{cat: c}
	p.show(c.Role(role), role, skill)
	return p
}

func (p *trackPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *trackPage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *trackPage) load(ctx app.Context) {
	p.cat.NeedOutline(ctx, p.load) // the roles that share the skill
	at, r := p.cat.roleAt(ctx, p.load)
	if p.show(r, at["role"], at["skill"]); r == nil {
		return
	}
	if !p.found {
		setMeta(ctx, p.cat, trackPath(p.askedRole, p.askedSkill), "Not found", "")
		return
	}
	setMeta(ctx, p.cat, trackPath(p.role.ID, p.track.Skill.ID),
		p.track.Skill.Name+" – "+p.role.Title, "How "+p.track.Skill.Name+" grows from level to level: "+p.track.Skill.Text)
}

// show sets the page to a role's skill, or to not found: role is the role
// whole, or nil, and askedRole and skill the address's IDs.
func (p *trackPage) show(role *ladder.Role, askedRole, skill string) {
	p.role, p.askedRole, p.askedSkill = role, askedRole, skill
	p.found = false
	if role != nil {
		p.track, p.found = ladder.TrackOf(role, skill)
	}
}

func (p *trackPage) togglePlain(ctx app.Context, _ app.Event) { p.plain = !p.plain }

func (p *trackPage) Render() app.UI {
	switch {
	case p.role == nil:
		return absentRole(p.cat, p.askedRole)
	case !p.found:
		return missingSkill(p.cat, p.role, p.askedSkill)
	}
	r, s := p.role, p.track.Skill
	return frame(p.cat, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, s.Name,
		el("div", attrs{"class", "level-head"},
			el("p", attrs{"class", "eyebrow"}, txt("a", attrs{"href", p.cat.Path(rolePath(r.ID))}, r.Title)),
			txt("h1", nil, s.Name),
		),
		txt("p", attrs{"class", "lead"}, "How this skill grows from level to level, each step marked against the one below."),
		prose("intro", s.HTML),
		plainToggle(p.plain, p.togglePlain),
		el("ol", attrs{"class", "track"}, each(len(p.track.Steps), p.step)...),
		p.elsewhere(),
	)
}

// elsewhere lists the other roles that require the skill, each a link to
// its track there, once every role's outline is in.
func (p *trackPage) elsewhere() app.UI {
	if !p.cat.outlined() {
		return nil
	}
	others := p.cat.Outline().RolesWithSkill(p.track.Skill.ID, p.role.ID)
	if len(others) == 0 {
		return nil
	}
	return el("section", attrs{"class", "elsewhere", "aria-labelledby", "elsewhere"},
		txt("h2", attrs{"id", "elsewhere"}, "In other roles"),
		el("ul", nil, each(len(others), func(i int) app.UI {
			return el("li", nil, txt("a", attrs{"href", p.cat.Path(trackPath(others[i].ID, p.track.Skill.ID))}, others[i].Title))
		})...),
	)
}

func (p *trackPage) step(i int) app.UI {
	st := p.track.Steps[i]
	var text app.UI
	switch {
	case i == 0 || p.plain:
		text = plainText(st.Expectation.Text)
	default:
		text = diffText(st.Diff, true)
	}
	return el("li", attrs{"class", "step"},
		el("h2", nil, txt("a", attrs{"href", p.cat.Path(levelPath(p.role.ID, st.Level.ID)) + "#" + p.track.Skill.ID}, st.Level.Title)),
		when(i > 0, summaryLine(st.Diff)),
		text,
	)
}
