// The live preview's script (ladder serve --content), which the preview
// adds to every page it serves. It follows the preview's events: after a
// rebuild it reloads the page; while the last save has problems it shows
// them over the page, which is the last good site, until they are fixed.
(() => {
  "use strict";
  const script = document.currentScript;
  const events = new EventSource(new URL("events", script.src));
  // The build the page is of, which the preview wrote into it: a first
  // event of another build means a rebuild came while the page loaded.
  let build = script.dataset.build || null;
  let panel = null;

  events.addEventListener("message", (event) => {
    const state = JSON.parse(event.data);
    if (build !== null && state.build !== build) {
      location.reload();
      return;
    }
    build = state.build;
    show(state.problems);
  });

  // show puts the problems in a panel at the foot of the window, or takes
  // the panel away when there are none. Its styles are set through the
  // DOM, which the site's Content-Security-Policy allows, where a style
  // attribute in markup would not be.
  function show(problems) {
    if (problems.length === 0) {
      panel?.remove();
      panel = null;
      return;
    }
    if (!panel) {
      panel = document.createElement("section");
      panel.id = "preview-problems";
      panel.setAttribute("role", "alert");
      panel.setAttribute("aria-label", "Problems in the content");
      Object.assign(panel.style, {
        position: "fixed", left: "0", right: "0", bottom: "0", zIndex: "2147483647",
        maxHeight: "50vh", overflow: "auto", margin: "0", padding: "1rem",
        background: "#fff4f2", color: "#3b0a02", borderTop: "4px solid #b3261e",
        font: "14px/1.4 system-ui, sans-serif", boxShadow: "0 -4px 16px rgba(0,0,0,.2)",
      });
      // Beside the body, not in it: the app, when it starts, rebuilds the
      // body as it sees it.
      document.documentElement.append(panel);
    }
    const title = document.createElement("strong");
    title.textContent = "The last save has errors: this is the last good site. Fix them and save.";
    const list = document.createElement("pre");
    Object.assign(list.style, { margin: ".5rem 0 0", whiteSpace: "pre-wrap", font: "13px/1.4 ui-monospace, monospace" });
    list.textContent = problems.join("\n");
    panel.replaceChildren(title, list);
  }
})();
