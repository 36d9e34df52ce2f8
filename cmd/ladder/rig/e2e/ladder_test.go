package e2e

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The end-to-end tests drive the ladder command as its users run it: a
// binary, built once for the test run from this repository's source.

// root is the repository's top folder, seen from this package's folder.
const root = "../../../.."

var (
	// contentDir is the bundled content.
	contentDir = filepath.Join(root, "content")
	// corpus is the careers site's pages: the folder $LADDER_CORPUS names
	// (make test sets it from CORPUS), or the one beside the project.
	corpus = cmp.Or(os.Getenv("LADDER_CORPUS"), filepath.Join(root, "..", "shared", "corpus", "skylight"))
	// ladderBin is the ladder command TestMain built.
	ladderBin string
)

// TestMain builds the ladder command, as go build makes it (a ladder that
// carries no app, and compiles app.wasm with the go command it finds),
// then runs the tests; go test -short builds nothing and skips them.
func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "ladder-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ladderBin = filepath.Join(dir, "ladder")
	build := exec.Command("go", "build", "-o", ladderBin, "./cmd/ladder")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build the ladder command: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runLadder runs the ladder command with args and returns its exit status
// and output.
func runLadder(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(t.Context(), ladderBin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("run ladder: %v", err)
	}
	return code, out.String(), errOut.String()
}
