package browsertest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// NewTab opens a tab in browser, a context from [Browser], and returns its
// context, for chromedp actions and for the other functions here. The tab
// shares the browser's profile, so a service worker that one tab installs
// controls the next. From its first moment the tab records its requests and
// its console: see [Requests] and [Console]. It closes when the test ends.
func NewTab(t testing.TB, browser context.Context) context.Context {
	t.Helper()
	rec := &tabState{}
	tab, cancel := chromedp.NewContext(browser, chromedp.WithListener(rec.listen))
	t.Cleanup(cancel)
	tab = context.WithValue(tab, tabKey{}, rec)
	if err := attach(tab, 30*time.Second); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

// attach runs chromedp's first action on ctx, which starts the browser or
// opens the tab, and gives up after d. The first action must get ctx itself,
// not a context with a deadline: chromedp ties the tab's life to it.
func attach(ctx context.Context, d time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return fmt.Errorf("no answer from the browser in %v", d)
	}
}
