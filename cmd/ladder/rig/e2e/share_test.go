package e2e

import (
	"context"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ladder-explorer/ladder/cmd/ladder/rig/browsertest"
)

// publicSenior is the senior level's public address on a site built with
// --base-url https://careers.example.org.
const publicSenior = "https://careers.example.org" + senior

// TestShare copies a level for a job ad and shares pages' links, as a
// recruiter does, with the mouse and with the keyboard, before the app
// runs (which they do not start) and with it running.
func TestShare(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site and drives Chromium")
	}
	t.Parallel()
	s := startServe(t, buildSite(t, contentDir, "--base-url", "https://careers.example.org"), "")
	browser := browsertest.Browser(t)
	t.Run("copy for a job ad", func(t *testing.T) { testCopyLevel(t, browser, s) })
	t.Run("share copies the link", func(t *testing.T) { testShareFallback(t, browser, s) })
	t.Run("share with Web Share", func(t *testing.T) { testWebShare(t, browser, s) })
}

// clipboardTab is a new tab on path whose page may read and write the
// clipboard, and is focused as a visitor's is (headless, it is not).
func clipboardTab(t *testing.T, browser context.Context, s hosted, path string) context.Context {
	t.Helper()
	tab := browsertest.NewTab(t, browser)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.Call(tab, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    cdpbrowser.PermissionSettingGranted,
			Origin:     s.url,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := chromedp.Call(tab, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(s.at(path))); err != nil {
		t.Fatal(err)
	}
	return tab
}

// clipboard is what the clipboard holds, by type.
func clipboard(t *testing.T, tab context.Context) map[string]string {
	t.Helper()
	return await[map[string]string](t, tab, `(async () => {
		const out = {};
		for (const item of await navigator.clipboard.read()) {
			for (const type of item.types) {
				out[type] = await (await item.getType(type)).text();
			}
		}
		return out;
	})()`)
}

// shareStatus waits for the share tools to say something, and returns it.
func shareStatus(t *testing.T, tab context.Context) string {
	t.Helper()
	waitFor(t, tab, `document.querySelector(".share-status").textContent !== ""`)
	return eval[string](t, tab, `document.querySelector(".share-status").textContent`)
}

func testCopyLevel(t *testing.T, browser context.Context, s hosted) {
	tab := clipboardTab(t, browser, s, senior)
	if err := chromedp.Do(tab, chromedp.Click("#copy-level")); err != nil {
		t.Fatal(err)
	}
	if got := shareStatus(t, tab); !strings.HasPrefix(got, "Copied") {
		t.Errorf("the status says %q, want it copied", got)
	}
	clip := clipboard(t, tab)
	md, html := clip["text/plain"], clip["text/html"]
	for _, want := range []string{
		"# Senior DevOps engineer\n\n",
		"\n\n## Distributed systems\n\nYou can design and implement reliable",
		"\n\n## Infrastructure standardization and automation\n\n",
		"\n\n" + publicSenior + "\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Count(md, "\n## ") != 6 || strings.Contains(md, "How ") || strings.Contains(md, "<") {
		t.Errorf("the Markdown is not the level's six skills as text:\n%s", md)
	}
	for _, want := range []string{
		"<h1>Senior DevOps engineer</h1>",
		"<h2>Distributed systems</h2>",
		"You identify inefficiencies in a system",
		`<a href="` + publicSenior + `">` + publicSenior + `</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML lacks %q:\n%s", want, html)
		}
	}
	// It copies without the app, and does not start it.
	if app := eval[string](t, tab, `document.documentElement.dataset.app || ""`); app != "" {
		t.Errorf("copying started the app (data-app %q)", app)
	}

	// With the keyboard, and with the app running.
	tab = clipboardTab(t, browser, s, senior)
	use(t, tab)
	waitFor(t, tab, appReady)
	eval[bool](t, tab, `navigator.clipboard.writeText("").then(() => true), document.getElementById("copy-level").focus(), true`)
	if _, err := chromedp.Call(tab, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, Text: "\r"}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13}); err != nil {
		t.Fatal(err)
	}
	if got := shareStatus(t, tab); !strings.HasPrefix(got, "Copied") {
		t.Errorf("with the keyboard, the status says %q", got)
	}
	if md := clipboard(t, tab)["text/plain"]; !strings.HasPrefix(md, "# Senior DevOps engineer\n\n") {
		t.Errorf("with the keyboard, the clipboard holds %q", md)
	}
}

// testShareFallback shares where the browser has no Web Share (desktop
// Chromium on Linux): the link is copied, the canonical one, with the
// skill the reader is at.
func testShareFallback(t *testing.T, browser context.Context, s hosted) {
	tab := clipboardTab(t, browser, s, senior)
	if eval[bool](t, tab, `"share" in navigator`) {
		t.Skip("this Chromium has Web Share: the fallback cannot be reached")
	}
	if err := chromedp.Do(tab, chromedp.Click("#share-link")); err != nil {
		t.Fatal(err)
	}
	if got := shareStatus(t, tab); got != "Link copied: "+publicSenior {
		t.Errorf("the status says %q", got)
	}
	if got := clipboard(t, tab)["text/plain"]; got != publicSenior {
		t.Errorf("the clipboard holds %q, want %q", got, publicSenior)
	}
	// Scrolled to a skill, the link carries it. (A click from the script:
	// Chromium would scroll the button into view first.)
	eval[bool](t, tab, `document.getElementById("continuous-delivery").scrollIntoView(), document.querySelector(".share-status").textContent = "", document.getElementById("share-link").click(), true`)
	shareStatus(t, tab)
	if got, want := clipboard(t, tab)["text/plain"], publicSenior+"#continuous-delivery"; got != want {
		t.Errorf("scrolled to a skill, the clipboard holds %q, want %q", got, want)
	}
	// Opened at a skill, and back at the top to share: the link carries
	// the skill the address names.
	tab = clipboardTab(t, browser, s, senior+"#production-operations")
	if err := chromedp.Do(tab, chromedp.Click("#share-link")); err != nil {
		t.Fatal(err)
	}
	shareStatus(t, tab)
	if got, want := clipboard(t, tab)["text/plain"], publicSenior+"#production-operations"; got != want {
		t.Errorf("opened at a skill, the clipboard holds %q, want %q", got, want)
	}
}

// testWebShare shares where the browser has Web Share: the share sheet
// gets the page's title and canonical link, on the role's page too.
func testWebShare(t *testing.T, browser context.Context, s hosted) {
	for path, want := range map[string]string{senior: publicSenior, role: "https://careers.example.org" + role} {
		tab := browsertest.NewTab(t, browser)
		if _, err := chromedp.Call(tab, cdpage.AddScriptToEvaluateOnNewDocument, cdpage.AddScriptToEvaluateOnNewDocumentParams{
			Source: `navigator.share = (data) => { window.shared = data; return Promise.resolve(); };`,
		}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(s.at(path))); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Click("#share-link")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, tab, `window.shared !== undefined`)
		if got := eval[string](t, tab, `window.shared.url`); got != want {
			t.Errorf("%s: shared %q, want %q", path, got, want)
		}
		if got := eval[string](t, tab, `window.shared.title`); !strings.Contains(got, "DevOps engineer") {
			t.Errorf("%s: shared the title %q", path, got)
		}
	}
}
