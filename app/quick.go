package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// go-app handles an event on its own goroutine and changes the DOM on its
// next frame, which is 17 ms away when the app has been idle (its frame
// ticker slows down then, and starts again at the event). That is one
// frame late for a control that is being dragged or held. So the controls
// that swap a page's content also have a quick path: a listener that
// JavaScript calls during the event itself, which writes the new content
// straight into the DOM nodes go-app will write it into a frame later.
// It only ever changes what go-app can find again as it left it: the
// value of a text node, an attribute, a control's value, and the inside
// of the element an app.Raw made (prose), which go-app replaces whole
// when its HTML changes. When the new content has another shape (other
// skills), the quick path leaves it to go-app.
//
// go-app writes a node only where its own last render differs from the
// new one. So when something else (a toggle, a link, another tab) takes
// the state elsewhere before that frame, a node the quick path wrote may
// be one go-app sees no reason to write, and the page would go on
// showing the quick path's content. So after go-app's next frame, a quick
// path's mend writes the state as it then is into the nodes it wrote,
// where that state is not the one it wrote.

// quickListener is a listener on the document for one event. It hears the
// event as it bubbles up, after go-app's own listener on the element has
// queued go-app's handler: heard before (capturing), a held arrow key made
// go-app's slider skip steps in the browser tests.
type quickListener struct {
	event string
	fn    app.Func
	// mending is true from a quick write until mend has run after
	// go-app's next frame.
	mending bool
}

// listenQuick calls write, during the event, for every event of that type
// on an element whose id match accepts, with the element; write says
// whether it wrote into the page. After go-app's next frame, mend, if not
// nil, runs once for all that was written before it (a Defer of ctx's
// component: go-app queues it after the handler of the event that wrote,
// so it runs after the frame that renders that handler's change).
// Release the listener with stop.
func listenQuick(ctx app.Context, event string, match func(id string) bool, write func(target app.Value) bool, mend func()) *quickListener {
	q := &quickListener{event: event}
	q.fn = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		if t := args[0].Get("target"); t.Truthy() && match(t.Get("id").String()) && write(t) && mend != nil && !q.mending {
			q.mending = true
			ctx.Defer(func(app.Context) {
				q.mending = false
				mend()
			})
		}
		return nil
	})
	app.Window().Get("document").Call("addEventListener", event, q.fn)
	return q
}

// stop removes the listener.
func (q *quickListener) stop() {
	if q == nil {
		return
	}
	app.Window().Get("document").Call("removeEventListener", q.event, q.fn)
	q.fn.Release()
}

// setText sets the text of an element whose first child is its text, in
// place: go-app keeps that text node and sets its value later.
func setText(e app.Value, text string) {
	if !e.Truthy() {
		return
	}
	if t := e.Get("firstChild"); t.Truthy() && t.Get("nodeType").Int() == 3 {
		t.Set("nodeValue", text)
	}
}

// setTexts sets the texts of a list of elements, as setText does, one
// each.
func setTexts(list app.Value, texts []string) {
	for i := 0; i < list.Length() && i < len(texts); i++ {
		setText(list.Index(i), texts[i])
	}
}

// setProse puts content HTML in an element prose made.
func setProse(e app.Value, html string) {
	if e.Truthy() {
		e.Set("innerHTML", ProseStart+html+ProseEnd)
	}
}
