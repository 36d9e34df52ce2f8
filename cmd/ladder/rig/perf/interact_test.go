package perf

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// interactionSteps is how many steps each interaction takes, and stepPause
// the time between them: a held arrow key repeats about every 30 to 50 ms.
const (
	interactionSteps = 100
	stepPause        = 50
)

// frameMs is one frame at 60 Hz, the reference of the interactions.
const frameMs = 1000.0 / 60

// timedSteps is a script's function that times steps in the page: for
// each, it makes the promise of when the page shows it (a
// MutationObserver, ready before the step), takes the step (a control
// changed and its event fired), and times from the event to that change
// in the DOM (-1 when none came within 2 s) and to the next animation
// frame after it.
const timedSteps = `async (steps, pause, observe, shown, step) => {
	const dom = [], frame = [];
	for (let i = 0; i < steps; i++) {
		const seen = shown(i);
		const changed = new Promise(res => {
			const mo = new MutationObserver(list => { if (seen(list)) { mo.disconnect(); res(performance.now()) } });
			mo.observe(document.body, observe);
			setTimeout(() => { mo.disconnect(); res(-1) }, 2000);
		});
		const t0 = performance.now();
		step(i);
		const t1 = await changed;
		const t2 = await new Promise(res => requestAnimationFrame(() => res(performance.now())));
		dom.push(t1 < 0 ? -1 : t1 - t0);
		frame.push(t2 - t0);
		await new Promise(res => setTimeout(res, pause));
	}
	return {dom, frame};
}`

// stepScript moves a control one step at a time (a range input one value
// up, wrapping round; a select to its next option) and times, from the
// event, when the watched element's text changes in the DOM and when the
// next animation frame after that starts.
const stepScript = `(async (input, watch, kind, steps, pause) => {
	const target = () => document.querySelector(watch);
	let value;
	const shown = () => {
		const e = document.querySelector(input);
		if (e.tagName === "SELECT") {
			const opts = [...e.options].filter(o => o.value !== "");
			value = opts[(opts.findIndex(o => o.value === e.value) + 1) % opts.length].value;
		} else {
			value = String(+e.value < +e.max ? +e.value + 1 : +e.min);
		}
		const before = target() ? target().textContent : null;
		return () => target() !== null && target().textContent !== before;
	};
	const step = () => {
		const e = document.querySelector(input);
		e.value = value;
		e.dispatchEvent(new Event(kind, {bubbles: true}));
	};
	return (` + timedSteps + `)(steps, pause, {subtree: true, childList: true, characterData: true, attributes: true}, shown, step);
})`

// interaction is one control of one page to time.
type interaction struct {
	name, path string
	input      string // the control
	event      string // what moving it fires
	watch      string // what shows the new content
}

var interactions = []interaction{
	{"level slider step", levelPage, "#level-slider", "input", "#level-title"},
	{"compare: change a side", "/compare?left=devops-engineer/ii&right=devops-engineer/senior", "#right-level", "change", ".comparison"},
	{"assessment: skill slider step", "/assess/devops-engineer", "#assess-continuous-delivery", "input", "#skill-continuous-delivery .placed-level"},
}

// earlySteps is how many steps fit in the first two seconds after the app
// starts: each is a pause and a frame or two.
const earlySteps = 2000 / (stepPause + 2*frameMs)

// settle is how long the app runs before the steady state is measured.
const settle = 3 * time.Second

// measureInteractions times each interaction's steps, unthrottled: in the
// first two seconds after the app starts (the page is used, then stepped
// as soon as the app runs), then, after a pause, in the steady state.
func measureInteractions(b *testing.B, rep *Report, dir string) {
	b.Helper()
	s := serve(b, dir)
	browser, stop, err := browsertest.Launch(filepath.Join(b.TempDir(), "profile"))
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	for _, in := range interactions {
		tab, cancel := chromedp.NewContext(browser)
		// A key press uses the page: a reading page starts the app.
		if err := chromedp.Do(tab, chromedp.Navigate(s.url+in.path), chromedp.KeyEvent("k")); err != nil {
			b.Fatal(err)
		}
		if err := browsertest.WaitFor(tab, `document.documentElement.dataset.app === "ready" && document.querySelector(`+jsString(in.input)+`) !== null`, pageTimeout); err != nil {
			b.Fatalf("%s: %v", in.name, err)
		}
		early := steps(b, tab, in, int(earlySteps))
		time.Sleep(settle)
		steady := steps(b, tab, in, interactionSteps)
		cancel()
		for _, f := range []struct {
			what   string
			xs     []float64
			target string
		}{{"to DOM", steady.DOM, "value<=16"}, {"to next frame", steady.Frame, ""}} {
			rep.Add(Row{Section: "interaction", Name: in.name + ", " + f.what + " p50", Unit: "ms", Value: percentile(f.xs, 50), Reference: "one frame", RefValue: frameMs})
			rep.Add(Row{Section: "interaction", Name: in.name + ", " + f.what + " p95", Unit: "ms", Value: percentile(f.xs, 95), Reference: "one frame", RefValue: frameMs, Target: f.target})
		}
		rep.Add(Row{Section: "interaction", Name: in.name + ", to next frame p95, first 2 s after the start", Unit: "ms", Value: percentile(early.Frame, 95),
			Reference: "steady state", RefValue: percentile(steady.Frame, 95)})
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("interactions: %d steps in the first 2 s after the app starts, then, %v later, %d steps (the steady state), %d ms apart, timed in the page from the event to the DOM change and to the next animation frame", int(earlySteps), settle, interactionSteps, stepPause))
}

// stepTimes are one run of steps' times, in ms from each event.
type stepTimes struct{ DOM, Frame []float64 }

// steps moves in's control n steps and returns their times.
func steps(b *testing.B, tab context.Context, in interaction, n int) stepTimes {
	b.Helper()
	js := fmt.Sprintf("%s(%s, %s, %s, %d, %d)", stepScript, jsString(in.input), jsString(in.watch), jsString(in.event), n, stepPause)
	times, err := chromedp.Run(tab, chromedp.Evaluate[stepTimes](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatalf("%s: %v", in.name, err)
	}
	for _, t := range times.DOM {
		if t < 0 {
			b.Fatalf("%s: a step did not change %s within 2 s", in.name, in.watch)
		}
	}
	return times
}

// jsString quotes s for a script.
func jsString(s string) string { return fmt.Sprintf("%q", s) }
