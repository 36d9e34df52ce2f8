package hostperf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The testdata files are wrk 4.1.0 (Debian) outputs captured on real runs:
// ladder serve on a small page and on a 1 MB file, a folder with no
// index.html (all 404), a server killed mid-run, a handler sleeping 0.5–2 s
// with wrk's --timeout at 1 s and at 3 s, and no server at all.
func TestParseWrk(t *testing.T) {
	tests := []struct {
		name, file string
		want       Load
	}{
		{"microseconds", "small-page.txt", Load{RPS: 42505.82, P50: 153 * time.Microsecond, P99: 4320 * time.Microsecond, Requests: 85146}},
		{"gigabytes read", "big-file.txt", Load{RPS: 3737.51, P50: 6370 * time.Microsecond, P99: 19350 * time.Microsecond, Requests: 7601}},
		{"non-2xx responses are errors", "non-2xx.txt", Load{RPS: 50361.35, P50: 126 * time.Microsecond, P99: 4820 * time.Microsecond, Requests: 105762, Errors: 105762}},
		{"read and write socket errors", "server-killed.txt", Load{RPS: 15427.44, P50: 193 * time.Microsecond, P99: 5200 * time.Microsecond, Requests: 46307, Errors: 16 + 234046}},
		{"timeouts", "timeouts.txt", Load{RPS: 12.73, P50: 892220 * time.Microsecond, P99: 989400 * time.Microsecond, Requests: 51, Errors: 35}},
		{"seconds", "seconds.txt", Load{RPS: 13.39, P50: 1200 * time.Millisecond, P99: 1970 * time.Millisecond, Requests: 67}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseWrk(readTestdata(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("ParseWrk(%s) = %+v, want %+v", tt.file, got, tt.want)
			}
		})
	}
}

func TestParseWrkFails(t *testing.T) {
	small := readTestdata(t, "small-page.txt")
	tests := []struct {
		name, out, wantErr string
	}{
		{"could not connect", readTestdata(t, "refused.txt"), "no"},
		{"empty", "", "no"},
		{"garbage", "<html><body>502 Bad Gateway</body></html>\n", "no"},
		{"no --latency", withoutLines(small, "%"), `"50%"`},
		{"no rate", withoutLines(small, "Requests/sec:"), `"Requests/sec:"`},
		{"no request count", withoutLines(small, " requests in "), `"N requests in"`},
		{"unknown latency unit", strings.Replace(small, "4.32ms", "4.32ns", 1), "unknown unit"},
		{"bad rate", strings.Replace(small, "42505.82", "42,505.82", 1), "Requests/sec"},
		{"bad socket errors", strings.Replace(readTestdata(t, "timeouts.txt"), "timeout 35", "timeout many", 1), "socket errors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseWrk(tt.out)
			if err == nil {
				t.Fatalf("ParseWrk = %+v, nil; want an error", got)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseWrk: %v; want it to mention %s", err, tt.wantErr)
			}
		})
	}
}

func TestParseWrkDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"126.00us": 126 * time.Microsecond,
		"4.82ms":   4820 * time.Microsecond,
		"1.20s":    1200 * time.Millisecond,
		"2.50m":    150 * time.Second,
		"1.00h":    time.Hour,
		"2.09ms":   2090 * time.Microsecond, // not 2.089999ms, as float64 would make it
	} {
		got, err := parseWrkDuration(in)
		if err != nil || got != want {
			t.Errorf("parseWrkDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// withoutLines drops the lines of s that contain sub.
func withoutLines(s, sub string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if !strings.Contains(line, sub) {
			b.WriteString(line)
		}
	}
	return b.String()
}
