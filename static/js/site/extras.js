/* The parts of the site's behaviour that are not needed to show a page: the footer's
   "Ready offline" status, the offline page's retry link and the install hint. index.js
   imports this bundle once the page has loaded and shown, so it never delays the first
   render.

   index.js hands over the worker's precache report in two ways: the latest one in
   <html data-precache="…json…">, and later ones as "hipapp:precache-status" events. */
import { OfflineStatus, offerRetry } from "./offline-status.js";
import { InstallHint } from "./install-hint.js";

function startExtras() {
  const status = new OfflineStatus(document.getElementById("offline-status"));
  document.addEventListener("hipapp:precache-status", (event) => status.show(event.detail));
  const latest = document.documentElement.dataset.precache;
  if (latest) {
    try {
      status.show(JSON.parse(latest));
    } catch {
      /* A report we cannot read is only a missing footer note. */
    }
  }
  offerRetry(document);
  new InstallHint(document.getElementById("install-hint"), window).start();
}

startExtras();
