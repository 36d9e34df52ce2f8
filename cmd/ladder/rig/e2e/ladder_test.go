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

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// The end-to-end tests drive the ladder command as its users run it: a
// binary, built once for the test run from this repository's source.

var (
	// root is the repository's top folder, where the ladder command runs:
	// in the product's module, so that the app.wasm it compiles is the
	// product's build, not one made in the rig's module.
	root string
	// contentDir is the bundled content.
	contentDir string
	// corpus is the careers site's pages: the folder $LADDER_CORPUS names
	// (make test sets it from CORPUS), or the one beside the project.
	corpus string
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
	os.Exit(buildAndRun(m))
}

// buildAndRun finds the repository, builds the ladder command into a
// temporary folder, runs the tests and removes the folder.
func buildAndRun(m *testing.M) int {
	var err error
	if root, err = filepath.Abs(filepath.Join("..", "..", "..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	contentDir = filepath.Join(root, "content")
	corpus = cmp.Or(os.Getenv("LADDER_CORPUS"), filepath.Join(root, "..", "shared", "corpus", "skylight"))
	dir, err := os.MkdirTemp("", "ladder-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if ladderBin, err = browsertest.BuildLadder(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// runLadder runs the ladder command with args and returns its exit status
// and output.
func runLadder(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(t.Context(), ladderBin, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, &out, &errOut
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
