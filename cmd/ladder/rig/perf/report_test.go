package perf

import (
	"math"
	"strings"
	"testing"
)

func TestMet(t *testing.T) {
	tests := []struct {
		name string
		row  Row
		want string
	}{
		{"ratio within", Row{Value: 105, Reference: "r", RefValue: 100, Target: "ratio<=1.10"}, "yes"},
		{"ratio over", Row{Value: 111, Reference: "r", RefValue: 100, Target: "ratio<=1.10"}, "NO"},
		{"value within", Row{Value: 16, Target: "value<=16"}, "yes"},
		{"value over", Row{Value: 16.5, Target: "value<=16"}, "NO"},
		{"at least", Row{Value: 95, Reference: "r", RefValue: 100, Target: "ratio>=0.90"}, "yes"},
		{"short of at least", Row{Value: 85, Reference: "r", RefValue: 100, Target: "ratio>=0.90"}, "NO"},
		{"no target", Row{Value: 1}, ""},
		{"a ratio without a reference fails", Row{Value: 1, Target: "ratio<=1.10"}, "NO"},
		{"an unreadable target", Row{Value: 1, Target: "fast"}, "?"},
	}
	for _, tt := range tests {
		if got := tt.row.Met(); got != tt.want {
			t.Errorf("%s: Met() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}
	if got := percentile(xs, 50); got != 5 {
		t.Errorf("p50 = %v, want 5", got)
	}
	if got := percentile(xs, 95); got != 10 {
		t.Errorf("p95 = %v, want 10", got)
	}
	if xs[0] != 5 {
		t.Error("percentile sorted its argument")
	}
	if !math.IsNaN(median(nil)) {
		t.Error("the median of nothing is a number")
	}
}

func TestTable(t *testing.T) {
	rep := &Report{Machine: "test machine"}
	rep.Add(Row{Section: "size", Name: "app.wasm brotli", Unit: "B", Value: 1560489, Reference: "minimal client", RefValue: 1424958, Target: "ratio<=1.10"})
	rep.Add(Row{Section: "interaction", Name: "step p95", Unit: "ms", Value: 3.25, Target: "value<=16"})
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"test machine", "1,560,489 B", "minimal client 1,424,958 B", "1.095", "3.25 ms", "yes"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, b.String())
		}
	}
	if !strings.Contains(string(rep.JSON()), `"refValue": 1424958`) {
		t.Errorf("bench.json lacks the reference:\n%s", rep.JSON())
	}
}
