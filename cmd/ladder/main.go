// Command ladder reads, checks and exports career-pathway content.
//
//	ladder check [--strict] [PATH...]
//	ladder export [--strict] [PATH...]
//	ladder build [--content DIR] [--out DIR] [--base-url URL] [--prefix /path]
//	ladder serve [--dir DIR] [--addr ADDR] [--prefix /path]
//	ladder serve --content DIR [--addr ADDR] [--prefix /path] [--strict]
//
// PATH is a pathway page or a folder of them; the default is content/.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `Usage: ladder <command> [flags] [PATH...]

Commands:
  check [--strict] [PATH...]   report problems in pathway pages, one per line
  export [--strict] [PATH...]  print the pages' model as JSON
  build [flags]                write the explorer's static site
      --content DIR            folder of pathway pages (default content)
      --out DIR                folder to write the site to (default build/site)
      --base-url URL           the site's public origin, for canonical
                               links and link previews (default none)
      --prefix /path           serve the site under this path (default none)
      --strict                 treat warnings as errors
  serve [flags]                serve a built site, or a live preview of pages
      --dir DIR                the site's folder (default build/site)
      --content DIR            instead of --dir: build the site of this folder
                               of pathway pages in memory, again on every
                               save; open pages reload, and show the errors
                               of a save that breaks the content
      --addr ADDR              address to listen on (default 127.0.0.1:8080)
      --prefix /path           the prefix the site was built with, or is
                               previewed under
      --strict                 with --content: treat warnings as errors

PATH is a pathway page (.md) or a folder of them; the default is content/.
In a folder, index.md names the families of roles and their order.
--strict treats warnings as errors.

Exit status: 0 when there is no error, 1 when the content has errors,
2 when the command is used wrongly.
`

// exitError ends the program with a status; its message, if any, has been
// printed already.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a command used wrongly: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints what err says, if anything, and returns the exit status.
func exitCode(err error, stderr io.Writer) int {
	var exit exitError
	var use usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.code
	case errors.As(err, &use):
		fmt.Fprintf(stderr, "ladder: %s\nRun 'ladder help' for usage.\n", use.msg)
		return 2
	default:
		fmt.Fprintf(stderr, "ladder: %s\n", err)
		return 1
	}
}

// run is the whole program, minus the process: tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError{2}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "check":
		return check(ctx, rest, stdout, stderr)
	case "export":
		return export(ctx, rest, stdout, stderr)
	case "build":
		return build(ctx, rest, stdout, stderr)
	case "serve":
		return serve(ctx, rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}
