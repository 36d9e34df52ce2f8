package browsertest

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// pollEvery is how often WaitFor asks the page.
const pollEvery = 50 * time.Millisecond

// WaitFor polls the JavaScript expression js in the tab until it is truthy,
// for at most timeout. A page that is between documents cannot answer; that
// counts as not yet. On timeout the error says the last thing the page said.
func WaitFor(tab context.Context, js string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(tab, timeout)
	defer cancel()
	expr := "!!(" + js + ")"
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return nil
		}
		if err != nil && ctx.Err() == nil {
			last = err
		}
		select {
		case <-ctx.Done():
			if last != nil {
				return fmt.Errorf("wait for %s: not true after %v (last error: %v)", js, timeout, last)
			}
			return fmt.Errorf("wait for %s: not true after %v", js, timeout)
		case <-time.After(pollEvery):
		}
	}
}
