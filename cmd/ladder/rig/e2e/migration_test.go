package e2e

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// previousVersion is the last commit whose app embeds the content and
// whose worker (go-app's) keeps a copy of every page: an app installed
// from it must update to this one cleanly.
const previousVersion = "bd03fe9"

// TestMigrationFromEmbeddedModel installs the app as the previous version
// built it, with an assessment saved, then deploys this version's build
// of the same content to the same address: the open app offers the
// update, and after it runs this version, with the new worker's copy only,
// the assessment untouched, and works offline.
func TestMigrationFromEmbeddedModel(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the previous version and drives Chromium")
	}
	if out, err := exec.Command("git", "-C", root, "cat-file", "-e", previousVersion+"^{commit}").CombinedOutput(); err != nil {
		// A shallow clone has no earlier version to build.
		t.Skipf("the repository's history lacks %s, the version to migrate from: %v %s", previousVersion, err, out)
	}
	old := t.TempDir()
	archive := exec.Command("sh", "-c", "git -C "+strconv.Quote(root)+" archive --format=tar "+previousVersion+" | tar -x -C "+strconv.Quote(old))
	if out, err := archive.CombinedOutput(); err != nil {
		t.Fatalf("extract %s: %v\n%s", previousVersion, err, out)
	}
	dir := filepath.Join(t.TempDir(), "site")
	content, err := filepath.Abs(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "run", "./cmd/ladder", "build", "--content", content, "--out", dir)
	build.Dir = old
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build with %s: %v\n%s", previousVersion, err, out)
	}
	s := startServe(t, dir, "")
	browser := browsertest.Browser(t)

	// The previous version, installed, with an assessment.
	at := open(t, browser, s, assessDevops)
	startBlank(t, at)
	waitFor(t, at, appReady)
	if err := chromedp.Do(at, chromedp.Focus("#assess-distributed-systems"), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(at, chromedp.SendKeys("#note-distributed-systems", "Kept across the update")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, at, `(s => s !== null && s.includes("Kept across the update"))(localStorage.getItem("ladder-explorer/assessments"))`)
	saved := eval[string](t, at, `localStorage.getItem("ladder-explorer/assessments")`)
	await[bool](t, at, `navigator.serviceWorker.ready.then(() => true)`)
	if err := chromedp.Do(at, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, at, appReady+` && navigator.serviceWorker.controller !== null`)
	if names := await[[]string](t, at, `caches.keys()`); len(names) != 1 || names[0][:4] != "app-" {
		t.Fatalf("the previous version's worker keeps %q, want go-app's one cache", names)
	}

	// This version, deployed to the same folder.
	if code, out, errOut := runLadder(t, "build", "--content", content, "--out", dir); code != 0 {
		t.Fatalf("build: status %d\n%s%s", code, out, errOut)
	}
	// What go-app's AutoUpdateInterval does every few minutes, until the
	// update is offered: ladder serve notices a replaced folder within a
	// second, and until then the worker's update check finds nothing (or
	// fails, while the folder is being replaced).
	waitFor(t, at, `(navigator.serviceWorker.getRegistration().then(r => r.update()).catch(() => {}), document.getElementById("reload") !== null)`)
	if err := chromedp.Do(at, chromedp.Click("#reload")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, at, appReady+` && document.getElementById("note-distributed-systems") !== null && document.getElementById("note-distributed-systems").value === "Kept across the update"`)
	if got := eval[string](t, at, `localStorage.getItem("ladder-explorer/assessments")`); got != saved {
		t.Errorf("the update changed the saved assessments:\n%s\nwant\n%s", got, saved)
	}
	name := waitForCache(t, at, "")
	if name[:7] != "ladder-" {
		t.Errorf("after the update the worker keeps %q, want this version's cache only", name)
	}
	if !await[bool](t, at, `caches.open("`+name+`").then(c => c.match("/data/index.json")).then(r => r !== undefined)`) {
		t.Error("the new copy lacks the data")
	}

	// Offline, a page it never showed.
	s.stop()
	cold := browsertest.NewTab(t, browser)
	if err := browsertest.Offline(cold, true); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(cold, chromedp.Navigate(s.at(role+"/principal"))); err != nil {
		t.Fatal(err)
	}
	use(t, cold)
	waitFor(t, cold, appReady+` && document.querySelector("h1").textContent === "Principal DevOps engineer"`)
}
