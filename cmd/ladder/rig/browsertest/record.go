package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
)

// Message is one entry of a tab's console.
type Message struct {
	// Source is "console" for a call of the console API, "exception" for an
	// uncaught exception or rejection, and otherwise the part of the browser
	// that logged it, such as "security" (CSP) or "network".
	Source string
	// Level is the console call's type ("log", "error"...) or the log entry's
	// level ("verbose", "info", "warning", "error").
	Level string
	// Text is the message as the DevTools console shows it, roughly.
	Text string
	// URL is where the message came from, when the browser says.
	URL string
}

// String returns the message as "source level: text".
func (m Message) String() string {
	return fmt.Sprintf("%s %s: %s", m.Source, m.Level, m.Text)
}

// tabKey keys a tab's state in its context.
type tabKey struct{}

// tabState keeps what a tab did, and the sessions that keep its service
// workers offline. Its listen method runs in chromedp's read loop, so it
// only appends under the lock.
type tabState struct {
	mu       sync.Mutex
	requests []string
	methods  []string // the method of each request, in the same order
	console  []Message
	workers  map[target.ID]workerSession // attached while offline
}

// listen records one event of the tab.
func (r *tabState) listen(ev any) {
	var m Message
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		r.mu.Lock()
		r.requests = append(r.requests, ev.Request.URL)
		r.methods = append(r.methods, ev.Request.Method)
		r.mu.Unlock()
		return
	case *runtime.EventConsoleAPICalled:
		m = Message{Source: "console", Level: string(ev.Type), Text: argsText(ev.Args)}
		if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
			m.URL = st.CallFrames[0].URL
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		if d == nil {
			return
		}
		m = Message{Source: "exception", Level: "error", Text: d.Text, URL: d.URL}
		if d.Exception != nil && d.Exception.Description != "" {
			m.Text += " " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		if e == nil {
			return
		}
		m = Message{Source: string(e.Source), Level: string(e.Level), Text: e.Text, URL: e.URL}
	default:
		return
	}
	r.mu.Lock()
	r.console = append(r.console, m)
	r.mu.Unlock()
}

// argsText joins a console call's arguments: strings as they are, other
// values as JSON or as their description.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		var s string
		switch {
		case len(a.Value) > 0:
			if err := json.Unmarshal(a.Value, &s); err != nil {
				s = string(a.Value)
			}
		case a.UnserializableValue != "":
			s = string(a.UnserializableValue)
		case a.Description != "":
			s = a.Description
		default:
			s = string(a.Type)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// stateOf returns the state of a tab from [NewTab], or nil.
func stateOf(tab context.Context) *tabState {
	r, _ := tab.Value(tabKey{}).(*tabState)
	return r
}

// Requests returns the URL of every request the tab has sent so far, in
// order, repeats included: the page's own, not its service worker's. It
// returns nil for a context that [NewTab] did not make.
func Requests(tab context.Context) []string {
	r := stateOf(tab)
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.requests)
}

// Methods returns the HTTP method of each request that Requests returns,
// in the same order.
func Methods(tab context.Context) []string {
	r := stateOf(tab)
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.methods)
}

// Console returns the tab's console so far: calls of the console API,
// uncaught exceptions and the browser's own messages (a blocked resource, a
// failed load). It returns nil for a context that [NewTab] did not make.
func Console(tab context.Context) []Message {
	r := stateOf(tab)
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.console)
}

// Errors returns the console messages of level "error": exceptions,
// console.error calls and the browser's errors.
func Errors(tab context.Context) []Message {
	var errs []Message
	for _, m := range Console(tab) {
		if m.Level == "error" {
			errs = append(errs, m)
		}
	}
	return errs
}
