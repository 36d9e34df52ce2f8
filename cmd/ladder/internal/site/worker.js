// The explorer's service worker, which keeps the whole site for offline
// use once the visitor uses the app. It keeps the app's own files, the data
// and the app shell, not a copy of every page: offline, an address it has
// no page for gets the shell, which starts the app, and the app shows the
// address's page from the data. ladder build fills in the list of files,
// each with a revision (a hash of its bytes): an update fetches only the
// files whose revision changed, and copies the others from the cache it
// replaces. The search's file it keeps when search is first used: a
// visitor who never searches never fetches it.
const cacheName = "ladder-" + "{{.Version}}";
// [[url, revision], ...]
const precache = @PRECACHE@;
// [url, ...]: files kept when the app, having fetched one, asks for it to
// be kept (see keep). Their names carry a hash of their bytes.
const onUse = @ONUSE@;
// The search page: its query, which the app reads, is not sent.
const searchPage = @SEARCH@;
const shellPage = @SHELL@;
// Where each cache keeps the revisions of its files: a key, never fetched.
const revisionsKey = @REVISIONS@;
// Caches of earlier versions: ours, and go-app's worker's before them.
const ourCache = (name) => name.startsWith("ladder-") || name.startsWith("app-");
// How long a page may take before the shell answers instead.
const pageTimeout = 4000;
// How many files are fetched at once when installing.
const parallel = 6;

self.addEventListener("install", (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

async function install() {
  const cache = await caches.open(cacheName);
  const earlier = await earlierCopies();
  const revisions = {};
  const queue = precache.slice();
  const next = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const [url, revision] = entry;
      revisions[url] = revision;
      if (await copy(earlier, cache, url, revision)) {
        continue;
      }
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) {
        throw new Error(url + ": status " + response.status);
      }
      await cache.put(url, response);
    }
  };
  await Promise.all(Array.from({ length: parallel }, next));
  // A file kept on use that an earlier version holds is the same file.
  for (const url of onUse) {
    for (const { cache: old } of earlier) {
      const response = await old.match(url);
      if (response) {
        await cache.put(url, response);
        break;
      }
    }
  }
  await cache.put(revisionsKey, new Response(JSON.stringify(revisions)));
}

// earlierCopies returns the caches of earlier versions with the revisions
// of their files.
async function earlierCopies() {
  const copies = [];
  for (const name of await caches.keys()) {
    if (name === cacheName || !ourCache(name)) {
      continue;
    }
    const cache = await caches.open(name);
    const kept = await cache.match(revisionsKey);
    if (kept) {
      copies.push({ cache, revisions: await kept.json() });
    }
  }
  return copies;
}

// copy puts an earlier copy of url into cache if one has the revision.
async function copy(earlier, cache, url, revision) {
  for (const { cache: old, revisions } of earlier) {
    if (revisions[url] !== revision) {
      continue;
    }
    const response = await old.match(url);
    if (response) {
      await cache.put(url, response);
      return true;
    }
  }
  return false;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => n !== cacheName && ourCache(n)).map((n) => caches.delete(n)))
    )
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  event.respondWith(
    caches
      .open(cacheName)
      .then((cache) => cache.match(request))
      .then((cached) => cached || fetch(request))
  );
});

// page answers a navigation from the network, which has every page and
// the newest; offline, or when the network is slower than pageTimeout,
// the shell answers, and the app shows the page.
async function page(request) {
  const url = new URL(request.url);
  const network = url.pathname === searchPage && url.search !== "" ? fetch(searchPage) : fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, pageTimeout));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) {
      return response;
    }
  } catch (err) {
    // offline: the shell answers
  }
  const shell = await caches.open(cacheName).then((cache) => cache.match(shellPage));
  return shell || network;
}

// The page asks which version this worker caches, to notice an update
// that arrived while the app was starting; and, once it has fetched a file
// kept on use, asks the worker to keep it: the page may have fetched it
// before this worker was in charge of it.
self.addEventListener("message", (event) => {
  if (event.data && event.data.goapp === "version" && event.ports[0]) {
    event.ports[0].postMessage({ version: "{{.Version}}" });
  }
  if (event.data && onUse.includes(event.data.keep)) {
    event.waitUntil(keep(event.data.keep));
  }
});

// keep puts a file kept on use into the copy, unless it is there: the
// browser's own cache most likely holds it, as the page has just fetched
// it.
async function keep(url) {
  const cache = await caches.open(cacheName);
  if (await cache.match(url)) {
    return;
  }
  const response = await fetch(url);
  if (response.ok) {
    await cache.put(url, response);
  }
}
