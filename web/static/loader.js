// The explorer's loader, the one script a reading page carries.
//
// A page arrives prerendered: it reads, and its links navigate, without the
// app. The loader starts the app (go-app's app.js, which fetches app.wasm
// and registers the service worker that keeps the whole site offline) only
// when the visitor uses the page:
//   - a key press, but not one that only scrolls the page (arrows, page up
//     and down, space, home, end outside a control) or is a browser
//     shortcut (with Ctrl, Alt or Cmd);
//   - a pointer press: a mouse button, or a touch or pen that lifts where
//     it came down without scrolling the page (a tap);
//   - focus entering a control (an input, select, textarea, button or summary);
//   - installing the app, or a page in the installed app (display-mode:
//     standalone);
//   - an earlier start in this tab: after the visitor has used one page, the
//     pages they go to next start the app at once.
// Pages that need the app (compare, search, assess) load go-app's scripts
// themselves, as today; the loader sees that the app is starting.
//
// The share tools, copying a level for a job ad and sharing a page's link,
// are the loader's alone, before and after the app runs, and start nothing.
//
// Until the app runs, the loader does the controls' work the browser cannot:
// the level slider goes to the chosen level's page (its tick link), and a
// button or a picker the app answers says the app is starting; once it
// runs, the button is pressed again, the picker set again. Once the app
// runs (the document is data-app="ready"), the app answers everything and
// the loader only keeps links to other sites away from go-app (last below).
//
// First of all, a link to the careers site's old pages goes on to where
// what it pointed at is now (followMoved).
(() => {
  "use strict";

  const root = document.documentElement;
  const base = new URL("../", document.currentScript.src).href;
  const engagedKey = "ladder-engaged";
  const scrollKeys = new Set([" ", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End"]);
  const modifierKeys = new Set(["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock", "Fn"]);
  const controls = "input, select, textarea, button, summary, [contenteditable]";

  // pending is what the visitor did to a control the app answers, before
  // it ran, done again once it runs: a button pressed ({id}) or a picker
  // changed ({id, value}).
  let pending = null;

  // fragment is the address's #id, decoded; one that is not validly
  // percent-encoded is taken as it is.
  function fragment() {
    const id = location.hash.slice(1);
    try {
      return decodeURIComponent(id);
    } catch {
      return id;
    }
  }

  // followMoved sends a link to the careers site's old pages on to where
  // what it pointed at is now. The page left at an old address, and a
  // role's page (a host's redirect from the old address keeps the link's
  // #id), list in template#moved the ids the old page's headings had and
  // where each went; the page left at the old address sends any other id
  // to the role's page (data-to). It returns whether the visitor leaves
  // the page.
  function followMoved() {
    const moved = document.getElementById("moved");
    if (!(moved instanceof HTMLTemplateElement)) {
      return false;
    }
    const id = fragment();
    const link = [...moved.content.querySelectorAll("a[data-from]")].find((a) => id !== "" && a.dataset.from === id);
    const href = link ? link.getAttribute("href") : moved.dataset.to;
    if (!href) {
      return false;
    }
    const to = new URL(href, location.href);
    if (to.pathname === location.pathname && to.hash === "") {
      history.replaceState(history.state, "", to.href);
      return false;
    }
    // On the same page, only the fragment changes: no new request.
    location.replace(to.href);
    return to.pathname !== location.pathname;
  }

  if (followMoved()) {
    return;
  }
  // An old id given to the page it is on already: no new load runs this.
  addEventListener("hashchange", followMoved);

  // A comparison's address names both sides, but its page is the one
  // written for /compare, which asks for them: until the app shows them
  // (seconds, on a phone's connection), the page says they are coming.
  const compareMessage = document.getElementById("compare-message");
  const sides = new URLSearchParams(location.search);
  if (compareMessage && sides.get("left") && sides.get("right")) {
    compareMessage.textContent = "Loading the comparison…";
  }

  const running = () => root.dataset.app === "ready";
  const starting = () => root.dataset.app === "starting" || running();
  const isControl = (el) => el instanceof Element && el.closest(controls) !== null;
  // isLoaders: a control the loader answers itself, which starts nothing.
  const isLoaders = (el) => el instanceof Element && el.closest("button[data-action]") !== null;

  // start loads wasm_exec.js then app.js, in that order, once.
  function start() {
    if (starting()) {
      return;
    }
    root.dataset.app = "starting";
    try {
      sessionStorage.setItem(engagedKey, "1");
    } catch {
      // Storage may be refused; the next page then waits for a use too.
    }
    followOffline();
    for (const name of ["wasm_exec.js", "app.js"]) {
      const script = document.createElement("script");
      script.src = base + name;
      script.async = false;
      document.head.append(script);
    }
  }

  // say puts a message in the page's live region, for screen readers; the
  // app replaces the region when it runs.
  function say(message) {
    const status = document.querySelector(".status");
    if (status) {
      status.textContent = message;
    }
  }

  function engaged() {
    try {
      return sessionStorage.getItem(engagedKey) === "1";
    } catch {
      return false;
    }
  }

  function installed() {
    return matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
  }

  // The loader runs: the level slider works (style.css shows it).
  root.dataset.loader = "on";

  // followOffline marks the document with the state of the whole-site
  // offline copy, which the app's service worker makes once the app
  // starts: saving, kept (the worker is ready) or none (no service
  // workers); the footer shows its words (style.css).
  function followOffline() {
    if (!("serviceWorker" in navigator)) {
      root.dataset.offline = "none";
      return;
    }
    if (root.dataset.offline !== "kept") {
      root.dataset.offline = "saving";
    }
    navigator.serviceWorker.ready.then(() => {
      root.dataset.offline = "kept";
    });
  }

  // A worker in charge of the page holds the copy already.
  if ("serviceWorker" in navigator && navigator.serviceWorker.controller) {
    root.dataset.offline = "kept";
  }

  // The page started the app itself (go-app's scripts ran before this one).
  if (typeof goappInitWebAssembly === "function") {
    root.dataset.app = "starting";
    followOffline();
  } else if (installed() || engaged()) {
    start();
  }

  addEventListener("appinstalled", start);

  addEventListener(
    "keydown",
    (e) => {
      if (modifierKeys.has(e.key) || e.ctrlKey || e.altKey || e.metaKey) {
        return;
      }
      if ((scrollKeys.has(e.key) && !isControl(e.target)) || isLoaders(e.target)) {
        return;
      }
      start();
    },
    true
  );

  // A mouse button is a press. A touch or a pen is one when it lifts where
  // it came down, the page unscrolled: a tap. One that moves or scrolls the
  // page is reading (the browser usually cancels it, pointercancel, but not
  // always).
  let down = null;
  addEventListener(
    "pointerdown",
    (e) => {
      down = null;
      if (isLoaders(e.target)) {
        return;
      }
      if (e.pointerType === "mouse") {
        start();
      } else {
        down = { x: e.clientX, y: e.clientY, sx: scrollX, sy: scrollY };
      }
    },
    true
  );
  addEventListener("pointercancel", () => (down = null), true);
  addEventListener(
    "pointerup",
    (e) => {
      const tap =
        down !== null &&
        Math.abs(e.clientX - down.x) < 10 &&
        Math.abs(e.clientY - down.y) < 10 &&
        scrollX === down.sx &&
        scrollY === down.sy;
      down = null;
      if (tap) {
        start();
      }
    },
    true
  );

  addEventListener(
    "focusin",
    (e) => {
      if (isControl(e.target) && !isLoaders(e.target)) {
        start();
      }
    },
    true
  );

  // The level slider, before the app runs: while it moves, it says which
  // level it is on; where it stops (change: the mouse or finger let go, or
  // a key step), it goes to that level's page, replacing the address as the
  // app does.
  function levelTick(slider) {
    if (!(slider instanceof HTMLInputElement) || slider.id !== "level-slider") {
      return null;
    }
    return document.querySelectorAll(".ticks a")[slider.valueAsNumber] || null;
  }

  document.addEventListener("input", (e) => {
    const tick = running() ? null : levelTick(e.target);
    if (tick) {
      e.target.setAttribute("aria-valuetext", tick.textContent);
    }
  });

  document.addEventListener("change", (e) => {
    if (running()) {
      return;
    }
    const tick = levelTick(e.target);
    if (tick && !tick.hasAttribute("aria-current")) {
      location.replace(tick.href);
    } else if (e.target instanceof HTMLSelectElement && e.target.id) {
      wait({ id: e.target.id, value: e.target.value });
    }
  });

  // A button pressed before the app runs.
  document.addEventListener("click", (e) => {
    const button = e.target instanceof Element ? e.target.closest("button") : null;
    if (!running() && button && !isLoaders(button)) {
      wait({ id: button.id });
    }
  });

  // "/" outside a control takes the visitor to the search field, as on
  // documentation sites: the search page's own, or the masthead's.
  addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.altKey || e.metaKey || isControl(e.target)) {
      return;
    }
    const field = document.getElementById("search-q") || document.getElementById("site-search-q");
    if (field) {
      e.preventDefault();
      field.focus();
    }
  });

  // A search before the app runs. The search page's field keeps its query
  // in the address, where the app reads it once it runs. A search form
  // sent from another page goes to the search page with the query in the
  // address's fragment, which no request carries: nothing of a query
  // reaches the host.
  document.addEventListener("input", (e) => {
    if (!running() && e.target instanceof HTMLInputElement && e.target.id === "search-q") {
      history.replaceState(history.state, "", "?q=" + encodeURIComponent(e.target.value));
    }
  });

  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (running() || !(form instanceof HTMLFormElement) || form.getAttribute("role") !== "search") {
      return;
    }
    e.preventDefault();
    const q = String(new FormData(form).get("q") || "").trim();
    const to = new URL(form.action);
    if (to.pathname === location.pathname) {
      wait({});
      return;
    }
    location.assign(to.pathname + (q ? "#q=" + encodeURIComponent(q) : ""));
  });

  // wait keeps what the visitor did to a control the app answers, starts
  // the app and says so; once the app runs, it does it again there (the
  // app has rebuilt the page: the control is found by its id).
  function wait(action) {
    pending = action.id ? action : null;
    start();
    say("Starting the app…");
  }

  new MutationObserver(() => {
    if (!running() || pending === null) {
      return;
    }
    const { id, value } = pending;
    const control = document.getElementById(id);
    pending = null;
    if (control instanceof HTMLSelectElement) {
      control.value = value;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    } else if (control instanceof HTMLButtonElement) {
      control.click();
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-app"] });

  // The share tools (app.shareTools) are the loader's, with the app or
  // without it: copying a level for a job ad, or sharing a page's link,
  // should not wait for, or download, the app. Pressing them does not
  // start it (isLoaders).
  document.addEventListener("click", (e) => {
    const button = e.target instanceof Element ? e.target.closest("button[data-action]") : null;
    if (button?.dataset.action === "copy-level") {
      copyLevel(button);
    } else if (button?.dataset.action === "share") {
      share(button);
    }
  });

  // tell says what a share tool did, in its live region.
  function tell(button, message) {
    const status = button.parentElement.querySelector(".share-status");
    if (status) {
      status.textContent = message;
    }
  }

  // pageLink is the page's public address: its canonical link's, or, on a
  // site built without a base URL, the address it is at; with the skill
  // the reader is at, when there is one: the last whose top has passed the
  // upper third of the window, some of it still in view, or else the one
  // the address names (a skill's # link, a link to it).
  function pageLink() {
    const canonical = document.querySelector('link[rel="canonical"]');
    const link = new URL(canonical ? canonical.href : location.href);
    link.search = location.search;
    link.hash = "";
    const skills = [...document.querySelectorAll("section.skill[id]")];
    const line = innerHeight / 3;
    const skill =
      skills.findLast((s) => {
        const r = s.getBoundingClientRect();
        return r.top <= line && r.bottom > 0;
      }) || skills.find((s) => s.id === fragment());
    if (skill) {
      link.hash = skill.id;
    }
    return link.href;
  }

  // share uses the device's share sheet (Web Share) where there is one,
  // and copies the link otherwise.
  async function share(button) {
    const url = pageLink();
    if (navigator.share) {
      try {
        await navigator.share({ title: document.title, url });
        tell(button, "");
        return;
      } catch (err) {
        if (err.name === "AbortError") {
          return; // the visitor closed the sheet
        }
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      tell(button, "Link copied: " + url);
    } catch {
      tell(button, "The browser would not copy. The link is " + url);
    }
  }

  // copyLevel puts the level on the clipboard as text for a job ad: its
  // title, introduction and every skill's expectation, and the page's
  // address, as Markdown for a plain-text paste and as HTML for a rich one.
  async function copyLevel(button) {
    const url = pageLink().replace(/#.*/, "");
    const title = document.getElementById("level-title")?.textContent || document.title;
    const md = ["# " + title];
    const html = document.createElement("div");
    const add = (tag, text) => html.append(Object.assign(document.createElement(tag), { textContent: text }));
    add("h1", title);
    const part = (prose) => {
      if (prose) {
        md.push(markdownOf(prose).trim());
        const copy = prose.cloneNode(true);
        copy.querySelectorAll("a[href]").forEach((a) => a.setAttribute("href", a.href)); // absolute
        html.append(...copy.childNodes);
      }
    };
    part(document.querySelector("main .prose.intro"));
    for (const skill of document.querySelectorAll(".expectations section.skill")) {
      const heading = skill.querySelector("h2")?.cloneNode(true);
      heading?.querySelector(".anchor")?.remove();
      const name = heading ? heading.textContent.trim() : "";
      md.push("## " + name);
      add("h2", name);
      part(skill.querySelector(".prose"));
    }
    md.push(url);
    const p = document.createElement("p");
    p.append(Object.assign(document.createElement("a"), { href: url, textContent: url }));
    html.append(p);
    const text = md.join("\n\n") + "\n";
    try {
      if (typeof ClipboardItem === "function" && navigator.clipboard.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/plain": new Blob([text], { type: "text/plain" }),
            "text/html": new Blob([html.innerHTML], { type: "text/html" }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      tell(button, "Copied: the level with every skill, and its address.");
    } catch {
      tell(button, "The browser would not copy. Select the text of the page instead.");
    }
  }

  // markdownOf writes a piece of prose, as the reader renders it, in
  // Markdown: paragraphs, lists, emphasis, code, links (absolute) and
  // headings; other elements give their text.
  function markdownOf(node) {
    let out = "";
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) {
        out += n.textContent.replace(/\s+/g, " ");
        continue;
      }
      if (n.nodeType !== Node.ELEMENT_NODE) {
        continue;
      }
      const inner = () => markdownOf(n).trim();
      switch (n.tagName) {
        case "P":
          out += "\n\n" + inner() + "\n\n";
          break;
        case "UL":
        case "OL":
          out += "\n\n" + [...n.children].map((li, i) => (n.tagName === "OL" ? i + 1 + ". " : "- ") + markdownOf(li).trim()).join("\n") + "\n\n";
          break;
        case "STRONG":
        case "B":
          out += "**" + inner() + "**";
          break;
        case "EM":
        case "I":
          out += "*" + inner() + "*";
          break;
        case "CODE":
          out += "`" + n.textContent + "`";
          break;
        case "A":
          out += "[" + inner() + "](" + n.href + ")";
          break;
        case "BR":
          out += "\n";
          break;
        default:
          if (/^H[1-6]$/.test(n.tagName)) {
            out += "\n\n" + "#".repeat(Number(n.tagName[1]) + 1) + " " + inner() + "\n\n";
          } else {
            out += markdownOf(n);
          }
      }
    }
    return out.replace(/\n{3,}/g, "\n\n");
  }

  // Links that leave the site are kept away from go-app, so that
  // the browser follows them as it does without the app. go-app answers
  // every click on a link (window.onclick): a link to another site it opens
  // with window.open, which gives that site a handle on this tab and this
  // page's address as referrer, whatever rel="noreferrer" says; a link with
  // another scheme, tel: among them, it pushes into the history, which
  // throws and stops the app. The document hears a click before the window.
  document.addEventListener("click", (e) => {
    const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
    if (link && link.origin !== location.origin) {
      e.stopPropagation();
    }
  });
})();
