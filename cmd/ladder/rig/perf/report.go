// Package perf is the explorer's performance harness, run by make bench
// (BenchmarkPerf): size, a cold and a warm visit in Chromium on a
// throttled network, interactions, the host against nginx, and the build.
// Each figure is measured in the same run as its reference and reported as
// a ratio to it, in one table and in bench.json.
package perf

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Row is one measured figure beside its reference.
type Row struct {
	Section string  `json:"section"`
	Name    string  `json:"name"`
	Unit    string  `json:"unit"`
	Value   float64 `json:"value"`
	// Reference names what Value is measured against, and RefValue is its
	// figure in the same run; both are empty when there is none.
	Reference string  `json:"reference,omitempty"`
	RefValue  float64 `json:"refValue,omitempty"`
	// Target is the bound Value must keep: "ratio<=1.10", "value<=16" or
	// "ratio>=0.90"; empty when there is none.
	Target string `json:"target,omitempty"`
}

// Ratio is Value over RefValue, or NaN without a reference.
func (r Row) Ratio() float64 {
	if r.Reference == "" || r.RefValue == 0 {
		return math.NaN()
	}
	return r.Value / r.RefValue
}

// Met says whether the row keeps its target: "yes", "NO", or "" without
// one.
func (r Row) Met() string {
	if r.Target == "" {
		return ""
	}
	var what, op string
	var bound float64
	if _, err := fmt.Sscanf(strings.NewReplacer("<=", " <= ", ">=", " >= ").Replace(r.Target), "%s %s %g", &what, &op, &bound); err != nil {
		return "?"
	}
	v := r.Value
	if what == "ratio" {
		v = r.Ratio()
	}
	ok := v <= bound
	if op == ">=" {
		ok = v >= bound
	}
	if ok {
		return "yes"
	}
	return "NO"
}

// Report is a whole run.
type Report struct {
	Started time.Time `json:"started"`
	Machine string    `json:"machine"`
	Rows    []Row     `json:"rows"`
	// Notes say what the figures alone do not: how they were taken.
	Notes []string `json:"notes,omitempty"`
}

// Add appends a row.
func (rep *Report) Add(r Row) { rep.Rows = append(rep.Rows, r) }

// WriteTable writes the report as a table.
func (rep *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s, %s\n", rep.Started.UTC().Format(time.RFC3339), rep.Machine)
	fmt.Fprintln(tw, "section\tmeasure\texplorer\treference\tratio\ttarget\tmet")
	for _, r := range rep.Rows {
		ref, ratio := "", ""
		if r.Reference != "" {
			ref = r.Reference + " " + number(r.RefValue, r.Unit)
			ratio = fmt.Sprintf("%.3f", r.Ratio())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Section, r.Name, number(r.Value, r.Unit), ref, ratio, r.Target, r.Met())
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(tw, "note: "+n)
	}
	return tw.Flush()
}

// JSON is the report as bench.json holds it.
func (rep *Report) JSON() []byte {
	b, _ := json.MarshalIndent(rep, "", "  ") // floats and strings: cannot fail, NaN never stored
	return append(b, '\n')
}

// number writes a figure with its unit, rounded as the unit deserves.
func number(v float64, unit string) string {
	switch {
	case unit == "B":
		return thousands(int64(math.Round(v))) + " B"
	case unit == "ms" && v < 10:
		return fmt.Sprintf("%.2f ms", v)
	case unit == "ms":
		return fmt.Sprintf("%.0f ms", v)
	case unit == "req/s":
		return fmt.Sprintf("%.0f req/s", v)
	}
	return fmt.Sprintf("%.3g %s", v, unit)
}

// median of xs; NaN for none.
func median(xs []float64) float64 { return percentile(xs, 50) }

// percentile p (0-100) of xs by the nearest rank; NaN for none.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Sorted(slices.Values(xs))
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}

// thousands writes n with commas between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
