package app

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// compareView lines up two levels, of one role or of two, skill by skill,
// with what the higher level adds and drops marked. Its state is the URL's
// query, left={role}/{level}&right={role}/{level}; the pickers change it
// in place, so the address is always the view.
type compareView struct {
	app.Compo
	cat         *Catalog
	left, right pick
	plain       bool
	cmp         ladder.Comparison
}

// pick is one side of the comparison as the URL names it, and what it
// names, if it exists.
type pick struct {
	role, level string
	side        ladder.Side
}

func (p pick) ok() bool    { return p.side.Level != nil }
func (p pick) ref() string { return p.role + "/" + p.level }

func newComparePage(c *Catalog) *compareView {
	p := &compareView{cat: c}
	if app.IsClient {
		// The first render must already show what the address asks for.
		p.read(app.Window().URL())
	}
	return p
}

func (p *compareView) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *compareView) OnNav(ctx app.Context) { p.load(ctx) }

func (p *compareView) load(ctx app.Context) {
	p.read(ctx.Page().URL())
	p.meta(ctx)
}

// read takes both sides from a URL's query.
func (p *compareView) read(u *url.URL) {
	q := u.Query()
	p.left, p.right = p.resolve(q.Get("left")), p.resolve(q.Get("right"))
	p.compare()
}

func (p *compareView) resolve(ref string) pick {
	role, level, _ := strings.Cut(ref, "/")
	k := pick{role: role, level: level}
	if r := p.cat.Framework().Role(role); r != nil {
		k.side.Role = r
		k.side.Level = r.Level(level)
	}
	return k
}

func (p *compareView) compare() {
	p.cmp = ladder.Comparison{}
	if p.left.ok() && p.right.ok() {
		p.cmp = ladder.Compare(p.left.side, p.right.side)
	}
}

func (p *compareView) meta(ctx app.Context) {
	title := "Compare levels"
	if p.left.ok() && p.right.ok() {
		title = p.left.side.Level.Title + " and " + p.right.side.Level.Title
	}
	path := comparePage
	if p.left.role != "" || p.right.role != "" {
		path = comparePath(p.left.ref(), p.right.ref())
	}
	setMeta(ctx, p.cat, path, title, "What changes from one level to another, skill by skill.")
}

// choose applies a picker: side "left" or "right", part "role" or
// "level". A new role keeps the level's place on its ladder.
func (p *compareView) choose(side, part string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		k := &p.left
		if side == "right" {
			k = &p.right
		}
		if part == "level" {
			*k = p.resolve(k.role + "/" + v)
		} else {
			*k = p.resolve(v + "/" + levelAtPlace(p.cat.Framework().Role(v), k.side))
		}
		p.compare()
		u := *ctx.Page().URL()
		u.RawQuery = strings.TrimPrefix(comparePath(p.left.ref(), p.right.ref()), comparePage+"?")
		u.Fragment = ""
		ctx.Page().ReplaceURL(&u)
		p.meta(ctx)
	}
}

// levelAtPlace is the ID of r's level at the place old has on its own
// ladder, or at the nearest place r has; the first level when old is
// unknown.
func levelAtPlace(r *ladder.Role, old ladder.Side) string {
	if r == nil || len(r.Levels) == 0 {
		return ""
	}
	i := 0
	if old.Role != nil && old.Level != nil {
		if l := r.Level(old.Level.ID); l != nil {
			return l.ID
		}
		i = min(old.Role.LevelIndex(old.Level.ID), len(r.Levels)-1)
	}
	return r.Levels[max(i, 0)].ID
}

func (p *compareView) togglePlain(ctx app.Context, _ app.Event) { p.plain = !p.plain }

func (p *compareView) Render() app.UI {
	ready := p.left.ok() && p.right.ok()
	var result app.UI // app.If evaluates both branches: build it only when ready
	if ready {
		result = p.result()
	}
	return frame(p.cat, []crumb{{"Roles", "/"}}, "Compare",
		app.H1().Text("Compare levels"),
		app.NoScript().Body(app.P().Class("notice").Text("Comparing needs JavaScript, which is off: the levels' own pages are linked from the roles.")),
		app.Div().Class("pickers").Body(
			p.picker("left", "Left", p.left),
			p.picker("right", "Right", p.right),
		),
		app.If(!ready, app.P().Class("notice").ID("compare-message").Text(p.message())),
		result,
	)
}

