/* hipapp service worker. One file, no imports; served at the site root as sw.js.

   hipapp/pwa/precache.py prepends four constants, with paths relative to this file's
   folder (so the same file works at a domain root and under a subpath):
     VERSION - a hash of everything below and of this file;
     FILES   - every URL of the site as [path, revision], the revision a hash of its bytes;
     SHELL   - indices into FILES stored on install (on a small site, all of them);
     FOLLOW  - [root, indices]: what to store once the client opens a page under root
               (a program link: each day, player, card and picture; a routine: its own).
   A personal plan's page names what its plan plays (the KEEP message). Anything else
   is stored the first time it is viewed, so it opens offline later.

   Rules that keep old pages and new scripts apart:
   - each version has its own cache, filled on install with the shell, what the client
     follows and what it viewed before; an entry whose revision is unchanged is copied
     from the old cache, and only changed URLs go to the network (as Workbox does);
   - a response is stored only when its bytes match this version's revision, so a newer
     deploy's file never lands in an older version's cache;
   - a new version waits; it takes over only when the page asks (SKIP_WAITING, after the
     user accepts "Update ready") or when every tab has closed;
   - old caches are deleted on activate, never before. */

const SCOPE = new URL("./", self.location.href);
const CACHE_PREFIX = `hipapp:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + VERSION;
const OFFLINE_URL = new URL("offline/", SCOPE).href;
// Where a cache remembers the programs and routines its client follows: not a site URL.
const FOLLOWED = new URL("__hipapp/followed", SCOPE).href;

const href = (path) => new URL(path, SCOPE).href;
const REVISION = new Map(FILES.map(([path, revision]) => [href(path), revision]));
const SHELL_URLS = SHELL.map((i) => href(FILES[i][0]));
const GROUPS = FOLLOW.map(([root, list]) => ({
  root: href(root),
  urls: list.map((i) => href(FILES[i][0])),
}));

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));
self.addEventListener("fetch", onFetch);
self.addEventListener("message", onMessage);

/* Revalidate with the server: a static host may send long max-age on pages. */
function fresh(url) {
  return new Request(url, { cache: "no-cache", credentials: "same-origin" });
}

/* Whether a response holds this version's bytes of ``url``: the revision is the start of
   the SHA-256 of its bytes, in hex, as long as the header gives it. */
async function current(url, response) {
  const expected = REVISION.get(url);
  if (!expected) return false;
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0"));
  return hex.join("").slice(0, expected.length) === expected;
}

function oldCaches() {
  return caches
    .keys()
    .then((names) => names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE));
}

/* What to store: the shell, each group followed (in an older cache, or by a window open
   now: the first visit is not controlled yet), and every URL an older cache holds. */
async function install() {
  const cache = await caches.open(CACHE);
  const roots = new Set(await followedIn(cache));
  const viewed = [];
  for (const name of await oldCaches()) {
    const old = await caches.open(name);
    for (const root of await followedIn(old)) roots.add(root);
    for (const request of await old.keys()) {
      if (REVISION.has(request.url)) viewed.push(request.url);
    }
  }
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    for (const group of groupsOf(client.url)) roots.add(group.root);
  }
  const followed = GROUPS.filter((group) => roots.has(group.root));
  await store(cache, [...SHELL_URLS, ...followed.flatMap((group) => group.urls), ...viewed]);
  await saveFollowed(cache, followed.map((group) => group.root));
}

function groupsOf(url) {
  const page = new URL(url);
  page.search = "";
  return GROUPS.filter((group) => page.href.startsWith(group.root));
}

async function followedIn(cache) {
  const saved = await cache.match(FOLLOWED);
  return saved ? saved.json() : [];
}

function saveFollowed(cache, roots) {
  const body = JSON.stringify([...new Set(roots)]);
  return cache.put(FOLLOWED, new Response(body, { headers: { "Content-Type": "application/json" } }));
}

/* Put every URL into the cache: kept if already there, copied from an older cache if its
   revision is unchanged, else fetched. All or nothing: one failed fetch (say, mid-deploy)
   fails the install, which the browser retries. */
async function store(cache, urls) {
  const olds = await Promise.all((await oldCaches()).map((name) => caches.open(name)));
  const todo = [...new Set(urls)];
  await Promise.all(
    todo.map(async (url) => {
      if (await cache.match(url)) return;
      for (const old of olds) {
        const kept = await old.match(url);
        if (kept && (await current(url, kept))) {
          await cache.put(url, kept);
          return;
        }
      }
      const response = await fetch(fresh(url));
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

async function activate() {
  const old = await oldCaches();
  await Promise.all(old.map((name) => caches.delete(name)));
  await self.clients.claim();
}

function onFetch(event) {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE.href)) return;
  if (request.mode === "navigate") {
    event.respondWith(pageResponse(request, event));
    event.waitUntil(follow(request.url));
  } else {
    event.respondWith(assetResponse(request, event));
  }
}

/* Opening a program or routine stores all of it, for the days to come offline. */
async function follow(url) {
  const groups = groupsOf(url);
  if (!groups.length) return;
  const cache = await caches.open(CACHE);
  const roots = await followedIn(cache);
  const added = groups.filter((group) => !roots.includes(group.root));
  if (!added.length) return;
  try {
    await store(cache, added.flatMap((group) => group.urls));
    await saveFollowed(cache, [...(await followedIn(cache)), ...added.map((g) => g.root)]);
  } catch (error) {
    // Offline or mid-deploy: the next visit tries again.
  }
}

/* Pages: cache first. New content arrives as a whole new version (the browser checks
   sw.js on every navigation), never page by page. A page not stored yet comes from the
   network and is stored on the way; offline, it goes to the offline page. */
async function pageResponse(request, event) {
  const cached = await fromCache(request, true);
  if (cached) return cached;
  const page = await slashed(request);
  if (page) return Response.redirect(page, 302);
  try {
    const response = await fetch(request);
    const url = new URL(request.url);
    url.search = "";
    event.waitUntil(keep(url.href, response.clone()));
    return response;
  } catch (error) {
    return offlineRedirect(request);
  }
}

async function assetResponse(request, event) {
  const cached = await fromCache(request, false);
  if (cached) return cached;
  const response = await fetch(request);
  event.waitUntil(keep(request.url, response.clone()));
  return response;
}

/* Store what was viewed, if it is this version's: a file of a newer deploy waits for the
   newer worker, which fetches it again in one piece with the rest of that version. */
async function keep(url, response) {
  if (!response.ok || response.redirected || !(await current(url, response))) return;
  const cache = await caches.open(CACHE);
  await cache.put(url, response);
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
  } else if (type === "KEEP") {
    event.waitUntil(keepPlan(event.data.urls).then((report) => reply(event, report)));
  }
}

/* A personal plan lives in its link's fragment, which this worker never sees: the plan
   page names the cards and pictures it plays (plans/offline.js), to store like a group
   followed. Only this site's own URLs; an older cache's copy is carried into each new
   version with everything else it holds. */
async function keepPlan(urls) {
  const known = Array.isArray(urls) ? urls.filter((url) => REVISION.has(url)) : [];
  const report = { type: "KEPT", version: VERSION, total: known.length };
  try {
    await store(await caches.open(CACHE), known);
    return { ...report, ok: true };
  } catch (error) {
    return { ...report, ok: false, error: String(error) };
  }
}

/* Browsers may evict caches (iOS does). Put back what this version stores for the
   client, in one piece: a partial re-add could mix this version's pages with a newer
   deploy's. */
async function checkPrecache() {
  const cache = await caches.open(CACHE);
  const followed = new Set(await followedIn(cache));
  const wanted = [
    ...new Set([...SHELL_URLS, ...GROUPS.filter((g) => followed.has(g.root)).flatMap((g) => g.urls)]),
  ];
  const report = { type: "PRECACHE_STATUS", version: VERSION, total: wanted.length };
  try {
    const have = new Set((await cache.keys()).map((request) => request.url));
    const missing = wanted.filter((url) => !have.has(url));
    if (missing.length) await store(cache, missing);
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
