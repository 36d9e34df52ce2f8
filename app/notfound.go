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
	setMeta(ctx, p.cat, "/404.html", "Page not found", "")
}

func (p *notFound) OnNav(ctx app.Context) {
	p.asked = p.cat.local(ctx.Page().URL().Path)
	setMeta(ctx, p.cat, p.asked, "Page not found", "")
}

func (p *notFound) Render() app.UI {
	msg := "There is no page at this address."
	if p.asked != "" {
		msg = "There is no page at " + p.asked + "."
	}
	return frame(p.cat, []crumb{{"Roles", "/"}}, "Not found",
		app.Div().Class("not-found").Body(
			app.H1().Text("Page not found"),
			app.P().Text(msg),
			app.P().Text("These are the roles there are:"),
			roleList(p.cat),
		),
	)
}

// missingRole is the page for a role that does not exist.
func missingRole(c *Catalog, asked string) app.UI {
	return frame(c, []crumb{{"Roles", "/"}}, "Not found",
		app.Div().Class("not-found").Body(
			app.H1().Text("Role not found"),
			app.P().Text(quoted("There is no role", asked)+". These are the roles there are:"),
			roleList(c),
		),
	)
}

// missingLevel is the page for a level that a role does not have.
func missingLevel(c *Catalog, r *ladder.Role, asked string) app.UI {
	return frame(c, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, "Not found",
		app.Div().Class("not-found").Body(
			app.H1().Text("Level not found"),
			app.P().Text(quoted(r.Title+" has no level", asked)+". These are its levels:"),
			app.Ul().Body(
				app.Range(r.Levels).Slice(func(i int) app.UI {
					l := r.Levels[i]
					return app.Li().Body(app.A().Href(c.Path(levelPath(r.ID, l.ID))).Text(l.Title))
				}),
			),
		),
	)
}

func roleList(c *Catalog) app.UI {
	roles := c.Framework().Roles
	return app.Ul().Body(
		app.Range(roles).Slice(func(i int) app.UI {
			return app.Li().Body(app.A().Href(c.Path(rolePath(roles[i].ID))).Text(roles[i].Title))
		}),
	)
}

// quoted ends a not-found sentence with what was asked, if the page knows
// it yet: until OnNav it does not.
func quoted(sentence, asked string) string {
	if asked == "" {
		return sentence + " at this address"
	}
	return sentence + " “" + asked + "”"
}

// missingSkill is the page for a skill that a role does not have.
func missingSkill(c *Catalog, r *ladder.Role, asked string) app.UI {
	return frame(c, []crumb{{"Roles", "/"}, {r.Title, rolePath(r.ID)}}, "Not found",
		app.Div().Class("not-found").Body(
			app.H1().Text("Skill not found"),
			app.P().Text(quoted(r.Title+" has no skill", asked)+". These are its skills:"),
			app.Ul().Body(
				app.Range(r.Skills).Slice(func(i int) app.UI {
					s := r.Skills[i]
					return app.Li().Body(app.A().Href(c.Path(trackPath(r.ID, s.ID))).Text(s.Name))
				}),
			),
		),
	)
}
