package page

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ladder-explorer/ladder/ladder"
)

// FuzzParse feeds the reader arbitrary pages, seeded with the real corpus
// and the golden inputs. Whatever the input, it must not panic or hang,
// every diagnostic must name a place inside the file, and a role it returns
// must validate and encode.
func FuzzParse(f *testing.F) {
	for _, file := range readCorpus(f) {
		f.Add(file.Data)
	}
	golden, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.md"))
	for _, path := range golden {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, page := range linearPages() {
		f.Add(page)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// The fuzzer has no time limit per input: a hang would stall it
		// without saying which input. Crashing names the input.
		watchdog := time.AfterFunc(10*time.Second, func() {
			stacks := make([]byte, 1<<20)
			panic(fmt.Sprintf("reading a %d-byte page took over 10s:\n%s", len(data), stacks[:runtime.Stack(stacks, true)]))
		})
		defer watchdog.Stop()
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
		check := func(diags []ladder.Diagnostic) {
			for _, d := range diags {
				if d.Path != "fuzz.md" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 || d.Message == "" {
					t.Fatalf("diagnostic out of place in a %d-line file: %s", lines, d)
				}
			}
		}
		role, diags := Parse("fuzz.md", data)
		check(diags)
		_, diags = parseIndex("fuzz.md", data)
		check(diags)
		if role == nil {
			return
		}
		fw := ladder.Framework{Roles: []ladder.Role{*role}}
		check(fw.Validate())
		if _, err := json.Marshal(fw); err != nil {
			t.Fatalf("the model does not encode: %v", err)
		}
	})
}
