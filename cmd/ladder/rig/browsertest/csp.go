package browsertest

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// cspGlobal is the page's array of violations that WatchCSP fills.
const cspGlobal = "__browsertestCSP"

// watchCSPScript records every securitypolicyviolation of the document, once
// per document however often it is installed.
const watchCSPScript = `(() => {
	if (window.` + cspGlobal + `) return;
	const seen = window.` + cspGlobal + ` = [];
	document.addEventListener("securitypolicyviolation", (e) => {
		seen.push({directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI});
	}, true);
})()`

// WatchCSP makes the tab record the Content-Security-Policy violations of
// every document it loads from now on, and of the current one: read them
// with [CSPViolations]. The listener is added by the DevTools protocol, so
// the page's own policy does not block it.
func WatchCSP(tab context.Context) error {
	_, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source:         watchCSPScript,
		RunImmediately: new(true),
	})
	if err != nil {
		return fmt.Errorf("watch csp: %w", err)
	}
	return nil
}

// cspViolation is one entry of the page's array.
type cspViolation struct {
	Directive  string `json:"directive"`
	BlockedURI string `json:"blockedURI"`
}

// CSPViolations returns the violations of the tab's current document that
// [WatchCSP] recorded, as "directive blocked-uri" (for example
// "script-src-elem inline"), then the tab's console messages about the
// policy: those that start with "Refused to", and those that say a
// "Content Security Policy directive" was violated, as Chromium words them
// now. The console also has what the page's listener missed, such as the
// violations before WatchCSP or those of an earlier document of the tab, so
// one violation often appears twice; a clean page gives none.
func CSPViolations(tab context.Context) ([]string, error) {
	found, err := chromedp.Run(tab, chromedp.Evaluate[[]cspViolation](`window.`+cspGlobal+` || []`))
	if err != nil {
		return nil, fmt.Errorf("read csp violations: %w", err)
	}
	var out []string
	for _, v := range found {
		out = append(out, v.Directive+" "+v.BlockedURI)
	}
	for _, m := range Console(tab) {
		if strings.HasPrefix(m.Text, "Refused to") || strings.Contains(m.Text, "Content Security Policy directive") {
			out = append(out, m.Text)
		}
	}
	return out, nil
}
