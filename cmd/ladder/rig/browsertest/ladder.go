package browsertest

import (
	"fmt"
	"os/exec"
	"path/filepath"
)

// BuildLadder builds the ladder command into dir, as go build makes it (a
// ladder that carries no app), in the product's module at the repository's
// root, and returns its path.
func BuildLadder(dir string) (string, error) {
	bin := filepath.Join(dir, "ladder")
	build := exec.Command("go", "build", "-o", bin, "./cmd/ladder")
	build.Dir = repoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build the ladder command: %v\n%s", err, out)
	}
	return bin, nil
}
