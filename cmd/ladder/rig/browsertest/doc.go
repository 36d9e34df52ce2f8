// Package browsertest runs the explorer's tests in the real things: Debian's
// Chromium, driven through chromedp, and Debian's nginx serving a folder with
// the repository's web/nginx/ladder.conf.
//
// A test starts one browser with [Browser], opens tabs with [NewTab], and
// reads what happened in a tab: the requests ([Requests]), the console
// ([Console]), the Content-Security-Policy violations ([WatchCSP],
// [CSPViolations]) and the accessibility problems that axe-core finds
// ([Axe]). [Nginx] serves a folder as a static host would.
//
// The package finds its files (node_modules/axe-core beside this source,
// the repository's web/nginx/ladder.conf) from the path of its source, so a
// test can run from any folder, but not from a binary built with -trimpath.
//
// Nothing here is skipped when a program is missing: the test fails and says
// to run scripts/test-deps.sh. Only `go test -short` skips these tests.
package browsertest
