package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/ladder-explorer/ladder/ladder/assess"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// assessPage is where a person places themselves on each of a role's
// skills. Everything they enter is saved at once in the browser's storage
// and never leaves the device: no URL carries it, no request sends it.
type assessPage struct {
	app.Compo
	cat   *Catalog
	role  *ladder.Role
	asked string
	store assess.Store
	// base is the store as this tab last read or saved it: what it
	// changed since, and only that, is saved over other tabs' changes.
	base assess.Store
	// current is the ID of the assessment shown, against the one it is
	// compared with.
	current, against string
	// notes are what reading storage found wrong; saveOff why saving is off.
	notes    []assess.Problem
	saveOff  string
	readOnly bool
	// noStorage is true when the browser keeps nothing on the device.
	noStorage bool
	// deleted is the assessment just deleted, which Undo brings back.
	deleted *ladder.Assessment
	// ioMsg says how the last import went; pending are imported
	// assessments already here, waiting for the person to say what to do.
	ioMsg   string
	pending []ladder.Assessment
	stop    func()
	quick   *quickListener
	// placed is where quickPlace put the skills it moved, until mendPlace.
	placed []quickPlaced
}

// newAssessPage returns the assessment page of the role with the given
// ID; with an empty ID, the role is read from the URL in OnNav.
func newAssessPage(c *Catalog, id string) *assessPage {
	return &assessPage{cat: c, asked: id, role: c.Role(id)}
}

func (p *assessPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *assessPage) OnNav(ctx app.Context) { p.load(ctx) }

func (p *assessPage) load(ctx app.Context) {
	at, r := p.cat.roleAt(ctx, p.load)
	if p.asked, p.role = at["role"], r; r == nil {
		return
	}
	p.pickCurrent()
	setMeta(ctx, p.cat, assessPath(p.role.ID), "Assess yourself: "+p.role.Title,
		"Place yourself on each skill of the "+p.role.Title+" ladder, privately, on your device.")
}

// OnMount reads the saved assessments, follows other tabs' changes, and
// shows a skill slider's level in the event that moves it (see quick.go).
func (p *assessPage) OnMount(ctx app.Context) {
	p.quick = listenQuick(ctx, "input", func(id string) bool { return strings.HasPrefix(id, "assess-") }, p.quickPlace, p.mendPlace)
	p.read()
	p.stop = app.Window().AddEventListener("storage", func(ctx app.Context, e app.Event) {
		if e.Get("key").String() == assess.StoreKey {
			p.read()
		}
	})
}

// OnDismount stops following other tabs.
func (p *assessPage) OnDismount() {
	if p.stop != nil {
		p.stop()
	}
	p.quick.stop()
}

// read loads the store, repairs it in storage if it was damaged (the
// damaged text is kept aside first), and picks the assessment to show.
func (p *assessPage) read() {
	l, err := readStore()
	p.store, p.notes, p.readOnly = l.Store, l.Notes, l.ReadOnly
	p.base = assess.Clone(l.Store)
	p.saveOff, p.noStorage = "", err != nil
	if err != nil {
		p.saveOff = "Saving is off: this browser does not let the app keep anything on the device (" + err.Error() + "). What you enter stays until you leave the page."
		return
	}
	if l.Damaged && !l.ReadOnly {
		p.write() // the repaired store, just read: nothing to merge
	}
	p.pickCurrent()
}

// pickCurrent shows the role's latest assessment, unless the one shown is
// the role's.
func (p *assessPage) pickCurrent() {
	if p.role == nil {
		return
	}
	if a := p.store.Find(p.current); a != nil && a.Role == p.role.ID {
		return
	}
	p.current = p.store.Latest(p.role.ID)
}

// mine returns the role's assessments.
func (p *assessPage) mine() []*ladder.Assessment { return p.store.Of(p.role.ID) }

// edit returns the assessment shown, creating it on the first change.
func (p *assessPage) edit() *ladder.Assessment {
	if a := p.store.Find(p.current); a != nil {
		a.Updated = now()
		return a
	}
	return p.create("Assessment, " + time.Now().Format("2 Jan 2006"))
}

func (p *assessPage) create(name string) *ladder.Assessment {
	t := now()
	a := p.store.Add(ladder.Assessment{ID: newID(), Name: name, Role: p.role.ID, Created: t, Updated: t})
	p.current = a.ID
	return a
}

// save writes the store at once, unless saving is off. Another tab may
// have saved since this one last read: its changes are merged in, not
// saved over.
func (p *assessPage) save() {
	if p.readOnly || p.noStorage {
		return
	}
	if l, err := readStore(); err == nil {
		if l.ReadOnly {
			// Storage now holds what this app must not save over: a
			// newer version's document, saved in another tab, or damage
			// there was no room to keep aside.
			p.readOnly = true
			p.notes = append(p.notes, l.Notes...)
			return
		}
		p.store = assess.Merge(p.base, p.store, l.Store)
	}
	p.write()
}

// write saves the store as it is.
func (p *assessPage) write() {
	if err := writeStore(p.store); err != nil {
		p.saveOff = "Saving failed: " + err.Error() + ". Your last change is only on this page; export what you need before you leave."
		return
	}
	p.base = assess.Clone(p.store)
	p.saveOff = ""
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

var idCount int

// newID names a new assessment: unique on this device, and meaningless.
func newID() string {
	idCount++
	return strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.Itoa(idCount)
}
