package hostperf

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// wrkBin is Debian's wrk. The path is fixed rather than looked up in $PATH
// so that every run measures with the same build of the same tool.
const wrkBin = "/usr/bin/wrk"

// wrkGrace is how long past its duration a wrk run may take before it is
// killed: wrk waits up to its 2 s request timeout for the last answers.
const wrkGrace = 30 * time.Second

// requireWrk fails the test when wrk is missing.
func requireWrk(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath(wrkBin); err != nil {
		tb.Fatalf("no wrk at %s (%v): run `apt-get install wrk`", wrkBin, err)
	}
}

// runWrk measures url with wrk, every request accepting only brotli, and
// fails the test when wrk fails or says something ParseWrk cannot read.
func runWrk(tb testing.TB, url string, o Options) Load {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), o.Duration+wrkGrace)
	defer cancel()
	name, args := wrkBin, []string{
		"--latency",
		"-d", strconv.Itoa(int(o.Duration / time.Second)),
		"-c", strconv.Itoa(o.Connections),
		"-t", strconv.Itoa(o.Threads),
		"-H", "Accept-Encoding: br",
		url,
	}
	if o.Pin {
		name, args = onCPU(wrkCPU, name, args...)
	}
	cmd := exec.CommandContext(ctx, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("wrk %s: %v\n%s%s", url, err, stdout.String(), stderr.String())
	}
	load, err := ParseWrk(stdout.String())
	if err != nil {
		tb.Fatalf("wrk %s: %v", url, err)
	}
	return load
}

// ParseWrk parses the output of `wrk --latency`. It fails unless it finds
// the request count, the rate and both percentiles, so that output it
// cannot read (a wrk that could not connect, a run without --latency)
// never passes for a measurement of zero.
func ParseWrk(out string) (Load, error) {
	var (
		l                          Load
		hasN, hasRPS, has50, has99 bool
	)
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		fields := strings.Fields(line)
		var err error
		switch {
		case len(fields) == 2 && fields[0] == "50%":
			l.P50, err = parseWrkDuration(fields[1])
			has50 = true
		case len(fields) == 2 && fields[0] == "99%":
			l.P99, err = parseWrkDuration(fields[1])
			has99 = true
		case len(fields) >= 2 && fields[1] == "requests" && strings.Contains(line, " requests in "):
			l.Requests, err = strconv.Atoi(fields[0])
			hasN = true
		case strings.HasPrefix(line, "Requests/sec:"):
			l.RPS, err = strconv.ParseFloat(strings.TrimSpace(strings.TrimPrefix(line, "Requests/sec:")), 64)
			hasRPS = true
		case strings.HasPrefix(line, "Socket errors:"):
			var n int
			n, err = socketErrors(strings.TrimPrefix(line, "Socket errors:"))
			l.Errors += n
		case strings.HasPrefix(line, "Non-2xx or 3xx responses:"):
			var n int
			n, err = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Non-2xx or 3xx responses:")))
			l.Errors += n
		}
		if err != nil {
			return Load{}, fmt.Errorf("parse wrk line %q: %w", line, err)
		}
	}
	var missing []string
	for _, m := range []struct {
		ok   bool
		what string
	}{
		{hasN, `"N requests in"`},
		{hasRPS, `"Requests/sec:"`},
		{has50, `"50%" (run wrk with --latency)`},
		{has99, `"99%" (run wrk with --latency)`},
	} {
		if !m.ok {
			missing = append(missing, m.what)
		}
	}
	if len(missing) > 0 {
		return Load{}, fmt.Errorf("parse wrk output: no %s in %q", strings.Join(missing, ", "), clip(out))
	}
	return l, nil
}

// socketErrors adds up "connect 0, read 0, write 0, timeout 0".
func socketErrors(s string) (int, error) {
	sum, seen := 0, 0
	for part := range strings.SplitSeq(s, ",") {
		kind, count, ok := strings.Cut(strings.TrimSpace(part), " ")
		if !ok {
			return 0, fmt.Errorf("socket errors %q: no count", part)
		}
		n, err := strconv.Atoi(strings.TrimSpace(count))
		if err != nil {
			return 0, fmt.Errorf("socket errors %q: %w", kind, err)
		}
		sum += n
		seen++
	}
	if seen != 4 {
		return 0, fmt.Errorf("socket errors: %d kinds, want connect, read, write and timeout", seen)
	}
	return sum, nil
}

// wrkUnits are the suffixes wrk's format_time_us writes: it switches from
// us to ms at a millisecond, to s at a second, then to m and h.
var wrkUnits = map[string]time.Duration{
	"us": time.Microsecond,
	"ms": time.Millisecond,
	"s":  time.Second,
	"m":  time.Minute,
	"h":  time.Hour,
}

// parseWrkDuration reads a latency such as 126.00us, 4.82ms or 1.20s.
func parseWrkDuration(s string) (time.Duration, error) {
	i := strings.IndexFunc(s, func(r rune) bool { return 'a' <= r && r <= 'z' })
	if i < 0 {
		return 0, fmt.Errorf("latency %q: no unit", s)
	}
	unit, ok := wrkUnits[s[i:]]
	if !ok {
		return 0, fmt.Errorf("latency %q: unknown unit %q", s, s[i:])
	}
	f, err := strconv.ParseFloat(s[:i], 64)
	if err != nil {
		return 0, fmt.Errorf("latency %q: %w", s, err)
	}
	if f < 0 {
		return 0, fmt.Errorf("latency %q is negative", s)
	}
	// wrk prints two decimals: 2.09ms is 2090us, not 2089.999...
	return time.Duration(math.Round(f * float64(unit))), nil
}

// clip shortens wrk's output for an error message.
func clip(s string) string {
	const most = 500
	if len(s) > most {
		return s[:most] + "..."
	}
	return s
}
