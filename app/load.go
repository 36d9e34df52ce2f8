package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// LoadCatalog returns the catalog of the site published at site, in the
// browser: it fetches the data index, then the roles the page at u shows,
// so that the app's first render is the prerendered page. It blocks until
// they have arrived: call it before the app starts. When the index cannot
// be had, the catalog is empty and every page says why.
func LoadCatalog(site Site, u *url.URL) *Catalog {
	c := newCatalog(site)
	var idx Index
	if err := fetchJSON(c.Path("/"+IndexFile), &idx); err != nil {
		c.err = fmt.Errorf("load the site's data: %w", err)
		return c
	}
	c.outline = &ladder.Framework{Families: idx.Families}
	for i := range idx.Roles {
		e := &idx.Roles[i]
		c.outline.Roles = append(c.outline.Roles, e.outline())
		c.files[e.ID] = e.File
	}
	// The roles are fetched side by side, and kept here, one at a time.
	type loaded struct {
		id   string
		role *ladder.Role
		err  error
	}
	ids := c.rolesAt(u)
	done := make(chan loaded, len(ids))
	for _, id := range ids {
		if c.files[id] == "" {
			done <- loaded{id: id}
			continue
		}
		go func() {
			r, err := c.fetchRole(id)
			done <- loaded{id, r, err}
		}()
	}
	for range ids {
		if l := <-done; l.role != nil || l.err != nil {
			c.settle(l.id, l.role, l.err)
		}
	}
	return c
}

// Err says why the site's data could not be loaded, or nil.
func (c *Catalog) Err() error { return c.err }

// Need returns the role with the given ID, whole, as Role does. When the
// role is in the outline but not loaded, it starts loading it, unless it
// is on its way, and returns nil: then is called with ctx, on the UI
// goroutine, once it has arrived or failed (see Loading and Failed), if
// ctx's component is still mounted. A role that failed is not asked for
// again: then is likely to call Need, and the page offers a reload.
func (c *Catalog) Need(ctx app.Context, id string, then func(app.Context)) *ladder.Role {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.roles[id]; r != nil || c.files[id] == "" || c.failed[id] != nil {
		return r
	}
	waiting, started := c.loading[id]
	c.loading[id] = append(waiting, waiter{ctx, then})
	if !started {
		ctx.Async(func() {
			r, err := c.fetchRole(id)
			c.mu.Lock()
			c.settle(id, r, err)
			waiting := c.loading[id]
			delete(c.loading, id)
			c.mu.Unlock()
			for _, w := range waiting {
				w.ctx.Dispatch(w.then)
			}
		})
	}
	return nil
}

// waiter is a component waiting for a role, and what to call it back with.
type waiter struct {
	ctx  app.Context
	then func(app.Context)
}

// Loading says whether the role with the given ID is on its way.
func (c *Catalog) Loading(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.loading[id]
	return ok
}

// Failed says why the role with the given ID could not be loaded, or nil.
func (c *Catalog) Failed(id string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failed[id]
}

// fetchRole fetches and decodes a role's file. It blocks.
func (c *Catalog) fetchRole(id string) (*ladder.Role, error) {
	var r ladder.Role
	if err := fetchJSON(c.Path("/"+c.files[id]), &r); err != nil {
		return nil, err
	}
	if r.ID != id {
		return nil, fmt.Errorf("%s holds role %q, not %q", c.files[id], r.ID, id)
	}
	return &r, nil
}

// settle keeps what loading a role gave.
func (c *Catalog) settle(id string, r *ladder.Role, err error) {
	if err != nil {
		c.failed[id] = err
		return
	}
	c.roles[id] = r
}

// fetchJSON fetches the file at path with the browser's fetch and decodes
// its JSON into v. It blocks until the answer, off the UI goroutine.
func fetchJSON(path string, v any) error {
	if !app.IsClient {
		return errors.New("no browser to fetch " + path)
	}
	type answer struct {
		text string
		err  error
	}
	done := make(chan answer, 1)
	var onText, onResponse, onError app.Func
	onError = app.FuncOf(func(_ app.Value, args []app.Value) any {
		msg := "the network failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		done <- answer{err: errors.New(msg)}
		return nil
	})
	onText = app.FuncOf(func(_ app.Value, args []app.Value) any {
		done <- answer{text: args[0].String()}
		return nil
	})
	onResponse = app.FuncOf(func(_ app.Value, args []app.Value) any {
		res := args[0]
		if !res.Get("ok").Bool() {
			done <- answer{err: fmt.Errorf("%s: status %d", path, res.Get("status").Int())}
			return nil
		}
		res.Call("text").Call("then", onText, onError)
		return nil
	})
	defer onError.Release()
	defer onText.Release()
	defer onResponse.Release()
	app.Window().Call("fetch", path).Call("then", onResponse, onError)
	a := <-done
	if a.err != nil {
		return a.err
	}
	if err := json.Unmarshal([]byte(a.text), v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
