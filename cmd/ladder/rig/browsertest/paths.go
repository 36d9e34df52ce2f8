package browsertest

import (
	"path/filepath"
	"runtime"
)

// packageDir returns the folder of this package's source, wherever the test
// that imports it runs from: node_modules/ lives there.
func packageDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Dir(file)
}

// repoRoot returns the repository's top folder, four levels above this
// package (cmd/ladder/rig/browsertest).
func repoRoot() string {
	return filepath.Join(packageDir(), "..", "..", "..", "..")
}

// depsHint ends every "missing program" failure.
const depsHint = "run scripts/test-deps.sh at the repository's root"
