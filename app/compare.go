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
	quick       *quickListener
	// wroteLeft, wroteRight and wrotePlain are what quickPick last wrote
	// into the page, until mendPick.
	wroteLeft, wroteRight *ladder.Level
	wrotePlain            bool
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

// OnMount shows a level picker's comparison in the event that changes it
// (see quick.go).
func (p *compareView) OnMount(ctx app.Context) {
	p.quick = listenQuick(ctx, "change", func(id string) bool { return id == "left-level" || id == "right-level" }, p.quickPick, p.mendPick)
}

func (p *compareView) OnDismount() { p.quick.stop() }

func (p *compareView) load(ctx app.Context) {
	u := ctx.Page().URL()
	p.cat.NeedOutline(ctx, p.load) // the pickers list every role
	for _, id := range p.cat.rolesAt(u) {
		p.cat.Need(ctx, id, p.load)
	}
	p.read(u)
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
	if r := p.cat.Role(role); r != nil {
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
	path := comparePattern
	if p.left.role != "" || p.right.role != "" {
		path = comparePath(p.left.ref(), p.right.ref())
	}
	setMeta(ctx, p.cat, path, title, "What changes from one level to another, skill by skill.")
}

// choose applies a picker: side "left" or "right", part "role" or
// "level". A new role keeps the level's place on its ladder.
func (p *compareView) choose(side, part string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		left, right := p.picked(side, part, ctx.JSSrc().Get("value").String())
		u := *ctx.Page().URL()
		u.RawQuery = strings.TrimPrefix(comparePath(left.ref(), right.ref()), comparePattern+"?")
		u.Fragment = ""
		ctx.Page().ReplaceURL(&u)
		// load reads the sides back from the address, compares them, and
		// loads a role chosen if it is not here yet.
		p.load(ctx)
	}
}

// picked is both sides once a picker is set to v.
func (p *compareView) picked(side, part, v string) (left, right pick) {
	left, right = p.left, p.right
	k := &left
	if side == "right" {
		k = &right
	}
	if part == "level" {
		*k = p.resolve(k.role + "/" + v)
	} else {
		*k = p.resolve(v + "/" + ladder.LevelAtPlace(p.cat.Outline().Role(v), k.side))
	}
	return left, right
}

// quickPick writes the comparison a level picker moves to into the page
// during the event (see quick.go). chose, a frame later, does the rest; a
// role picker is left to it.
func (p *compareView) quickPick(sel app.Value) bool {
	side, part, _ := strings.Cut(sel.Get("id").String(), "-")
	if part != "level" {
		return false
	}
	left, right := p.picked(side, part, sel.Get("value").String())
	if !p.writePick(left, right) {
		return false
	}
	p.wroteLeft, p.wroteRight, p.wrotePlain = left.side.Level, right.side.Level, p.plain
	return true
}

// mendPick writes the comparison shown into what quickPick wrote, if
// go-app's frame has come to another one than was written (see quick.go).
func (p *compareView) mendPick() {
	if p.left.side.Level != p.wroteLeft || p.right.side.Level != p.wroteRight || p.plain != p.wrotePlain {
		p.writePick(p.left, p.right)
	}
	p.wroteLeft, p.wroteRight = nil, nil
}

// writePick writes the comparison of two sides into the page, when it has
// the same rows as the one the page shows: the count, the column heads and
// each row's summary and texts. It says whether it did.
func (p *compareView) writePick(left, right pick) bool {
	if !left.ok() || !right.ok() {
		return false
	}
	c := ladder.Compare(left.side, right.side)
	doc := app.Window().Get("document")
	rows := doc.Call("querySelectorAll", ".comparison > section.compare-row")
	if len(c.OnlyLeft)+len(c.OnlyRight) > 0 || doc.Call("querySelector", ".comparison > section.only").Truthy() || rows.Length() != len(c.Rows) {
		return false
	}
	for i := range c.Rows {
		if rows.Index(i).Call("getAttribute", "aria-label").String() != c.Rows[i].Name {
			return false
		}
	}
	titles := [2]string{left.side.Level.Title, right.side.Level.Title}
	setText(doc.Call("getElementById", "compare-count"), countLine(c))
	setTexts(doc.Call("querySelectorAll", ".compare-head > div"), titles[:])
	for i := range c.Rows {
		row, e := &c.Rows[i], rows.Index(i)
		setText(e.Call("querySelector", ".change-summary"), summaryText(row.Diff))
		setTexts(e.Call("querySelectorAll", ".col-label"), titles[:])
		html := p.rowHTML(row, c.Reversed)
		texts := e.Call("querySelectorAll", ".compare-cols .diff")
		for j := 0; j < 2 && j < texts.Length(); j++ {
			setProse(texts.Index(j), html[j])
		}
	}
	return true
}

func (p *compareView) togglePlain(ctx app.Context, _ app.Event) { p.plain = !p.plain }

