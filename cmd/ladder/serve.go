package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/host"
)

// serve serves a built site until the process is interrupted, logging one
// line per request on stderr.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	set := flag.NewFlagSet("serve", flag.ContinueOnError)
	set.SetOutput(io.Discard)
	cfg := host.Config{Log: slog.New(slog.NewTextHandler(stderr, nil))}
	set.StringVar(&cfg.Dir, "dir", defaultOut, "the site's folder")
	set.StringVar(&cfg.Prefix, "prefix", "", "the prefix the site was built with")
	addr := set.String("addr", defaultAddr, "address to listen on")
	if err := parseFlags(set, args, stderr); err != nil {
		return err
	}
	h, err := host.New(cfg)
	if err != nil {
		return usageError{fmt.Sprintf("serve: %v", err)}
	}
	return host.Serve(ctx, *addr, h, cfg.Log, func(url string) {
		fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C stops)\n", cfg.Dir, url)
	})
}
