package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/host"
	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
)

// serve serves a built site until the process is interrupted, logging one
// line per request on stderr; with --content, a live preview of a content
// folder instead (see livePreview).
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	set := flag.NewFlagSet("serve", flag.ContinueOnError)
	set.SetOutput(io.Discard)
	cfg := host.Config{Log: slog.New(slog.NewTextHandler(stderr, nil))}
	set.StringVar(&cfg.Dir, "dir", defaultOut, "the site's folder")
	set.StringVar(&cfg.Prefix, "prefix", "", "the prefix the site was built with")
	addr := set.String("addr", defaultAddr, "address to listen on")
	content := set.String("content", "", "folder of pathway pages to preview, rebuilt on every save")
	strict := set.Bool("strict", false, "treat warnings as errors (with --content)")
	if err := parseFlags(set, args, stderr); err != nil {
		return err
	}
	if *content != "" {
		dirSet := false
		set.Visit(func(f *flag.Flag) { dirSet = dirSet || f.Name == "dir" })
		if dirSet {
			return usageError{"serve: give --dir (a built site) or --content (a live preview of pages), not both"}
		}
		o := site.Options{Prefix: cfg.Prefix}
		if err := o.Check(); err != nil {
			return usageError{"serve: " + err.Error()}
		}
		return livePreview(ctx, *content, *strict, o.Prefix, *addr, stdout, stderr)
	}
	h, err := host.New(cfg)
	if err != nil {
		return usageError{fmt.Sprintf("serve: %v", err)}
	}
	return host.Serve(ctx, *addr, h, cfg.Log, func(url string) {
		fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C stops)\n", cfg.Dir, url)
	})
}
