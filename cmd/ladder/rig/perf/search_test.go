package perf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// typedText is what the search benchmark types, a key at a time, over and
// over: short prefixes, which match most places, and a phrase.
const typedText = `stakeholder strategy mentoring "incident response"`

// searchReadyScript notes, in the page, when the app runs and when the
// search's places are in and indexed: when the count line first says
// neither that the app is needed nor that the search is loading.
const searchReadyScript = `window.perf = {};
new MutationObserver(() => {
	if (document.documentElement.dataset.app === "ready" && perf.ready === undefined) perf.ready = performance.now();
	const c = document.getElementById("search-count");
	if (perf.ready !== undefined && perf.searchReady === undefined && c && !/needs the app|Loading/.test(c.textContent)) perf.searchReady = performance.now();
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});`

// typeScript types steps keys into the search field, one every pause ms,
// as input events, and times from each event to the first change of the
// results or the count in the DOM, and to the next animation frame after
// it.
const typeScript = `(async (text, steps, pause) => {
	const field = document.getElementById("search-q");
	const inResults = n => { const e = n.nodeType === 1 ? n : n.parentElement; return e && e.closest("#search-results, #search-count") !== null || (n.id === "search-results") };
	const shown = () => list => list.some(m => inResults(m.target) || [...m.addedNodes].some(inResults));
	const step = i => {
		const value = text.slice(0, i % text.length + 1);
		field.value = value;
		field.dispatchEvent(new InputEvent("input", {bubbles: true, data: value.slice(-1), inputType: "insertText"}));
	};
	return (` + timedSteps + `)(steps, pause, {subtree: true, childList: true, characterData: true}, shown, step);
})`

// searchSteps is how many keys each measure types: twice the text.
var searchSteps = 2 * len(typedText)

// measureSearch times search on the corpus and on the corpus ×10: from a
// key typed in the search field to its results in the DOM and to the next
// frame, in the steady state; the search's readiness after the app
// starts, at its first use; and the search's file beside the data's, with
// brotli.
func measureSearch(b *testing.B, rep *Report, sites []searchSite) {
	b.Helper()
	for _, s := range sites {
		index, data := searchBytes(b, s.dir)
		rep.Add(Row{Section: "search", Name: fmt.Sprintf("the search's file, brotli, %s", s.name), Unit: "B", Value: float64(index),
			Reference: "the data's files (roles and index), brotli", RefValue: float64(data)})

		browser, stop, err := browsertest.Launch(filepath.Join(b.TempDir(), "profile"))
		if err != nil {
			b.Fatal(err)
		}
		tab, cancel := chromedp.NewContext(browser)
		if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: searchReadyScript}); err != nil {
			b.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(serve(b, s.dir).url+"/search")); err != nil {
			b.Fatal(err)
		}
		if err := browsertest.WaitFor(tab, `perf.searchReady !== undefined`, pageTimeout); err != nil {
			b.Fatalf("search, %s: %v", s.name, err)
		}
		ready, err := chromedp.Run(tab, chromedp.Evaluate[float64](`perf.searchReady - perf.ready`))
		if err != nil {
			b.Fatal(err)
		}
		rep.Add(Row{Section: "search", Name: fmt.Sprintf("first use: the app running to search ready, %s", s.name), Unit: "ms", Value: ready})
		time.Sleep(settle)
		js := fmt.Sprintf("%s(%s, %d, %d)", typeScript, jsString(typedText), searchSteps, stepPause)
		times, err := chromedp.Run(tab, chromedp.Evaluate[stepTimes](js, chromedp.EvalAwaitPromise))
		cancel()
		stop()
		if err != nil {
			b.Fatalf("search, %s: %v", s.name, err)
		}
		for _, t := range times.DOM {
			if t < 0 {
				b.Fatalf("search, %s: a key did not change the results within 2 s", s.name)
			}
		}
		target := ""
		if s.target {
			target = "value<=16"
		}
		rep.Add(Row{Section: "search", Name: fmt.Sprintf("a key to its results, %s, to DOM p50", s.name), Unit: "ms", Value: percentile(times.DOM, 50), Reference: "one frame", RefValue: frameMs})
		rep.Add(Row{Section: "search", Name: fmt.Sprintf("a key to its results, %s, to DOM p95", s.name), Unit: "ms", Value: percentile(times.DOM, 95), Reference: "one frame", RefValue: frameMs, Target: target})
		rep.Add(Row{Section: "search", Name: fmt.Sprintf("a key to its results, %s, to next frame p95", s.name), Unit: "ms", Value: percentile(times.Frame, 95), Reference: "one frame", RefValue: frameMs})
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("search: %q typed a key at a time, %d keys %d ms apart, %v after the search is ready, timed in the page from the input event to the results' change in the DOM and to the next animation frame; the search's readiness is timed from the app running on /search, a first visit", typedText, searchSteps, stepPause, settle))
}

// searchSite is a built site the search is measured on; target marks the
// one the target holds for.
type searchSite struct {
	name, dir string
	target    bool
}

// searchBytes are the brotli sizes of the site's search file, and of its
// other data files together.
func searchBytes(b *testing.B, dir string) (index, data int64) {
	b.Helper()
	err := filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".json.br") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), "search.") {
			index += info.Size()
		} else {
			data += info.Size()
		}
		return nil
	})
	if err != nil || index == 0 {
		b.Fatalf("the search's file in %s: %d bytes (%v)", dir, index, err)
	}
	return index, data
}
