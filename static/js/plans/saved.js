/* The client's plan on this device: the link's fragment, kept as it came (KEYS.plan), so
   one decoder reads the plan whether it arrives by link or from storage. */
import { KEYS, readJSON, writeJSON } from "../shared/store.js";

const PLAN_FORMAT = 1;

/* {fragment, saved} or null: none, damaged, or kept by a newer version of the app, which
   is left as it is (a read never rewrites it; only the client's next plan replaces it).
   A later format adds its upgrade here, as the log's do in shared/store-migrations.js. */
export function storedPlan() {
  try {
    const data = readJSON(KEYS.plan, null);
    const ok = data && data.v === PLAN_FORMAT && typeof data.fragment === "string" && typeof data.saved === "string";
    return ok ? data : null;
  } catch {
    return null;
  }
}

/* Keep a plan; false when this browser can't (private mode, storage full). */
export function storePlan(fragment, saved = new Date().toISOString()) {
  return writeJSON(KEYS.plan, { v: PLAN_FORMAT, fragment, saved });
}
