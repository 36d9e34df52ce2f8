package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Report is what a Lighthouse run found on one page: each category's score
// (0 to 1; a category not run is absent) and the audits that failed.
type Report struct {
	Scores map[string]float64
	// TBT is the total blocking time, in ms, and Performance-only metrics
	// are zero when performance was not run.
	TBT, LCP, FCP float64
	// Failed names each audit of a scored category that scored below 1,
	// with its title, such as "target-size: Touch targets do not have
	// sufficient size or spacing".
	Failed []string
}

// lighthousePath is the Lighthouse that scripts/test-deps.sh installs beside
// this package's package.json.
func lighthousePath() string {
	return filepath.Join(packageDir(), "node_modules", "lighthouse", "cli", "index.js")
}

// lighthouseAttempts bounds the runs of one page: Lighthouse with this
// Chromium sometimes loses the page load's trace (NO_NAVSTART, about one
// run in five here) and asks to be run again.
const lighthouseAttempts = 3

// Lighthouse runs Lighthouse, with its default settings (a mobile phone,
// simulated throttling), on url in a Chromium of its own with a fresh
// profile, for the categories given ("performance", "accessibility",
// "best-practices", "seo"), and returns its report. A run that Lighthouse
// itself gives up on (a runtime error, such as a lost trace) is run again,
// up to lighthouseAttempts times.
func Lighthouse(ctx context.Context, url string, categories ...string) (Report, error) {
	var rep Report
	var err error
	for range lighthouseAttempts {
		var retry bool
		rep, retry, err = lighthouseOnce(ctx, url, categories)
		if err == nil || !retry {
			break
		}
	}
	return rep, err
}

// lighthouseOnce is one run of Lighthouse; retry says whether the failure
// was Lighthouse's own, worth another run.
func lighthouseOnce(ctx context.Context, url string, categories []string) (rep Report, retry bool, err error) {
	cli := lighthousePath()
	if _, err := os.Stat(cli); errors.Is(err, fs.ErrNotExist) {
		return rep, false, fmt.Errorf("Lighthouse is not installed at %s: %s", cli, depsHint)
	}
	profile, err := os.MkdirTemp("", "ladder-lighthouse-")
	if err != nil {
		return rep, false, err
	}
	defer removeAll(profile)
	flags := strings.Join([]string{
		"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
		"--user-data-dir=" + profile,
	}, " ")
	cmd := exec.CommandContext(ctx, "node", cli, url,
		"--output=json", "--output-path=stdout", "--quiet",
		"--only-categories="+strings.Join(categories, ","),
		"--chrome-flags="+flags)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromiumPath())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		retry := ctx.Err() == nil && strings.Contains(stderr.String(), "Runtime error encountered")
		return rep, retry, fmt.Errorf("lighthouse %s: %v\n%s", url, err, lastLines(stderr.String(), 20))
	}
	rep, err = readLighthouse(stdout.Bytes())
	return rep, false, err
}

// lighthouseResult is the part of Lighthouse's JSON report that Report keeps.
type lighthouseResult struct {
	RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
	Categories   map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		NumericValue float64  `json:"numericValue"`
	} `json:"audits"`
}

func readLighthouse(b []byte) (Report, error) {
	var r lighthouseResult
	rep := Report{Scores: map[string]float64{}}
	if err := json.Unmarshal(b, &r); err != nil {
		return rep, fmt.Errorf("read Lighthouse's report: %w", err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		return rep, fmt.Errorf("lighthouse: %s: %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	for name, c := range r.Categories {
		if c.Score == nil {
			return rep, fmt.Errorf("lighthouse: no %s score (an audit failed to run)", name)
		}
		rep.Scores[name] = *c.Score
		for _, ref := range c.AuditRefs {
			a := r.Audits[ref.ID]
			if ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				rep.Failed = append(rep.Failed, ref.ID+": "+a.Title)
			}
		}
	}
	rep.TBT = r.Audits["total-blocking-time"].NumericValue
	rep.LCP = r.Audits["largest-contentful-paint"].NumericValue
	rep.FCP = r.Audits["first-contentful-paint"].NumericValue
	return rep, nil
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
