/* The client's plan on this device: the link's fragment, kept as it came (KEYS.plan), so
   one decoder reads the plan whether it arrives by link or from storage. */
import { KEYS, readVersioned, writeJSON } from "../shared/store.js";

const PLAN_FORMAT = 1;

/* {fragment, saved} or null (none, unreadable, or kept by a newer version of the app). */
export function storedPlan() {
  const data = readVersioned(KEYS.plan, PLAN_FORMAT);
  return data && typeof data.fragment === "string" && typeof data.saved === "string" ? data : null;
}

/* Keep a plan; false when this browser can't (private mode, storage full). */
export function storePlan(fragment, saved = new Date().toISOString()) {
  return writeJSON(KEYS.plan, { v: PLAN_FORMAT, fragment, saved });
}
