/* The preview's worker (hipapp run --debug). The studio edits and reloads; a page from a
   cache would show the last build, not the last save. So under --debug /sw.js is this
   file: it takes over from the site's worker at once, deletes the site's caches, removes
   itself and reloads its pages, which from then on always come from the server. It has
   no fetch handler, so nothing it controls is ever answered from a cache. */
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("hipapp:")).map((n) => caches.delete(n)));
      await self.registration.unregister();
      const pages = await self.clients.matchAll({ type: "window" });
      await Promise.all(pages.map((page) => page.navigate(page.url).catch(() => null)));
    })(),
  );
});
