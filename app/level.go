package app

import (
	"strconv"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// levelPage shows one level of a role: its introduction and what it
// expects of every skill, with the slider that moves along the ladder in
// place. Its state is rebuilt from the URL on every navigation; the slider
// changes it without navigating and replaces the address to match.
type levelPage struct {
	app.Compo
	cat  *Catalog
	role *ladder.Role
	idx  int
	// target is the skill the URL's fragment names, highlighted.
	target string
	// askedRole and askedLevel are the URL's parts, kept for the not-found
	// message.
	askedRole, askedLevel string
	quick                 *quickListener
	// wrote is the level quickSlide last wrote into the page, -1 once
	// mendSlide has run.
	wrote int
}

// newLevelPage returns the page of a role's level; with empty IDs, they are
// read from the URL in OnNav.
func newLevelPage(c *Catalog, role, level string) *levelPage {
	p := &levelPage{cat: c, wrote: -1}
	p.show(c.Role(role), role, level)
	return p
}

func (p *levelPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *levelPage) OnNav(ctx app.Context) { p.load(ctx) }

// OnMount shows the slider's level in the event that moves it (see quick.go).
func (p *levelPage) OnMount(ctx app.Context) {
	p.quick = listenQuick(ctx, "input", func(id string) bool { return id == "level-slider" }, p.quickSlide, p.mendSlide)
}

func (p *levelPage) OnDismount() { p.quick.stop() }

func (p *levelPage) load(ctx app.Context) {
	at, r := p.cat.roleAt(ctx, p.load)
	p.show(r, at["role"], at["level"])
	p.target = ctx.Page().URL().Fragment
	if r != nil {
		p.meta(ctx)
	}
}

// show sets the page to a role's level, or to not found: role is the role
// whole, or nil, and askedRole and level the address's IDs.
func (p *levelPage) show(role *ladder.Role, askedRole, level string) {
	p.role, p.askedRole, p.askedLevel = role, askedRole, level
	p.idx = -1
	if role != nil {
		p.idx = role.LevelIndex(level)
	}
}

// meta sets the title and description of the level shown, of a role that
// is there.
func (p *levelPage) meta(ctx app.Context) {
	if p.idx < 0 {
		setMeta(ctx, p.cat, levelPath(p.askedRole, p.askedLevel), "Not found", "")
		return
	}
	l := &p.role.Levels[p.idx]
	setMeta(ctx, p.cat, levelPath(p.role.ID, l.ID), l.Title, l.Text)
}

// slide shows the level the slider is on and replaces the address with
// that level's, keeping the highlighted skill.
func (p *levelPage) slide(ctx app.Context, _ app.Event) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || p.role == nil || i < 0 || i >= len(p.role.Levels) || i == p.idx {
		return
	}
	p.idx = i
	u := *ctx.Page().URL()
	u.Path = p.cat.Path(levelPath(p.role.ID, p.role.Levels[i].ID))
	u.RawPath = ""
	ctx.Page().ReplaceURL(&u)
	p.meta(ctx)
}

func (p *levelPage) Render() app.UI {
	switch {
	case p.role == nil:
		return absentRole(p.cat, p.askedRole)
	case p.idx < 0:
		return missingLevel(p.cat, p.role, p.askedLevel)
	}
	r, l := p.role, &p.role.Levels[p.idx]
	return frame(p.cat, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, l.Name,
		el("div", attrs{"class", "level-head"},
			el("p", attrs{"class", "eyebrow"}, txt("a", attrs{"href", p.cat.Path(rolePath(r.ID))}, r.Title)),
			txt("h1", attrs{"id", "level-title"}, l.Title),
		),
		p.slider(),
		p.compareLink(),
		shareTools(true),
		prose("intro", l.HTML),
		el("div", attrs{"class", "expectations"}, each(len(l.Skills), func(i int) app.UI {
			return p.expectation(&l.Skills[i])
		})...),
	)
}

func (p *levelPage) expectation(e *ladder.Expectation) app.UI {
	name := e.Name
	if s := p.role.Skill(e.SkillID); s != nil {
		name = s.Name
	}
	class := "skill"
	if e.SkillID == p.target {
		class = "skill is-target"
	}
	return el("section", attrs{"class", class, "id", e.SkillID},
		el("h2", nil,
			app.Text(name),
			txt("a", attrs{"class", "anchor", "href", "#" + e.SkillID, "aria-label", "Link to " + name + " at this level"}, "#"),
		),
		prose("", e.HTML),
		el("p", attrs{"class", "skill-links"},
			txt("a", attrs{"href", p.cat.Path(trackPath(p.role.ID, e.SkillID))}, "How "+name+" grows"),
		),
	)
}

// shareTools are what a recruiter pasting a page into a job post or a chat
// needs: on a level, copying it as text (copyLevel), and sharing its link.
// The pages' loader answers them (web/static/loader.js), with the app or
// without it: a page read without the app copies and shares as well.
func shareTools(copyLevel bool) app.UI {
	return el("div", attrs{"class", "share-tools"},
		when(copyLevel, txt("button", attrs{"type", "button", "id", "copy-level", "data-action", "copy-level"}, "Copy for a job ad")),
		txt("button", attrs{"type", "button", "id", "share-link", "data-action", "share"}, "Share"),
		el("p", attrs{"class", "share-status", "role", "status"}),
	)
}

// compareLink compares the level with the next one, or, at the top of the
// ladder, with the one below.
func (p *levelPage) compareLink() app.UI {
	levels := p.role.Levels
	if len(levels) < 2 {
		return nil
	}
	other, label := p.idx+1, "Compare with the next level"
	if other == len(levels) {
		other, label = p.idx-1, "Compare with the level below"
	}
	here := p.role.ID + "/" + levels[p.idx].ID
	there := p.role.ID + "/" + levels[other].ID
	left, right := here, there
	if other < p.idx {
		left, right = there, here
	}
	return el("p", attrs{"class", "page-links"},
		txt("a", attrs{"id", "compare-link", "href", p.cat.Path(comparePath(left, right))}, label+" ("+levels[other].Name+")"),
		app.Text(" · "),
		txt("a", attrs{"href", p.cat.Path(gridPath(p.role.ID))}, "The whole ladder"),
	)
}
