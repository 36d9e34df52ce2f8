package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// defaultChromium is where Debian's chromium package puts its launcher.
const defaultChromium = "/usr/bin/chromium"

// chromiumPath returns the browser to run: $CHROMIUM, or Debian's.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return defaultChromium
}

// Browser starts a headless Chromium with a fresh profile in t.TempDir() and
// returns its context: pass it to [NewTab]. The browser stops when the test
// ends. It fails the test when Chromium is missing, and skips it with -short.
func Browser(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	profile := filepath.Join(t.TempDir(), "profile")
	browser, stop, err := Launch(profile)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return browser
}

// Launch starts a headless Chromium with the profile folder profile, which
// should be new, and returns its context and the function that stops it
// and removes the profile. Browser is Launch for a test; Launch is for
// callers that start and stop browsers of their own, such as a benchmark
// that wants a fresh profile for every visit.
func Launch(profile string) (context.Context, func(), error) {
	path := chromiumPath()
	if _, err := exec.LookPath(path); err != nil {
		return nil, nil, fmt.Errorf("no Chromium at %s (set $CHROMIUM to use another): %v; %s", path, err, depsHint)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		// Plain HTTP over TCP only, which is all the test servers speak.
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile),
	)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	stop := func() {
		cancelBrowser()
		cancelAlloc() // waits for the browser process to exit
		// Helper processes can still be writing to the profile for a moment;
		// remove it here so that t.TempDir's own removal does not fail.
		removeAll(profile)
	}
	if err := attach(browser, 30*time.Second); err != nil {
		stop()
		return nil, nil, fmt.Errorf("start %s: %v", path, err)
	}
	return browser, stop, nil
}

// removeAll removes dir, retrying briefly while late writers finish.
func removeAll(dir string) {
	for range 20 {
		if err := os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}
