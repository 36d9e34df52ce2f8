package app

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The views build their HTML with the few functions of this file, not with
// go-app's typed builders (app.Div().Class(…).Body(…)). Each typed builder
// a program uses brings its element type's methods into app.wasm, and each
// chained call compiles, in WebAssembly, to a hundred bytes or more where
// it is written: the views of a few pages cost more than the whole go-app
// client they run on. One generic element and one call per element keep
// app.wasm within its size budget (docs/performance.md, "Size of app.wasm").

// attrs are an element's attributes as name-value pairs:
// attrs{"class", "notice", "id", "import-message"}.
type attrs []string

// el is the element tag with its attributes and children. A nil child
// (see when) is left out.
func el(tag string, a attrs, kids ...app.UI) app.UI {
	return listen(tag, a, "", nil, kids...)
}

// txt is the element tag with its attributes, holding text.
func txt(tag string, a attrs, text string) app.UI {
	e := app.Elem(tag)
	setAttrs(a, func(name, value string) { e.Attr(name, value) })
	return e.Text(text)
}

// listen is el with, when fn is not nil, a handler for one event of the
// element's.
func listen(tag string, a attrs, event string, fn app.EventHandler, kids ...app.UI) app.UI {
	e := app.Elem(tag)
	setAttrs(a, func(name, value string) { e.Attr(name, value) })
	if fn != nil {
		e.On(event, fn)
	}
	if len(kids) > 0 {
		// A copy, so that the caller's list of children stays on its
		// stack: go-app keeps the slice it is given.
		e.Body(slices.Clone(kids)...)
	}
	return e
}

// void is an element that has no content, such as img or input, with its
// attributes and, when fn is not nil, a handler for event.
func void(tag string, a attrs, event string, fn app.EventHandler) app.UI {
	e := app.ElemSelfClosing(tag)
	setAttrs(a, func(name, value string) { e.Attr(name, value) })
	if fn != nil {
		e.On(event, fn)
	}
	return e
}

// button is a button of type button labelled text that runs fn when
// clicked.
func button(a attrs, text string, fn app.EventHandler) app.UI {
	e := app.Elem("button").Attr("type", "button")
	setAttrs(a, func(name, value string) { e.Attr(name, value) })
	return e.On("click", fn).Text(text)
}

// option is an option of a select.
func option(value, label string, selected bool) app.UI {
	return txt("option", attrs{"value", value, "selected", flag(selected)}, label)
}

// when is ui when cond holds, and otherwise nothing. Like app.If, it takes
// ui built already: guard what cannot be built when cond fails.
func when(cond bool, ui app.UI) app.UI {
	if cond {
		return ui
	}
	return nil
}

// each is f of 0 to n-1, in order: f(i) is the UI of a list's item i.
func each(n int, f func(i int) app.UI) []app.UI {
	out := make([]app.UI, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

// flag is the value of a boolean attribute: "true" when on.
func flag(on bool) string {
	if on {
		return "true"
	}
	return "false"
}

// setAttrs sets the pairs of a with set. A boolean attribute is set only
// when its value is "true": go-app would prerender selected="false", which
// a browser reads as selected.
func setAttrs(a attrs, set func(name, value string)) {
	for i := 0; i+1 < len(a); i += 2 {
		switch a[i] {
		case "checked", "disabled", "hidden", "multiple", "open", "readonly", "required", "selected":
			if a[i+1] != "true" {
				continue
			}
		}
		set(a[i], a[i+1])
	}
}
