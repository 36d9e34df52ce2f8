// The live preview's service worker (ladder serve --content). It keeps
// nothing and answers nothing: every request goes to the preview, so that
// a reload shows the last save. It takes the place of the site's worker,
// and of any worker a site served at this address before left behind.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});
