// Package app will hold the explorer's user interface: go-app components
// compiled to WebAssembly, which display the ladder model and nothing else.
//
// The components arrive with the explorer; until then this package only
// pins the UI library the project is built on, so that go.mod records it.
package app

import _ "github.com/maxence-charriere/go-app/v9/pkg/app"
