/* Site-wide behaviour shared by every page: the one module that wires the offline
   (service worker), update, storage and install components together.

   Events other scripts may dispatch on document:
     "hipapp:session-complete"  a routine was finished; ask to keep storage persistent. */
import { WorkerClient, workerUrls } from "./sw-register.js";
import { UpdateBanner } from "./update-banner.js";
import { OfflineStatus, askToPersist, offerRetry } from "./offline-status.js";
import { InstallHint } from "./install-hint.js";

document.documentElement.classList.add("js");

function startOffline() {
  if (!("serviceWorker" in navigator)) return;
  const urls = workerUrls(document);
  if (!urls) return;
  const status = new OfflineStatus(document.getElementById("offline-status"));
  let banner = null;
  const client = new WorkerClient(navigator.serviceWorker, urls, {
    onUpdate: (worker) => banner && banner.offer(worker),
    onStatus: (report) => status.show(report),
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

document.addEventListener("hipapp:session-complete", () => {
  askToPersist();
});
offerRetry(document);
new InstallHint(document.getElementById("install-hint"), window).start();
startOffline();
