// The explorer's service worker: go-app's app worker, with the list of
// files to cache made by ladder build from the files it wrote, and with
// navigation that works offline for any address.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = @RESOURCES@;
const notFoundPage = @NOTFOUND@;

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keyList) =>
      Promise.all(
        keyList.map((key) => {
          if (key !== cacheName) {
            return caches.delete(key);
          }
        })
      )
    )
  );
  console.log("app worker {{.Version}} is activated");
});

// Pages are cached under their address without a query; a page's own
// query (none today) must not make it miss the cache offline. An address
// the site does not have gets the cached not-found page when the network
// is gone.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const navigate = request.mode === "navigate";
  event.respondWith(
    caches
      .match(request, { ignoreSearch: navigate })
      .then((cached) => cached || fetch(request))
      .catch((err) => {
        if (!navigate) {
          throw err;
        }
        return caches.match(notFoundPage).then((page) => {
          if (!page) {
            throw err;
          }
          return new Response(page.body, {
            status: 404,
            headers: page.headers,
          });
        });
      })
  );
});

// The page asks which version this worker caches, to notice an update
// that arrived while the app was starting.
self.addEventListener("message", (event) => {
  if (event.data && event.data.goapp === "version" && event.ports[0]) {
    event.ports[0].postMessage({ version: "{{.Version}}" });
  }
});
