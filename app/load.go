package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"

	"github.com/ladder-explorer/ladder/ladder"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// RoleFileMeta names the meta element by which the prerendered page of a
// role names that role's data file: the app starting on the page fetches
// the role alone, and its start does not grow with the number of roles.
// The index is fetched when a page needs it (see NeedOutline).
const RoleFileMeta = "ladder-role-file"

// LoadCatalog returns the catalog of the site published at site, in the
// browser: it fetches the roles the page at u shows, so that the app's
// first render is the prerendered page. A page of a role names its role's
// file (RoleFileMeta); any other page, or a role its page does not name,
// needs the data index first, and a page of a role that names other roles
// (route.namesRoles) fetches it beside the role's file. It blocks until
// they have arrived: call it before the app starts. When the index cannot
// be had, the catalog has no roles and every page says why.
func LoadCatalog(site Site, u *url.URL) *Catalog {
	c := newCatalog(site)
	ids := c.rolesAt(u)
	named := ""
	if len(ids) == 1 {
		named = pageRoleFile()
	}
	var index chan *Index
	if named != "" {
		c.files[ids[0]] = named
		if r, _ := match(c.local(u.Path)); r != nil && r.namesRoles {
			index = make(chan *Index, 1)
			go func() {
				idx, _ := c.fetchIndex() // without it, the page names no other role
				index <- idx
			}()
		}
	} else if c.useIndex(c.fetchIndex()); c.err != nil {
		return c
	}
	c.fetchRoles(ids)
	if index != nil {
		if idx := <-index; idx != nil {
			c.useIndex(idx, nil)
		}
	}
	if named != "" && c.failed[ids[0]] != nil {
		// The page named a file the site no longer has (a page kept from
		// before an update): the index names the role's file now.
		delete(c.failed, ids[0])
		if c.useIndex(c.fetchIndex()); c.err != nil {
			return c
		}
		c.fetchRoles(ids)
	}
	return c
}

// pageRoleFile is the data file the page's RoleFileMeta names, or empty.
func pageRoleFile() string {
	meta := app.Window().Get("document").Call("querySelector", `meta[name="`+RoleFileMeta+`"]`)
	if !meta.Truthy() {
		return ""
	}
	return meta.Call("getAttribute", "content").String()
}

// fetchRoles fetches the roles with the given IDs side by side, and keeps
// them, or why they failed, one at a time. A role with no file is left
// out: there is no such role.
func (c *Catalog) fetchRoles(ids []string) {
	type loaded struct {
		id   string
		role *ladder.Role
		err  error
	}
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
}

// fetchIndex fetches and decodes the data index. It blocks.
func (c *Catalog) fetchIndex() (*Index, error) {
	var idx Index
	if err := fetchJSON(c.Path("/"+IndexFile), &idx); err != nil {
		return nil, fmt.Errorf("load the site's data: %w", err)
	}
	return &idx, nil
}

// useIndex keeps the index, or why it could not be had, in c.err, and
// routes every role's pages once the app runs.
func (c *Catalog) useIndex(idx *Index, err error) {
	if err != nil {
		c.err = err
		return
	}
	outline := &ladder.Framework{Families: idx.Families}
	for i := range idx.Roles {
		e := &idx.Roles[i]
		outline.Roles = append(outline.Roles, e.outline())
		c.files[e.ID] = e.File
	}
	c.outline = outline
	c.searchFile = idx.Search
	if app.IsClient && shown.Load() == c {
		c.routeRoles()
	}
}

// Err says why the site's data could not be loaded, or nil.
func (c *Catalog) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// NeedOutline says whether the catalog has every role's outline, as lists
// of roles need it: always on the server, and in the browser once the
// data index has arrived or failed to (see Err). Until then Outline holds
// the roles loaded whole; NeedOutline starts fetching the index, unless it
// is on its way, and calls then with ctx, on the UI goroutine, once it has
// arrived or failed.
func (c *Catalog) NeedOutline(ctx app.Context, then func(app.Context)) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.indexSettled() {
		return true
	}
	c.awaitIndex(ctx, then)
	return false
}

// outlined says whether the catalog has every role's outline, or knows
// why it cannot have it (see NeedOutline).
func (c *Catalog) outlined() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.indexSettled()
}

// indexSettled says whether the index has arrived or failed to. c.mu is
// held.
func (c *Catalog) indexSettled() bool { return c.outline != nil || c.err != nil }

// awaitIndex has then called with ctx once the index has arrived or
// failed, and starts fetching it unless it is on its way. c.mu is held.
func (c *Catalog) awaitIndex(ctx app.Context, then func(app.Context)) {
	started := c.indexWaiting != nil
	c.indexWaiting = append(c.indexWaiting, waiter{ctx, then})
	if started {
		return
	}
	ctx.Async(func() {
		idx, err := c.fetchIndex()
		c.mu.Lock()
		c.useIndex(idx, err)
		waiting := c.indexWaiting
		c.indexWaiting = nil
		c.mu.Unlock()
		for _, w := range waiting {
			w.ctx.Dispatch(w.then)
		}
	})
}

// Need returns the role with the given ID, whole, as Role does. When the
// role is not loaded, it starts loading it, unless it is on its way, and
// returns nil: then is called with ctx, on the UI goroutine, once it has
// arrived or failed (see Loading and Failed), if ctx's component is still
// mounted. A role whose file the catalog does not know yet waits for the
// index first; a role the index does not have is not there, and Need
// returns nil. A role that failed is not asked for again: then is likely
// to call Need, and the page offers a reload.
func (c *Catalog) Need(ctx app.Context, id string, then func(app.Context)) *ladder.Role {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.roles[id]; r != nil || c.failed[id] != nil {
		return r
	}
	if c.files[id] == "" {
		if !c.indexSettled() {
			c.awaitIndex(ctx, then)
		}
		return nil
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

// Loading says whether the role with the given ID is on its way, or the
// index that names its file.
func (c *Catalog) Loading(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.loading[id]
	return ok || c.files[id] == "" && c.indexWaiting != nil
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
	if app.IsClient && shown.Load() == c && c.outline == nil {
		routeRole(r) // else routed with the outline
	}
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
