/* hipapp service worker. One file, no imports; served at the site root as sw.js.

   hipapp/pwa/precache.py prepends four constants, with paths relative to this file's
   folder (so the same file works at a domain root and under a subpath):
     VERSION - a hash of everything below and of this file;
     SHELL   - [path, revision] of each URL stored on install (on a small site, all of
               them), the revision a hash of its bytes;
     GROUPS  - parts that file, by their root, the part of what to store once the client
               opens a page under that root (a program link: each day, player, card and
               picture; a routine: its own), as [root, part];
     BUCKETS - parts that file every URL outside the shell with its revision, for a page
               viewed or named by a personal plan.
   A part is sw-parts/<part>.json, a list of [key, value] pairs; the one of a list that
   holds a key is chosen by bucketOf(key). Each is named by a hash of its bytes: fetched
   only when needed, once, and kept with the version's files. So neither this file nor
   an update grows with the site: an update costs this file plus what the client stores.
   A personal plan's page names what its plan plays (the KEEP message). Anything else is
   stored the first time it is viewed, so it opens offline later.

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
const PARTS = new URL("sw-parts/", SCOPE).href;

const href = (path) => new URL(path, SCOPE).href;
// Every URL's revision this worker has read so far: the shell's, then each part's.
const REVISION = new Map(SHELL.map(([path, revision]) => [href(path), revision]));
const SHELL_URLS = SHELL.map(([path]) => href(path));
const READ = new Map(); // part name -> Promise of its entries

/* The part of ``list`` that files a URL (or a root): a 32-bit string hash of its path,
   as bucket_of in hipapp/pwa/precache.py. */
function bucketOf(url, list) {
  const path = url.slice(SCOPE.href.length);
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (Math.imul(h, 31) + path.charCodeAt(i)) >>> 0;
  return list[h % list.length];
}

/* A part's [key, value] entries: from this version's cache, or an older one's (a part's
   name is its bytes' hash, so any copy is right), or the network. */
function readPart(name) {
  if (!READ.has(name)) {
    READ.set(name, partEntries(name).catch((error) => {
      READ.delete(name); // offline, say: the next call tries again
      throw error;
    }));
  }
  return READ.get(name);
}

async function partEntries(name) {
  const url = `${PARTS}${name}.json`;
  const cache = await caches.open(CACHE);
  const mine = await cache.match(url);
  if (mine) return mine.json();
  for (const old of await oldCaches()) {
    const kept = await (await caches.open(old)).match(url);
    if (kept) {
      await cache.put(url, kept.clone());
      return kept.json();
    }
  }
  const response = await fetch(fresh(url));
  // Checked like any file: a host's error page, or a truncated body, is never kept.
  if (!response.ok || (await hashOf(response)).slice(0, name.length) !== name) {
    throw new Error(`${url}: ${response.status}, not the part it names`);
  }
  await cache.put(url, response.clone());
  return response.json();
}

/* The URLs a part of [path, revision] lists, their revisions noted in REVISION. */
async function readUrls(name) {
  return (await readPart(name)).map(([path, revision]) => {
    REVISION.set(href(path), revision);
    return href(path);
  });
}

/* A URL's revision in this version, or undefined when it is not one of the site's. */
async function revisionOf(url) {
  if (REVISION.has(url) || !BUCKETS.length || !url.startsWith(SCOPE.href)) return REVISION.get(url);
  await readUrls(bucketOf(url, BUCKETS));
  return REVISION.get(url);
}

/* The group rooted at ``root`` ({root, part}), or null: no program or routine there. */
async function groupAt(root) {
  if (!GROUPS.length) return null;
  const found = (await readPart(bucketOf(root, GROUPS))).find(([path]) => href(path) === root);
  return found ? { root, part: found[1] } : null;
}

/* The groups a page is in: one rooted at any folder above it. */
async function groupsOf(url) {
  const page = new URL(url);
  page.search = "";
  page.hash = "";
  if (!GROUPS.length || !page.href.startsWith(SCOPE.href)) return [];
  const path = page.href.slice(SCOPE.href.length);
  const found = [];
  for (let end = path.indexOf("/"); end !== -1; end = path.indexOf("/", end + 1)) {
    const group = await groupAt(SCOPE.href + path.slice(0, end + 1));
    if (group) found.push(group);
  }
  return found;
}

/* The groups of these roots that this version still has. */
async function groupsAt(roots) {
  return (await Promise.all([...roots].map(groupAt))).filter(Boolean);
}

/* The URLs of the groups followed, their parts read. */
async function groupUrls(groups) {
  return (await Promise.all(groups.map((group) => readUrls(group.part)))).flat();
}

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
  const expected = await revisionOf(url);
  return !!expected && (await hashOf(response)).slice(0, expected.length) === expected;
}

async function hashOf(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function oldCaches() {
  return caches
    .keys()
    .then((names) => names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE));
}

/* What to store: the shell, each group followed (in an older cache, or by a window open
   now: the first visit is not controlled yet), and every URL an older cache holds. The
   groups' parts are read first: what a client follows then needs no lookup part. */
async function install() {
  const cache = await caches.open(CACHE);
  const roots = new Set(await followedIn(cache));
  const held = [];
  for (const name of await oldCaches()) {
    const old = await caches.open(name);
    for (const root of await followedIn(old)) roots.add(root);
    for (const request of await old.keys()) {
      if (request.url !== FOLLOWED && !request.url.startsWith(PARTS)) held.push(request.url);
    }
  }
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    for (const group of await groupsOf(client.url)) roots.add(group.root);
  }
  const followed = await groupsAt(roots);
  const urls = [...SHELL_URLS, ...(await groupUrls(followed))];
  const listed = new Set(urls);
  for (const url of held) if (!listed.has(url) && (await revisionOf(url))) urls.push(url);
  await store(cache, urls);
  await saveFollowed(cache, followed.map((group) => group.root));
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
  try {
    const groups = await groupsOf(url);
    if (!groups.length) return;
    const cache = await caches.open(CACHE);
    const roots = await followedIn(cache);
    const added = groups.filter((group) => !roots.includes(group.root));
    if (!added.length) return;
    await store(cache, await groupUrls(added));
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
  try {
    if (!response.ok || response.redirected || !(await current(url, response))) return;
  } catch (error) {
    return; // its lookup part can't be read now: the next view tries again
  }
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
  const report = { type: "KEPT", version: VERSION, total: 0 };
  try {
    const asked = Array.isArray(urls) ? urls.filter((url) => typeof url === "string") : [];
    const known = [];
    for (const url of new Set(asked)) if (await revisionOf(url)) known.push(url);
    report.total = known.length;
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
  const report = { type: "PRECACHE_STATUS", version: VERSION, total: SHELL_URLS.length };
  try {
    const groups = await groupsAt(followed);
    const wanted = [...new Set([...SHELL_URLS, ...(await groupUrls(groups))])];
    report.total = wanted.length;
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
