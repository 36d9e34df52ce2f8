// Command prebuild prepares a ladder binary that carries the app: it
// compiles app.wasm, compresses it, takes the toolchain's wasm_exec.js,
// writes them into the folder it is given, and prints the path of the go
// build overlay that embeds them (see site.Prebuild). make build runs it.
//
//	go run ./cmd/ladder/internal/prebuild build/prebuilt
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/ladder-explorer/ladder/cmd/ladder/internal/site"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: prebuild FOLDER")
		os.Exit(2)
	}
	overlay, err := site.Prebuild(context.Background(), "go", os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "prebuild:", err)
		os.Exit(1)
	}
	fmt.Println(overlay)
}