// message says what is missing or wrong with the sides.
func (p *compareView) message() string {
	var parts []string
	for _, k := range []struct {
		name string
		pick
	}{{"left", p.left}, {"right", p.right}} {
		switch {
		case k.role == "":
			parts = append(parts, "Choose a role and a level for the "+k.name+" side.")
		case k.side.Role == nil:
			parts = append(parts, "There is no role “"+k.role+"” for the "+k.name+" side: choose one.")
		case !k.ok():
			parts = append(parts, k.side.Role.Title+" has no level “"+k.level+"” for the "+k.name+" side: choose one.")
		}
	}
	return strings.Join(parts, " ")
}

func (p *compareView) picker(side, legend string, k pick) app.UI {
	roles := p.cat.Framework().Roles
	var levels []ladder.Level
	if k.side.Role != nil {
		levels = k.side.Role.Levels
	}
	return app.FieldSet().Class("picker").Body(
		app.Legend().Text(legend),
		app.Label().For(side+"-role").Text("Role"),
		app.Select().ID(side+"-role").OnChange(p.choose(side, "role")).Body(
			app.If(k.side.Role == nil, app.Option().Value("").Selected(true).Text("Choose a role")),
			app.Range(roles).Slice(func(i int) app.UI {
				return app.Option().Value(roles[i].ID).Selected(roles[i].ID == k.role).Text(roles[i].Title)
			}),
		),
		app.Label().For(side+"-level").Text("Level"),
		app.Select().ID(side+"-level").Disabled(k.side.Role == nil).OnChange(p.choose(side, "level")).Body(
			app.If(!k.ok(), app.Option().Value("").Selected(true).Text("Choose a level")),
			app.Range(levels).Slice(func(i int) app.UI {
				return app.Option().Value(levels[i].ID).Selected(levels[i].ID == k.level).Text(levels[i].Name)
			}),
		),
	)
}

// result is the comparison itself: the count, the rows, and the skills one
// side lacks.
func (p *compareView) result() app.UI {
	c, l, r := p.cmp, p.left.side, p.right.side
	return app.Div().Class("comparison").Body(
		app.P().Class("count").ID("compare-count").Text(countLine(c)),
		plainToggle(p.plain, p.togglePlain),
		app.Div().Class("compare-head").Aria("hidden", true).Body(
			app.Div().Text(l.Level.Title), app.Div().Text(r.Level.Title),
		),
		app.Range(c.Rows).Slice(func(i int) app.UI { return p.row(c.Rows[i]) }),
		app.If(len(c.OnlyLeft) > 0, p.only(l, c.OnlyLeft, true)),
		app.If(len(c.OnlyRight) > 0, p.only(r, c.OnlyRight, false)),
	)
}

func countLine(c ladder.Comparison) string {
	n := len(c.Rows)
	switch {
	case n == 0:
		return "The two levels share no skill."
	case c.Changed == 0:
		return "No skill changes."
	case c.Changed == 1:
		return "1 of " + strconv.Itoa(n) + " skills changes."
	}
	return strconv.Itoa(c.Changed) + " of " + strconv.Itoa(n) + " skills change."
}

// row is one skill: its name, what changes, and both sides' texts, the
// lower side with what the higher drops marked, the higher with what it
// adds.
func (p *compareView) row(row ladder.Row) app.UI {
	l, r := p.left.side.Level.Title, p.right.side.Level.Title
	leftNew := p.cmp.Reversed
	var left, right app.UI
	if p.plain {
		left, right = plainText(row.Left.Text), plainText(row.Right.Text)
	} else {
		left, right = diffText(row.Diff, leftNew), diffText(row.Diff, !leftNew)
	}
	return app.Section().Class("compare-row").Aria("label", row.Name).Body(
		app.H2().Text(row.Name),
		summaryLine(row.Diff),
		app.Div().Class("compare-cols").Body(
			app.Div().Class("col").Body(app.P().Class("col-label").Text(l), left),
			app.Div().Class("col").Body(app.P().Class("col-label").Text(r), right),
		),
	)
}

// only lists the skills that one side has and the other lacks.
func (p *compareView) only(s ladder.Side, rows []ladder.Row, left bool) app.UI {
	return app.Section().Class("only").Body(
		app.H2().Text("Only "+s.Level.Title+" has"),
		app.Range(rows).Slice(func(i int) app.UI {
			e := rows[i].Right
			if left {
				e = rows[i].Left
			}
			return app.Div().Class("only-skill").Body(
				app.H3().Text(rows[i].Name),
				plainText(e.Text),
			)
		}),
	)
}
