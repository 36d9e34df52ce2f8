package browsertest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
)

// Violation is one rule that axe-core finds broken on a page.
type Violation struct {
	ID     string   `json:"id"`     // the rule, such as "image-alt"
	Impact string   `json:"impact"` // minor, moderate, serious or critical
	Help   string   `json:"help"`   // what the rule asks for
	Nodes  []string `json:"nodes"`  // a CSS selector of each failing element
}

// String returns the violation on one line, as a test failure shows it.
func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
}

// axePath is the axe-core that scripts/test-deps.sh installs beside this
// package's package.json.
func axePath() string {
	return filepath.Join(packageDir(), "node_modules", "axe-core", "axe.min.js")
}

// axeRun runs axe-core on the whole document and keeps what a test reads.
// Its rules are the default ones and target-size (WCAG 2.2's 2.5.8, tap
// targets of at least 24 px or spaced as much), which axe-core leaves off
// by default and Lighthouse's accessibility score counts. Nested targets
// (inside iframes or shadow roots) are joined with " >>> ".
const axeRun = `axe.run(document, {resultTypes: ["violations"], rules: {"target-size": {enabled: true}}}).then((r) =>
	r.violations.map((v) => ({
		id: v.id,
		impact: v.impact || "",
		help: v.help,
		nodes: v.nodes.map((n) => n.target.map((t) => Array.isArray(t) ? t.join(" >>> ") : String(t)).join(" >>> ")),
	})))`

// Axe checks the tab's current page with axe-core and returns the rules it
// breaks, none for a clean page. The script is injected through the
// DevTools protocol, which the page's Content-Security-Policy does not
// govern. Wait for the page to be in the state to check before calling it.
func Axe(tab context.Context) ([]Violation, error) {
	src, err := os.ReadFile(axePath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("axe-core is not installed at %s: %s", axePath(), depsHint)
	}
	if err != nil {
		return nil, fmt.Errorf("read axe-core: %w", err)
	}
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		return nil, fmt.Errorf("inject axe-core: %w", err)
	}
	found, err := chromedp.Run(tab, chromedp.Evaluate[[]Violation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	return found, nil
}
