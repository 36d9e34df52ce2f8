package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"time"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/host"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/preview"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
	"github.com/ladder-explorer/ladder/ladder"
)

// livePreview serves the site of the content folder dir from memory,
// rebuilt on every save, until ctx is done: ladder serve --content. A save
// with errors keeps the last good site; its diagnostics go to stderr and to
// the open pages until a save fixes them.
func livePreview(ctx context.Context, dir string, strict bool, prefix, addr string, stdout, stderr io.Writer) error {
	srv := preview.New(prefix)
	context.AfterFunc(ctx, srv.Close) // the pages' event streams end with the server
	ready := func(u string) {
		fmt.Fprintf(stdout, "serving a live preview of %s at %s (Ctrl-C stops): pages reload as you save\n", dir, u)
		base, _ := url.Parse(u) // host.Serve made it
		o := site.Options{BaseURL: base.Scheme + "://" + base.Host, Prefix: prefix, Log: stderr}
		go watchContent(ctx, srv, dir, strict, o, stderr)
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	return host.Serve(ctx, addr, srv, log, ready)
}

// watchContent builds the site of dir into srv now and after every save.
func watchContent(ctx context.Context, srv *preview.Server, dir string, strict bool, o site.Options, stderr io.Writer) {
	app, compile, err := site.App(ctx, o)
	if err != nil {
		fmt.Fprintf(stderr, "ladder: serve: %v\n", err)
		srv.Fail([]string{err.Error()})
		return
	}
	if compile > 0 {
		fmt.Fprintf(stderr, "compiled app.wasm in %.1fs, once for this preview\n", compile.Seconds())
	}
	o.App = app
	builds := 0
	preview.Watch(ctx, dir, preview.PollInterval, func() {
		start := time.Now()
		problems, res := rebuild(ctx, srv, dir, strict, o, stderr)
		switch {
		case len(problems) > 0 && builds == 0:
			fmt.Fprintln(stderr, "ladder: serve: the content has errors: the preview shows them until a save fixes them")
		case len(problems) > 0:
			fmt.Fprintln(stderr, "ladder: serve: the content has errors: the preview keeps the last good site and shows them until a save fixes them")
		default:
			builds++
			fmt.Fprintf(stderr, "built %s in %d ms\n", plural(res.Pages, "page"), time.Since(start).Milliseconds())
		}
	})
}

// rebuild reads dir and, if it has no errors, makes its site srv's. It
// returns the problems that kept it from doing so, which srv shows.
func rebuild(ctx context.Context, srv *preview.Server, dir string, strict bool, o site.Options, stderr io.Writer) ([]string, site.Result) {
	args := []string{"--", dir}
	if strict {
		args = append([]string{"--strict"}, args...)
	}
	fw, diags, err := loadContent("serve", args, io.Discard)
	if err != nil {
		fmt.Fprintf(stderr, "ladder: %v\n", err)
		srv.Fail([]string{err.Error()})
		return []string{err.Error()}, site.Result{}
	}
	var problems []string
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
		problems = append(problems, d.String())
	}
	if ladder.HasErrors(diags) {
		srv.Fail(problems)
		return problems, site.Result{}
	}
	files, res, err := site.Render(ctx, fw, o)
	if err != nil {
		fmt.Fprintf(stderr, "ladder: serve: %v\n", err)
		srv.Fail([]string{err.Error()})
		return []string{err.Error()}, res
	}
	srv.Update(files)
	return nil, res
}
