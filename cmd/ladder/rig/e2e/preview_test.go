package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// syncBuffer is a bytes.Buffer that ladder serve writes to while the test
// reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startPreview runs ladder serve --content dir on a free port, under
// prefix, and returns the preview and what it writes on stderr.
func startPreview(t *testing.T, dir, prefix string) (hosted, *syncBuffer) {
	t.Helper()
	stderr := &syncBuffer{}
	return startLadderServe(t, prefix, stderr, "--content", dir), stderr
}

// buildTimeout bounds a build that compiles app.wasm: on a machine that
// is busy with other work, that takes longer than waitTimeout.
const buildTimeout = 5 * time.Minute

// liveHeardScript counts, in window.liveHeard, the events that the page's
// EventSources (live.js's) receive, from the page's first moment.
const liveHeardScript = `window.liveHeard = 0;
window.EventSource = class extends EventSource {
	constructor(...args) {
		super(...args);
		this.addEventListener("message", () => { window.liveHeard++ });
	}
};`

// liveHeard is true once live.js has heard the preview's first event.
const liveHeard = `window.liveHeard > 0`

// TestLivePreview edits a page under ladder serve --content with a level
// page open: the page shows each save by itself; a save that breaks the
// content keeps the last good site and shows the diagnostics in the page
// and on the terminal, until a save fixes them.
func TestLivePreview(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	const seedText = "A senior DevOps engineer is an experienced practitioner."
	dir, write := editableContent(t, seedText)
	s, stderr := startPreview(t, dir, "/careers")
	browser := browsertest.Browser(t)
	tab := watchedTab(t, browser, liveHeardScript)
	if err := chromedp.Do(tab, chromedp.Navigate(s.at("/roles/devops-engineer/senior"))); err != nil {
		t.Fatal(err)
	}
	// The preview sends the first build's pages once it is made; the
	// build compiles app.wasm, which a busy machine takes its time over.
	waitForText(t, stderr, "built ", buildTimeout)
	waitFor(t, tab, `document.body.innerText.includes(`+strconv.Quote(seedText)+`)`)
	// live.js takes the build it first hears of as the page's: a save
	// made before then would not reload the page.
	waitFor(t, tab, liveHeard)

	edited := "A senior DevOps engineer leads the practice, as saved a moment ago."
	saved := time.Now()
	write(edited)
	waitFor(t, tab, `document.body.innerText.includes(`+strconv.Quote(edited)+`)`)
	t.Logf("a save showed in the open page after %d ms", time.Since(saved).Milliseconds())

	// A save that breaks the front matter.
	broken := strings.Replace(readContentPage(t, dir), "levels:\n", "levels: [unclosed\n", 1)
	writeContentPage(t, dir, broken)
	waitFor(t, tab, `document.querySelector("#preview-problems")?.innerText.includes("devops-engineer.md:")`)
	problems := eval[string](t, tab, `document.querySelector("#preview-problems").innerText`)
	if !strings.Contains(problems, ": error: ") {
		t.Errorf("the page's problems do not read path:line:col: error: …:\n%s", problems)
	}
	if !eval[bool](t, tab, `document.body.innerText.includes(`+strconv.Quote(edited)+`)`) {
		t.Error("a broken save took the last good site away")
	}
	diag := strings.TrimSpace(strings.SplitN(problems, "\n", 3)[1])
	waitForText(t, stderr, diag, waitTimeout)

	// A page opened while the content is broken shows the same.
	other := browsertest.NewTab(t, browser)
	if err := chromedp.Do(other, chromedp.Navigate(s.at("/roles/devops-engineer"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, other, `document.querySelector("#preview-problems")?.innerText.includes("devops-engineer.md:")`)

	fixed := "A senior DevOps engineer leads the practice, fixed."
	write(fixed)
	waitFor(t, tab, `document.body.innerText.includes(`+strconv.Quote(fixed)+`)`)
	waitFor(t, tab, `!document.querySelector("#preview-problems")`)
	waitFor(t, other, `!document.querySelector("#preview-problems")`)
	violations, err := browsertest.CSPViolations(tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("Content-Security-Policy violation: %s", v)
	}
}

// readContentPage and writeContentPage read and write the page that
// editableContent made.
func readContentPage(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "devops-engineer.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeContentPage(t *testing.T, dir, page string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "devops-engineer.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitForText waits, at most timeout, until ladder serve has written
// text on stderr.
func waitForText(t *testing.T, stderr *syncBuffer, text string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !strings.Contains(stderr.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never said %q:\n%s", text, stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
