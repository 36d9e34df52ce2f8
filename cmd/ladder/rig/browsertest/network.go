package browsertest

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Offline cuts the tab off the network (true) or connects it again (false):
// its requests fail, navigator.onLine follows, and an "offline" or "online"
// event fires in the page. What a service worker answers from its cache
// still arrives.
//
// Chromium keeps a service worker's own network out of a page's emulation,
// so Offline also attaches to every service worker running in the browser
// and cuts it off, until Offline(tab, false) or the tab's end. A worker that
// starts after the call is not cut off: when that matters, also stop the
// server ([Server.Stop]).
func Offline(tab context.Context, offline bool) error {
	if err := emulateOffline(tab, offline); err != nil {
		return err
	}
	_, err := chromedp.Call(tab, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline:            offline,
		DownloadThroughput: -1,
		UploadThroughput:   -1,
	})
	if err != nil {
		return fmt.Errorf("set navigator.onLine=%t: %w", !offline, err)
	}
	if offline {
		return cutWorkers(tab)
	}
	return reconnectWorkers(tab)
}

// emulateOffline sets the network conditions of one target's session.
func emulateOffline(ctx context.Context, offline bool) error {
	rules := []*network.Conditions{}
	if offline {
		// An empty URL pattern matches every request.
		rules = append(rules, &network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	}
	_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: new(offline),
		MatchedNetworkConditions:    rules,
	})
	if err != nil {
		return fmt.Errorf("emulate offline=%t: %w", offline, err)
	}
	return nil
}

// cutWorkers attaches to each running service worker that the tab has not
// cut off yet and emulates offline there. The session must stay attached:
// Chromium drops a session's emulation when it detaches.
func cutWorkers(tab context.Context) error {
	state := stateOf(tab)
	if state == nil {
		return fmt.Errorf("offline: the tab does not come from NewTab")
	}
	infos, err := chromedp.Targets(tab)
	if err != nil {
		return fmt.Errorf("list service workers: %w", err)
	}
	for _, info := range infos {
		if info.Type != "service_worker" {
			continue
		}
		state.mu.Lock()
		_, done := state.workers[info.TargetID]
		state.mu.Unlock()
		if done {
			continue
		}
		// A child of the tab: when the tab ends it detaches, leaving the
		// worker running.
		ctx, cancel := chromedp.NewContext(tab, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		if err := emulateOffline(ctx, true); err != nil {
			cancel()
			return fmt.Errorf("service worker %s: %w", info.URL, err)
		}
		state.mu.Lock()
		if state.workers == nil {
			state.workers = map[target.ID]workerSession{}
		}
		state.workers[info.TargetID] = workerSession{ctx, cancel}
		state.mu.Unlock()
	}
	return nil
}

// reconnectWorkers undoes cutWorkers. A worker that has stopped since is
// skipped: its emulation went with it.
func reconnectWorkers(tab context.Context) error {
	state := stateOf(tab)
	if state == nil {
		return nil
	}
	state.mu.Lock()
	workers := state.workers
	state.workers = nil
	state.mu.Unlock()
	infos, err := chromedp.Targets(tab)
	if err != nil {
		return fmt.Errorf("list service workers: %w", err)
	}
	running := map[target.ID]bool{}
	for _, info := range infos {
		running[info.TargetID] = true
	}
	var first error
	for id, w := range workers {
		if running[id] {
			if err := emulateOffline(w.ctx, false); err != nil && first == nil {
				first = fmt.Errorf("service worker %s: %w", id, err)
			}
		}
		w.cancel() // detach, leaving the worker running
	}
	return first
}

// workerSession is an attachment to a service worker that keeps it offline.
type workerSession struct {
	ctx    context.Context
	cancel context.CancelFunc
}
