// Package app is the explorer's user interface: go-app components that
// display the ladder model, the same code prerendered into static pages at
// build time and run in the browser as WebAssembly.
//
// Components only display; ordering and lookups are in package ladder. The
// package imports go-app's app package under its own name, so callers outside
// import this one as ui.
package app
