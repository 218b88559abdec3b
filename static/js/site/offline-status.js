/* "Ready offline · 1.2 MB stored" in the footer, once the worker confirms its cache. */
import { num, t } from "../shared/i18n.js";
import { KEYS, readStored, writeStored } from "../shared/store.js";

/* "850 kB", "1.2 MB": the unit as the language writes it ("1,2 Mo" in French). */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes <= 0) return "";
  const unit = (n, name, digits) => num(n, { style: "unit", unit: name, maximumFractionDigits: digits });
  if (bytes < 1e6) return unit(Math.max(1, Math.round(bytes / 1e3)), "kilobyte", 0);
  return unit(bytes / 1e6, "megabyte", 1);
}

async function storedBytes() {
  try {
    if (!navigator.storage || !navigator.storage.estimate) return 0;
    const estimate = await navigator.storage.estimate();
    return estimate.usage || 0;
  } catch {
    return 0;
  }
}

/* Say "Ready offline" aloud once per version, not on every page load. Without storage
   it is said again: the lesser harm. */
function firstTimeFor(version) {
  if (readStored(KEYS.announced) === version) return false;
  writeStored(KEYS.announced, version);
  return true;
}

export class OfflineStatus {
  constructor(el) {
    this.el = el;
  }

  async show(report) {
    if (!this.el || !report || !report.ok) return;
    if (!firstTimeFor(String(report.version))) this.el.setAttribute("aria-live", "off");
    const size = formatBytes(await storedBytes());
    this.el.textContent = size ? t("Ready offline · {size} stored", { size }) : t("Ready offline");
    this.el.dataset.version = report.version;
  }
}

/* The offline page says which page could not be opened and offers to try it again. */
export function offerRetry(doc) {
  const holder = doc.getElementById("offline-retry");
  if (!holder) return;
  const from = new URLSearchParams(doc.location.search).get("from") || "";
  // Only a path on this site: never a link to another origin.
  if (!from.startsWith("/") || from.startsWith("//")) return;
  const target = new URL(from, doc.location.href);
  if (target.origin !== doc.location.origin) return;
  const link = holder.querySelector("a");
  link.href = target.href;
  holder.hidden = false;
}
