// Package ladder is the domain of the explorer: a framework of roles, each
// with ordered levels and, at every level, one expectation per skill.
//
// The package holds the model and pure functions over it. It imports no UI,
// HTTP, file-system or parsing code, so the same model serves the command
// line, the static-site generator and the WebAssembly client. Reading
// career-pathway pages lives in the page sub-package.
package ladder
