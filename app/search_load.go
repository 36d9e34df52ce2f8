package app

import (
	"errors"

	"github.com/ladder-explorer/ladder/ladder/search"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// NeedSearch returns the search's places, indexed, in the browser. They
// are fetched when search is first used, not with the app: until they
// have arrived, or failed to (see SearchErr), it starts fetching them,
// after the data index that names their file, unless they are on their
// way, and returns nil; then is called with ctx, on the UI goroutine,
// once they have arrived or failed. On the server it returns nil: the
// prerendered search page has no query.
func (c *Catalog) NeedSearch(ctx app.Context, then func(app.Context)) *search.Index {
	if app.IsServer {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.search != nil || c.searchErr != nil:
		return c.search
	case !c.indexSettled():
		c.awaitIndex(ctx, then)
		return nil
	case c.err != nil:
		c.searchErr = c.err
		return nil
	case c.searchFile == "":
		c.searchErr = errors.New("the site's data names no search file")
		return nil
	}
	started := c.searchWaiting != nil
	c.searchWaiting = append(c.searchWaiting, waiter{ctx, then})
	if started {
		return nil
	}
	path := c.Path("/" + c.searchFile)
	ctx.Async(func() {
		var data SearchData
		err := fetchJSON(path, &data)
		var ix *search.Index
		if err == nil {
			ix = search.NewIndex(data.Docs)
			keepOnDevice(path)
		}
		c.mu.Lock()
		c.search, c.searchErr = ix, err
		waiting := c.searchWaiting
		c.searchWaiting = nil
		c.mu.Unlock()
		for _, w := range waiting {
			w.ctx.Dispatch(w.then)
		}
	})
	return nil
}

// searchIndex is the search's places, indexed, or nil while they are on
// their way or could not be had (see NeedSearch).
func (c *Catalog) searchIndex() *search.Index {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.search
}

// SearchErr says why the search's places could not be loaded, or nil.
func (c *Catalog) SearchErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.searchErr
}

// keepOnDevice asks the service worker, once it runs, to keep the file at
// path with the offline copy: the page may have fetched it before the
// worker was in charge of the page, and the worker would not have seen
// it. The worker keeps only the files the build names for it.
func keepOnDevice(path string) {
	workers := app.Window().Get("navigator").Get("serviceWorker")
	if !workers.Truthy() {
		return
	}
	var then app.Func
	then = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) > 0 {
			if active := args[0].Get("active"); active.Truthy() {
				active.Call("postMessage", map[string]any{"keep": path})
			}
		}
		then.Release()
		return nil
	})
	workers.Get("ready").Call("then", then)
}
