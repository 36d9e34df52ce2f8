package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// The quick paths (app/quick.go) write into the page during an event, a
// frame before go-app does. They are a second renderer, so each control
// that has one is driven here through random sequences of steps, toggles
// and clicks, with and without go-app's frames between them; once the page
// has settled, it must be what a fresh render of the same state is.

// quickSeeds are the sequences each control is driven through: fixed, so
// that a failure can be replayed with its seed.
var quickSeeds = []int{1, 2, 3, 4, 5}

// quickSteps is how many actions one sequence takes.
const quickSteps = 24

// quickDriver is the script that drives a sequence in the page: rand (a
// seeded generator), pause (nothing, a task or an animation frame, so
// that go-app's frame comes between some actions and not others) and the
// control's actions, one of which runs at each step; then one of its
// races, two actions in one task (a quick write, and what takes the state
// elsewhere before go-app's frame), which the page must end up right
// after, whatever came before.
const quickDriver = `(async (seed, steps, actions, races) => {
	let x = seed * 2654435761 % 4294967296 || 1;
	const rand = (n) => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x % n; };
	const pause = () => [
		() => null,
		() => new Promise((ok) => setTimeout(ok, 0)),
		() => new Promise((ok) => requestAnimationFrame(ok)),
	][rand(3)]();
	for (let i = 0; i < steps; i++) {
		actions[rand(actions.length)](rand);
		await pause();
	}
	races[rand(races.length)](rand);
	return true;
})`

// settledScript resolves once the page has not changed for half a second
// (at most 15 s): go-app's frame, and the quick path's mend after it, are
// over.
const settledScript = `new Promise((ok) => {
	let timer;
	const quiet = () => { clearTimeout(timer); timer = setTimeout(done, 500); };
	const observer = new MutationObserver(quiet);
	const done = () => { observer.disconnect(); clearTimeout(limit); ok(true); };
	const limit = setTimeout(done, 15000);
	observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
	quiet();
})`

// snapshotScript is the page as a person sees it: the address, the main
// content's nodes (attributes sorted: go-app writes them in map order),
// and the values of its controls (a property the quick paths set, which
// markup does not show).
const snapshotScript = `(() => {
	const out = [];
	const walk = (n) => {
		if (n.nodeType === Node.TEXT_NODE) { out.push(n.nodeValue); return; }
		if (n.nodeType === Node.COMMENT_NODE) { out.push("<!--" + n.nodeValue + "-->"); return; }
		if (n.nodeType !== Node.ELEMENT_NODE) return;
		const attrs = [...n.attributes].map((a) => a.name + "=" + JSON.stringify(a.value)).sort();
		out.push("<" + n.localName + (attrs.length ? " " + attrs.join(" ") : "") + ">");
		n.childNodes.forEach(walk);
		out.push("</" + n.localName + ">");
	};
	const main = document.querySelector("main");
	walk(main);
	const values = [...main.querySelectorAll("input, select, textarea")].map((e) => e.id + "=" + e.value);
	return [location.pathname + location.search, out.join(""), values.join(" ")].join("\n");
})()`

// quickControl is one control with a quick path: the page it is on, the
// actions that drive it, and what a fresh tab must do to reach the state
// the sequence left (beyond loading its address).
type quickControl struct {
	name, path string
	actions    string // a JavaScript array of functions of rand
	races      string // the same, each a quick write and another change in one task
	replay     func(t *testing.T, driven, fresh context.Context)
}

