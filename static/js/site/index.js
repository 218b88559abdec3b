/* Site-wide behaviour shared by every page: the one module that wires the service worker,
   the update banner and storage together. What a page does not need in order to show
   (footer status, install hint) is loaded after it, from the bundle named by
   <meta name="hipapp-extras">; the worker, too, starts only once the page has shown.

   Events other scripts may dispatch on document:
     "hipapp:session-complete"  a routine was finished; ask to keep storage persistent.
   Events this module dispatches:
     "hipapp:precache-status"   the worker's precache report (detail), also kept in
                                <html data-precache>.
   Chrome may offer installation (beforeinstallprompt, sent once) before the extras have
   arrived: this module keeps that event in window.hipappInstallPrompt for the hint. */
import { WorkerClient, workerUrls } from "./sw-register.js";
import { UpdateBanner } from "./update-banner.js";
import { askToPersist } from "./persist.js";
import { afterShown } from "../shared/after-shown.js";

function reportStatus(report) {
  document.documentElement.dataset.precache = JSON.stringify(report);
  document.dispatchEvent(new CustomEvent("hipapp:precache-status", { detail: report }));
}

/* The studio's preview (hipapp run --debug) runs with no worker, so a page is never an
   older copy from the cache: one left from an earlier visit is removed. */
function stopOffline() {
  navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()), () => {});
}

function startOffline() {
  if (!("serviceWorker" in navigator)) return;
  if (document.querySelector('meta[name="hipapp-preview"]')) return stopOffline();
  const urls = workerUrls(document);
  if (!urls) return;
  let banner = null;
  const client = new WorkerClient(navigator.serviceWorker, urls, {
    onUpdate: (worker) => banner && banner.offer(worker),
    onStatus: reportStatus,
  });
  const region = document.getElementById("update-banner");
  if (region) {
    banner = new UpdateBanner(region, document.getElementById("player"), (worker) =>
      client.apply(worker),
    );
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") client.checkForUpdate();
  });
  client.start().catch(() => {
    /* No service worker (private mode, blocked): the site still works online. */
  });
}

function loadExtras() {
  const meta = document.querySelector('meta[name="hipapp-extras"]');
  if (!meta) return;
  // import() resolves against this bundle's URL, so make the page-relative URL absolute.
  import(new URL(meta.content, document.baseURI).href).catch(() => {});
}

window.addEventListener(
  "beforeinstallprompt",
  (event) => {
    event.preventDefault(); // the install hint offers it, without the browser's banner
    window.hipappInstallPrompt = event;
  },
  { once: true },
);
document.addEventListener("hipapp:session-complete", () => {
  askToPersist();
});
afterShown(() => {
  startOffline();
  loadExtras();
});
