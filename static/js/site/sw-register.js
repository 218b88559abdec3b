/* The page's side of the service worker: register it, notice a waiting update, apply it
   on request, and ask the active worker whether everything is stored for offline use. */

/* sw.js sits next to the manifest, at the site root; pages link to both relatively. */
export function workerUrls(doc) {
  const link = doc.querySelector('link[rel="manifest"]');
  if (!link) return null;
  const manifest = new URL(link.href);
  return { script: new URL("sw.js", manifest).href, scope: new URL("./", manifest).href };
}

export class WorkerClient {
  constructor(container, urls, { onUpdate, onStatus }) {
    this.container = container;
    this.urls = urls;
    this.onUpdate = onUpdate;
    this.onStatus = onStatus;
    this.accepted = false;
    this.registration = null;
  }

  async start() {
    // Reload once, and only when this page asked for the new version.
    this.container.addEventListener("controllerchange", () => {
      if (this.accepted) window.location.reload();
    });
    const reg = await this.container.register(this.urls.script, {
      scope: this.urls.scope,
      updateViaCache: "none",
    });
    this.registration = reg;
    this.watch(reg);
    const ready = await this.container.ready;
    await this.checkStorage(ready.active);
  }

  watch(reg) {
    if (reg.waiting && this.container.controller) this.onUpdate(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener("statechange", () => {
        // With no controller this is the first install, not an update.
        if (worker.state === "installed" && this.container.controller) this.onUpdate(worker);
      });
    });
  }

  /* Look for a new version, e.g. when a home-screen app comes back to the foreground. */
  checkForUpdate() {
    if (this.registration) this.registration.update().catch(() => {});
  }

  apply(worker) {
    this.accepted = true;
    worker.postMessage({ type: "SKIP_WAITING" });
  }

  /* Offline this still answers: a complete cache needs no network to confirm. */
  checkStorage(worker) {
    if (!worker) return Promise.resolve();
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => {
        this.onStatus(event.data);
        resolve();
      };
      worker.postMessage({ type: "CHECK_PRECACHE" }, [channel.port2]);
    });
  }
}
