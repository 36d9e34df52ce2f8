package app

import (
	"errors"
	"strconv"
	"time"

	"github.com/ladder-explorer/ladder/ladder/assess"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The browser's localStorage, which keeps assessments on the device. Every
// call can throw: storage disabled (some private modes), full, or blocked.
// A throw becomes an error, and the page says that saving is off.

// errNoStorage is storage that does not exist, as on the server.
var errNoStorage = errors.New("this browser keeps nothing on the device")

// jsCall calls a method of localStorage, turning a JavaScript exception
// into an error.
func jsCall(method string, args ...any) (v app.Value, err error) {
	if app.IsServer {
		return nil, errNoStorage
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(describe(r))
		}
	}()
	ls := localStorage()
	if !ls.Truthy() || ls.Get(inMemory).Truthy() {
		return nil, errNoStorage
	}
	return ls.Call(method, args...), nil
}

// localStorage reads window.localStorage through Reflect.get. Reading it as
// a property would let a throwing getter end the Go program: only calls
// turn JavaScript exceptions into Go panics, which callers recover.
func localStorage() app.Value {
	w := app.Window()
	return w.Get("Reflect").Call("get", w, "localStorage")
}

func describe(r any) string {
	if err, ok := r.(error); ok {
		return err.Error()
	}
	return "storage failed"
}

// readStore reads the saved assessments. A damaged document is kept aside
// under a key of its own before anything is saved over it.
func readStore() (assess.Loaded, error) {
	v, err := jsCall("getItem", assess.StoreKey)
	if err != nil {
		return assess.Load(""), err
	}
	saved := ""
	if v.Truthy() {
		saved = v.String()
	}
	l := assess.Load(saved)
	if l.Damaged {
		key := assess.StoreKey + ".kept-" + strconv.FormatInt(time.Now().Unix(), 10)
		if _, err := jsCall("setItem", key, saved); err != nil {
			// Without a copy aside, saving over it would lose it.
			l.ReadOnly = true
			l.Notes = append(l.Notes, assess.Problem{Code: notKeptAside})
		}
	}
	return l, nil
}

// writeStore saves the assessments.
func writeStore(s assess.Store) error {
	_, err := jsCall("setItem", assess.StoreKey, assess.Save(s))
	return err
}

// GuardStorage replaces a localStorage that throws when touched, as some
// private modes make it, with one in memory, before go-app starts: go-app
// reads localStorage at start and would fail, taking the whole app down
// with it. The stand-in keeps nothing past the page, and the app says that
// saving is off. Call it before app.RunWhenOnBrowser.
func GuardStorage() {
	if app.IsServer || !storageThrows() {
		return
	}
	w := app.Window()
	desc := w.Get("Object").New()
	desc.Set("value", memoryStorage())
	desc.Set("configurable", true)
	defer func() { _ = recover() }() // a property that cannot be redefined stays as it is
	w.Get("Object").Call("defineProperty", w, "localStorage", desc)
}

// inMemory marks the stand-in storage.
const inMemory = "ladderInMemory"

// memoryStorage is a Storage that lives in memory. Its methods are on its
// prototype, so that, like the real one, it lists only its items.
func memoryStorage() app.Value {
	items := map[string]string{}
	w := app.Window()
	proto := w.Get("Object").New()
	proto.Set(inMemory, true)
	proto.Set("getItem", app.FuncOf(func(_ app.Value, args []app.Value) any {
		if v, ok := items[argString(args, 0)]; ok {
			return v
		}
		return nil
	}))
	proto.Set("setItem", app.FuncOf(func(_ app.Value, args []app.Value) any {
		items[argString(args, 0)] = argString(args, 1)
		return nil
	}))
	proto.Set("removeItem", app.FuncOf(func(_ app.Value, args []app.Value) any {
		delete(items, argString(args, 0))
		return nil
	}))
	return w.Get("Object").Call("create", proto)
}

func argString(args []app.Value, i int) string {
	if i < len(args) {
		return args[i].String()
	}
	return ""
}

// storageThrows reports whether reading window.localStorage throws.
func storageThrows() (throws bool) {
	defer func() {
		if recover() != nil {
			throws = true
		}
	}()
	localStorage()
	return false
}
