/* hipapp service worker. One file, no imports; served at the site root as sw.js.

   hipapp/pwa.py prepends two constants:
     VERSION  - a hash of every precached URL's bytes (and of this file),
     PRECACHE - every URL of the site, relative to this file's folder.
   So the same file works at a domain root and under a subpath.

   Rules that keep old pages and new scripts apart:
   - each version has its own cache; responses are only ever served from this version's
     cache, never written into it after install (no runtime caching);
   - a new version installs its whole cache next to the old one and then waits;
   - it takes over only when the page asks (SKIP_WAITING, after the user accepts
     "Update ready") or when every tab has closed;
   - old caches are deleted on activate, never before. */

const SCOPE = new URL("./", self.location.href);
const CACHE_PREFIX = `hipapp:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + VERSION;
const PRECACHE_URLS = PRECACHE.map((path) => new URL(path, SCOPE).href);
const OFFLINE_URL = new URL("offline/", SCOPE).href;

self.addEventListener("install", (event) => event.waitUntil(precacheAll()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));
self.addEventListener("fetch", onFetch);
self.addEventListener("message", onMessage);

/* Revalidate with the server: a static host may send long max-age on pages. */
function fresh(url) {
  return new Request(url, { cache: "no-cache", credentials: "same-origin" });
}

/* All or nothing: if one URL fails (say, mid-deploy), the install fails and is retried. */
async function precacheAll() {
  const cache = await caches.open(CACHE);
  await cache.addAll(PRECACHE_URLS.map(fresh));
}

async function activate() {
  const names = await caches.keys();
  const old = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
  await Promise.all(old.map((name) => caches.delete(name)));
  await self.clients.claim();
}

function onFetch(event) {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE.href)) return;
  if (request.mode === "navigate") {
    event.respondWith(pageResponse(request));
  } else {
    event.respondWith(assetResponse(request));
  }
}

/* Pages: cache first. New content arrives as a whole new version (the browser checks
   sw.js on every navigation), never page by page. Unknown pages need the network;
   offline, they go to the offline page. */
async function pageResponse(request) {
  const cached = await fromCache(request, true);
  if (cached) return cached;
  const page = await slashed(request);
  if (page) return Response.redirect(page, 302);
  try {
    return await fetch(request);
  } catch (error) {
    return offlineRedirect(request);
  }
}

async function assetResponse(request) {
  const cached = await fromCache(request, false);
  return cached || fetch(request);
}

/* A page's address without its trailing slash (typed by hand, or trimmed by a link
   shortener or chat app): the page it names, as the server would redirect, so it opens
   offline too. A redirect, not the page in place, for its relative links. */
async function slashed(request) {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/")) return null;
  const search = url.search;
  url.pathname += "/";
  url.search = "";
  const cache = await caches.open(CACHE);
  if (!(await cache.match(url.href))) return null;
  url.search = search;
  return url.href;
}

/* An exact match is an index lookup; ignoreSearch makes the cache scan every entry, so it
   is only the fallback for pages opened with a query (today/?start=…, ?launch=app). */
async function fromCache(request, ignoreSearch) {
  const cache = await caches.open(CACHE);
  const exact = await cache.match(request);
  if (exact || !ignoreSearch || !new URL(request.url).search) return exact;
  return cache.match(request, { ignoreSearch: true });
}

/* A redirect, not the offline page's HTML in place: its relative links only work at
   its own address. "from" lets it offer to try the original page again. */
function offlineRedirect(request) {
  const url = new URL(request.url);
  const target = new URL(OFFLINE_URL);
  target.searchParams.set("from", url.pathname + url.search);
  return Response.redirect(target.href, 302);
}

function onMessage(event) {
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (type === "CHECK_PRECACHE") {
    event.waitUntil(checkPrecache().then((report) => reply(event, report)));
  }
}

/* Browsers may evict caches (iOS does). Put everything back, in one piece: a partial
   re-add could mix this version's pages with a newer deploy's. */
async function checkPrecache() {
  const report = { type: "PRECACHE_STATUS", version: VERSION, total: PRECACHE_URLS.length };
  try {
    const cache = await caches.open(CACHE);
    const have = new Set((await cache.keys()).map((request) => request.url));
    const missing = PRECACHE_URLS.filter((url) => !have.has(url));
    if (missing.length) await cache.addAll(PRECACHE_URLS.map(fresh));
    return { ...report, ok: true, repaired: missing.length };
  } catch (error) {
    return { ...report, ok: false, repaired: 0, error: String(error) };
  }
}

function reply(event, message) {
  const port = event.ports && event.ports[0];
  if (port) port.postMessage(message);
  else if (event.source) event.source.postMessage(message);
}
