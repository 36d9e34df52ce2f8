package page

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .json and .diag files from the reader's output")

// TestGolden reads each page under testdata/golden and compares the model
// with NAME.json and the diagnostics with NAME.diag beside it. With -update
// it rewrites those two files; it never touches the inputs.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.md"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs in testdata/golden: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			fw, diags := Read([]File{{Path: filepath.Base(in), Data: data}})
			model, err := json.MarshalIndent(fw, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			var report bytes.Buffer
			for _, d := range diags {
				fmt.Fprintln(&report, d)
			}
			base := strings.TrimSuffix(in, ".md")
			checkGolden(t, base+".json", append(model, '\n'))
			checkGolden(t, base+".diag", report.Bytes())
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the reader's output (- want, + got; go test -update rewrites it):\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff returns the lines that differ between a and b, with a line of
// context, from their longest common subsequence of lines.
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// lcs[i][j] is the length of the LCS of x[i:] and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&out, "%d: + %s\n", j+1, y[j])
			j++
		default:
			fmt.Fprintf(&out, "%d: - %s\n", i+1, x[i])
			i++
		}
	}
	return out.String()
}