func TestQuickPathsMatchAFreshRender(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site and drives Chromium")
	}
	s := startServe(t, buildSite(t, contentDir), "")
	browser := browsertest.Browser(t)
	controls := []quickControl{
		{name: "level slider", path: senior, actions: `[
			(rand) => { const s = document.getElementById("level-slider"); s.value = String(rand(Number(s.max) + 1)); s.dispatchEvent(new Event("input", {bubbles: true})); },
			(rand) => { const s = document.getElementById("level-slider"); s.dispatchEvent(new Event("change", {bubbles: true})); },
			(rand) => { const a = document.querySelectorAll(".ticks a"); a[rand(a.length)].click(); },
		]`, races: `[
			(rand) => { const s = document.getElementById("level-slider"); const was = Number(s.value); s.value = String((was + 1 + rand(Number(s.max))) % (Number(s.max) + 1)); s.dispatchEvent(new Event("input", {bubbles: true})); document.querySelectorAll(".ticks a")[was].click(); },
		]`},
		{name: "comparison pickers", path: "/compare?left=devops-engineer/ii&right=devops-engineer/senior", actions: `[
			(rand) => { const s = document.getElementById(["left-level", "right-level"][rand(2)]); s.selectedIndex = rand(s.options.length); s.dispatchEvent(new Event("change", {bubbles: true})); },
			(rand) => { document.getElementById("plain-toggle").click(); },
		]`, races: `[
			(rand) => { const s = document.getElementById(["left-level", "right-level"][rand(2)]); s.selectedIndex = (s.selectedIndex + 1 + rand(s.options.length - 1)) % s.options.length; s.dispatchEvent(new Event("change", {bubbles: true})); document.getElementById("plain-toggle").click(); },
		]`, replay: replayPlain},
		{name: "assessment sliders", path: "/assess/devops-engineer", actions: `[
			(rand) => { const all = document.querySelectorAll(".assess-slider"); const s = all[rand(all.length)]; s.value = String(rand(Number(s.max) + 1)); s.dispatchEvent(new Event("input", {bubbles: true})); },
			(rand) => { const all = document.querySelectorAll(".assess-slider"); all[rand(all.length)].dispatchEvent(new Event("change", {bubbles: true})); },
		]`, races: `[
			(rand) => { const all = document.querySelectorAll(".assess-slider"); const s = all[rand(all.length)]; const was = s.value; s.value = String((Number(was) + 1 + rand(Number(s.max))) % (Number(s.max) + 1)); s.dispatchEvent(new Event("input", {bubbles: true})); s.value = was; s.dispatchEvent(new Event("input", {bubbles: true})); },
		]`},
		{name: "search field", path: "/search", actions: `[
			(rand) => { const f = document.getElementById("search-q"); f.value += "syst ecd\"ol"[rand(12)]; f.dispatchEvent(new Event("input", {bubbles: true})); },
			(rand) => { const f = document.getElementById("search-q"); f.value = f.value.slice(0, -1 - rand(3)); f.dispatchEvent(new Event("input", {bubbles: true})); },
		]`, races: `[
			(rand) => { const f = document.getElementById("search-q"); const was = f.value; f.value = was + "sy"[rand(2)]; f.dispatchEvent(new Event("input", {bubbles: true})); f.value = was; f.dispatchEvent(new Event("input", {bubbles: true})); },
		]`},
	}
	for _, c := range controls {
		t.Run(c.name, func(t *testing.T) {
			for _, seed := range quickSeeds {
				driven := open(t, browser, s, c.path)
				if !await[bool](t, driven, quickDriver+`(`+strconv.Itoa(seed)+`, `+strconv.Itoa(quickSteps)+`, `+c.actions+`, `+c.races+`)`) {
					t.Fatalf("seed %d: the driver did not run", seed)
				}
				await[bool](t, driven, settledScript)
				got := eval[string](t, driven, snapshotScript)
				address, _, _ := strings.Cut(got, "\n")
				fresh := open(t, browser, s, address)
				if c.replay != nil {
					c.replay(t, driven, fresh)
				}
				await[bool](t, fresh, settledScript)
				if want := eval[string](t, fresh, snapshotScript); got != want {
					t.Errorf("seed %d: after %d random actions the page is not a fresh render of its state:\n%s", seed, quickSteps, firstDifference(got, want))
				}
			}
		})
	}
}

// replayPlain sets the comparison's plain-text toggle, which the address
// does not carry, as the driven tab left it.
func replayPlain(t *testing.T, driven, fresh context.Context) {
	t.Helper()
	const pressed = `document.getElementById("plain-toggle").getAttribute("aria-pressed") === "true"`
	if eval[bool](t, driven, pressed) != eval[bool](t, fresh, pressed) {
		eval[bool](t, fresh, `(document.getElementById("plain-toggle").click(), true)`)
		waitFor(t, fresh, pressed+` === `+strconv.FormatBool(eval[bool](t, driven, pressed)))
	}
}

// firstDifference shows where two snapshots part, with some context.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-200, 0)
	return "page:  …" + got[from:min(i+200, len(got))] + "\nfresh: …" + want[from:min(i+200, len(want))]
}