func (p *compareView) Render() app.UI {
	ready := p.left.ok() && p.right.ok()
	var result app.UI // when takes it built: build it only when ready
	if ready {
		result = p.result()
	}
	return frame(p.cat, []crumb{{"Roles", "/"}}, "Compare",
		txt("h1", attrs{"class", "compare-title"}, "Compare levels"),
		el("noscript", nil, txt("p", attrs{"class", "notice"}, "Comparing needs JavaScript, which is off: the levels' own pages are linked from the roles.")),
		el("div", attrs{"class", "pickers"},
			p.picker("left", "Left", p.left),
			p.picker("right", "Right", p.right),
		),
		when(!ready, txt("p", attrs{"class", "notice", "id", "compare-message"}, p.message())),
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
		case k.side.Role == nil && p.cat.Loading(k.role):
			parts = append(parts, "Loading "+p.cat.title(k.role)+"…")
		case k.side.Role == nil && p.cat.Failed(k.role) != nil:
			parts = append(parts, p.cat.title(k.role)+" could not be loaded ("+p.cat.Failed(k.role).Error()+"): check the connection and reload.")
		case k.side.Role == nil:
			parts = append(parts, "There is no role “"+k.role+"” for the "+k.name+" side: choose one.")
		case !k.ok():
			parts = append(parts, k.side.Role.Title+" has no level “"+k.level+"” for the "+k.name+" side: choose one.")
		}
	}
	return strings.Join(parts, " ")
}

func (p *compareView) picker(side, legend string, k pick) app.UI {
	// The pickers list the outline's roles and levels: they are right
	// while a role chosen is still on its way.
	roles := p.cat.Outline().Roles
	role := p.cat.Outline().Role(k.role)
	var levels []ladder.Level
	if role != nil {
		levels = role.Levels
	}
	roleOptions := []app.UI{when(role == nil, option("", "Choose a role", true))}
	for _, r := range roles {
		roleOptions = append(roleOptions, option(r.ID, r.Title, r.ID == k.role))
	}
	levelOptions := []app.UI{when(role == nil || role.Level(k.level) == nil, option("", "Choose a level", true))}
	for _, l := range levels {
		levelOptions = append(levelOptions, option(l.ID, l.Name, l.ID == k.level))
	}
	return el("fieldset", attrs{"class", "picker"},
		txt("legend", nil, legend),
		txt("label", attrs{"for", side + "-role"}, "Role"),
		listen("select", attrs{"id", side + "-role"}, "change", p.choose(side, "role"), roleOptions...),
		txt("label", attrs{"for", side + "-level"}, "Level"),
		listen("select", attrs{"id", side + "-level", "disabled", flag(role == nil)}, "change", p.choose(side, "level"), levelOptions...),
	)
}

// result is the comparison itself: the count, the rows, and the skills one
// side lacks.
func (p *compareView) result() app.UI {
	c, l, r := p.cmp, p.left.side, p.right.side
	content := []app.UI{
		el("div", attrs{"class", "compare-bar"},
			txt("p", attrs{"class", "count", "id", "compare-count"}, countLine(c)),
			plainToggle(p.plain, p.togglePlain),
		),
		el("div", attrs{"class", "compare-head", "aria-hidden", "true"},
			txt("div", nil, l.Level.Title), txt("div", nil, r.Level.Title),
		),
	}
	for i := range c.Rows {
		content = append(content, p.row(&c.Rows[i]))
	}
	content = append(content,
		when(len(c.OnlyLeft) > 0, p.only(l, c.OnlyLeft, true)),
		when(len(c.OnlyRight) > 0, p.only(r, c.OnlyRight, false)),
	)
	return el("div", attrs{"class", "comparison"}, content...)
}

func countLine(c ladder.Comparison) string {
	n := len(c.Rows)
	switch {
	case n == 0:
		return "The two levels share no skill."
	case c.Changed == 0:
		return "No skill changes."
	}
	skills, change := " skills", " change."
	if n == 1 {
		skills = " skill"
	}
	if c.Changed == 1 {
		change = " changes."
	}
	return strconv.Itoa(c.Changed) + " of " + strconv.Itoa(n) + skills + change
}

// row is one skill: its name, what changes, and both sides' texts, the
// lower side with what the higher drops marked, the higher with what it
// adds.
func (p *compareView) row(row *ladder.Row) app.UI {
	l, r := p.left.side.Level.Title, p.right.side.Level.Title
	html := p.rowHTML(row, p.cmp.Reversed)
	left, right := textBlock(html[0]), textBlock(html[1])
	return el("section", attrs{"class", "compare-row", "aria-label", row.Name},
		txt("h2", nil, row.Name),
		summaryLine(row.Diff),
		el("div", attrs{"class", "compare-cols"},
			el("div", attrs{"class", "col"}, txt("p", attrs{"class", "col-label"}, l), left),
			el("div", attrs{"class", "col"}, txt("p", attrs{"class", "col-label"}, r), right),
		),
	)
}

// rowHTML is the inside of a row's two texts: plain, or the lower side with
// what the higher drops marked and the higher with what it adds. reversed
// says the left side is the higher.
func (p *compareView) rowHTML(row *ladder.Row, reversed bool) [2]string {
	if p.plain {
		return [2]string{escapeText(row.Left.Text), escapeText(row.Right.Text)}
	}
	return [2]string{diffHTML(row.Diff, reversed), diffHTML(row.Diff, !reversed)}
}

// only lists the skills that one side has and the other lacks.
func (p *compareView) only(s ladder.Side, rows []ladder.Row, left bool) app.UI {
	content := []app.UI{txt("h2", nil, "Only "+s.Level.Title+" has")}
	for _, row := range rows {
		e := row.Right
		if left {
			e = row.Left
		}
		content = append(content, el("div", attrs{"class", "only-skill"}, txt("h3", nil, row.Name), plainText(e.Text)))
	}
	return el("section", attrs{"class", "only"}, content...)
}
