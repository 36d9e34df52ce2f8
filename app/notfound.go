package app

import (
	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// notFound is the page for an address that matches no page. Prerendered,
// it becomes the site's 404.html, which a host serves for any unknown
// address: it cannot know what was asked until the app runs.
type notFound struct {
	app.Compo
	cat   *Catalog
	asked string
}

func newNotFound(c *Catalog) *notFound { return &notFound{cat: c} }

func (p *notFound) OnPreRender(ctx app.Context) {
	setMeta(ctx, p.cat, "/404.html", "Page not found", "There is no page at this address: here are the roles there are.")
}

func (p *notFound) OnNav(ctx app.Context) {
	p.asked = p.cat.local(ctx.Page().URL().Path)
	setMeta(ctx, p.cat, p.asked, "Page not found", "")
	p.cat.NeedOutline(ctx, func(app.Context) {}) // the roles to link to
}

func (p *notFound) Render() app.UI {
	if !p.cat.outlined() {
		return loadingPage(p.cat)
	}
	msg := "There is no page at this address."
	if p.asked != "" {
		msg = "There is no page at " + p.asked + "."
	}
	return missing(p.cat, nil, "Page not found", msg+" These are the roles there are:", roleLinks(p.cat))
}

// missing is a not-found page: what was not found, under the trail that
// leads to where it was looked for, and links to what there is.
func missing(c *Catalog, trail []crumb, title, sentence string, links []app.UI) app.UI {
	return frame(c, append([]crumb{{"Roles", "/"}}, trail...), "Not found",
		el("div", attrs{"class", "not-found"},
			txt("h1", nil, title),
			txt("p", nil, sentence),
			el("ul", nil, links...),
		),
	)
}

// missingRole is the page for a role that does not exist.
func missingRole(c *Catalog, asked string) app.UI {
	return missing(c, nil, "Role not found", quoted("There is no role", asked)+". These are the roles there are:", roleLinks(c))
}

// absentRole is the page for a role the catalog cannot show whole: one on
// its way, one that could not be loaded, or one there is not. With no ID,
// the page has not read its address yet (see Register): it says it is
// loading.
func absentRole(c *Catalog, asked string) app.UI {
	r := c.Outline().Role(asked)
	switch {
	case asked == "" || r == nil && c.mayCome(asked):
		return loadingPage(c)
	case r == nil && c.Err() == nil:
		return missingRole(c, asked)
	case r == nil:
		return frame(c, []crumb{{"Roles", "/"}}, "Not loaded", txt("h1", nil, "Not loaded"))
	case c.Failed(asked) != nil:
		return frame(c, []crumb{{"Roles", "/"}}, r.Title,
			txt("h1", nil, r.Title),
			el("p", attrs{"class", "notice", "role", "alert"},
				txt("span", nil, "This role could not be loaded ("+c.Failed(asked).Error()+"). The connection may be down, or the site updated since this page was opened. "),
				button(attrs{"id", "reload-role"}, "Reload", func(ctx app.Context, _ app.Event) { ctx.Reload() }),
			),
		)
	}
	return frame(c, []crumb{{"Roles", "/"}}, r.Title,
		txt("h1", nil, r.Title),
		txt("p", attrs{"class", "loading", "role", "status"}, "Loading…"),
	)
}

// loadingPage says that what the page shows is on its way.
func loadingPage(c *Catalog) app.UI {
	return frame(c, []crumb{{"Roles", "/"}}, "Loading", txt("h1", attrs{"class", "loading", "role", "status"}, "Loading…"))
}

// absentTitle is the title of a page whose role absentRole shows.
func (c *Catalog) absentTitle(asked string) string {
	if r := c.Outline().Role(asked); r != nil {
		return r.Title
	}
	if c.mayCome(asked) {
		return "Loading"
	}
	return "Role not found"
}

// mayCome says whether the role asked for, which the outline does not
// have, may still come: it is on its way, or the index that says whether
// there is such a role has not arrived.
func (c *Catalog) mayCome(asked string) bool {
	return c.Loading(asked) || !c.outlined()
}

// missingLevel is the page for a level that a role does not have.
func missingLevel(c *Catalog, r *ladder.Role, asked string) app.UI {
	return missing(c, []crumb{{r.Title, rolePath(r.ID)}}, "Level not found", quoted(r.Title+" has no level", asked)+". These are its levels:",
		each(len(r.Levels), func(i int) app.UI {
			l := &r.Levels[i]
			return el("li", nil, txt("a", attrs{"href", c.Path(levelPath(r.ID, l.ID))}, l.Title))
		}))
}

// missingSkill is the page for a skill that a role does not have.
func missingSkill(c *Catalog, r *ladder.Role, asked string) app.UI {
	return missing(c, []crumb{{r.Title, rolePath(r.ID)}}, "Skill not found", quoted(r.Title+" has no skill", asked)+". These are its skills:",
		each(len(r.Skills), func(i int) app.UI {
			s := &r.Skills[i]
			return el("li", nil, txt("a", attrs{"href", c.Path(trackPath(r.ID, s.ID))}, s.Name))
		}))
}

// roleLinks links to every role, as list items.
func roleLinks(c *Catalog) []app.UI {
	roles := c.Outline().Roles
	return each(len(roles), func(i int) app.UI {
		return el("li", nil, txt("a", attrs{"href", c.Path(rolePath(roles[i].ID))}, roles[i].Title))
	})
}

// quoted ends a not-found sentence with what was asked, if the page knows
// it yet: until OnNav it does not.
func quoted(sentence, asked string) string {
	if asked == "" {
		return sentence + " at this address"
	}
	return sentence + " “" + asked + "”"
}
