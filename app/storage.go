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
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return nil, errNoStorage
	}
	return ls.Call(method, args...), nil
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
			l.Notes = append(l.Notes, "It could not be kept aside, so nothing is saved until you free some space.")
		}
	}
	return l, nil
}

// writeStore saves the assessments.
func writeStore(s assess.Store) error {
	_, err := jsCall("setItem", assess.StoreKey, assess.Save(s))
	return err
}
