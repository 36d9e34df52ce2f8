package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
)

// Defaults of build and serve.
const (
	defaultOut  = "build/site"
	defaultAddr = "127.0.0.1:8080"
)

// noBaseURL is what build says once when it has no public origin.
const noBaseURL = "note: built without --base-url: pages carry no canonical link, og:url or og:image, " +
	"so link previews in chats and search engines lack them; give the site's public origin, " +
	"such as --base-url https://careers.example.org"

// build writes the static site of the content. Content with errors is not
// built: status 1, and the output folder is left as it was.
func build(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	set := flag.NewFlagSet("build", flag.ContinueOnError)
	set.SetOutput(io.Discard)
	content := set.String("content", defaultContent, "folder of pathway pages")
	strict := set.Bool("strict", false, "treat warnings as errors")
	o := site.Options{Log: stderr}
	set.StringVar(&o.Out, "out", defaultOut, "folder to write the site to")
	set.StringVar(&o.BaseURL, "base-url", "", "public origin of the site")
	set.StringVar(&o.Prefix, "prefix", "", "path the site is served under")
	if err := parseFlags(set, args, stderr); err != nil {
		return err
	}
	if err := o.Check(); err != nil {
		return usageError{"build: " + err.Error()}
	}
	contentArgs := []string{"--", *content}
	if *strict {
		contentArgs = append([]string{"--strict"}, contentArgs...)
	}
	fw, err := loadValid("build", "built", contentArgs, stderr)
	if err != nil {
		return err
	}
	res, err := site.Build(ctx, fw, o)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if o.BaseURL == "" {
		fmt.Fprintln(stderr, noBaseURL)
	}
	cards := ""
	if res.Cards > 0 {
		cards = fmt.Sprintf(" (%s, %d drawn anew)", plural(res.Cards, "share card"), res.CardsDrawn)
	}
	fmt.Fprintf(stdout, "wrote %s, %s%s (%.1f MB) to %s in %.1fs, %.1fs of it compiling app.wasm; version %s\n",
		plural(res.Pages, "page"), plural(res.Files, "file"), cards, float64(res.Bytes)/1e6, o.Out,
		res.Total.Seconds(), res.Compile.Seconds(), res.Version)
	return nil
}

// parseFlags parses a command's flags, which take no other arguments.
func parseFlags(set *flag.FlagSet, args []string, stderr io.Writer) error {
	if err := set.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stderr, usage)
			return exitError{0}
		}
		return usageError{fmt.Sprintf("%s: %v", set.Name(), err)}
	}
	if set.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q", set.Name(), set.Arg(0))}
	}
	return nil
}
