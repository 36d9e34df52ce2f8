package hostperf

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// checkTimeout bounds the one request that checks a host and path: the
// biggest file of the site comes over loopback in well under a second.
const checkTimeout = 10 * time.Second

// newClient is a client that accepts brotli only, leaves the answer as it
// came (no transparent gzip, no redirects followed) and gives up after
// timeout, or never when timeout is 0.
func newClient(conns int, timeout time.Duration) *http.Client {
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DisableCompression:  true,
			MaxIdleConnsPerHost: conns,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// getBrotli GETs url accepting only brotli and reads the whole body.
func getBrotli(ctx context.Context, c *http.Client, url string) (*http.Response, int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Accept-Encoding", "br")
	resp, err := c.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	return resp, n, err
}

// checkBrotli makes sure url answers what is meant to be measured: the
// brotli file, whole. A 404 page or an uncompressed file would be measured
// just as happily, and compared with the wrong thing.
func checkBrotli(url string) error {
	c := newClient(1, checkTimeout)
	defer c.CloseIdleConnections()
	resp, n, err := getBrotli(context.Background(), c, url)
	if err != nil {
		return fmt.Errorf("check %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("check %s: status %s, want 200 OK", url, resp.Status)
	}
	if got := resp.Header.Get("Content-Encoding"); got != "br" {
		return fmt.Errorf("check %s: Content-Encoding %q with Accept-Encoding: br, want \"br\"", url, got)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return fmt.Errorf("check %s: %d bytes of %d", url, n, resp.ContentLength)
	}
	return nil
}

// warmUp requests url over conns connections for d, so that the first
// measured round does not pay for filling the servers' caches. What the
// answers are was checked before; here only the time spent matters.
func warmUp(url string, conns int, d time.Duration) {
	if d <= 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	c := newClient(conns, 0) // the context is the deadline
	defer c.CloseIdleConnections()
	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			for ctx.Err() == nil {
				_, _, _ = getBrotli(ctx, c, url)
			}
		})
	}
	wg.Wait()
}
