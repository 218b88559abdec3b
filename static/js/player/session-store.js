/* The running session, saved on the device so a reload or a closed tab can resume it. */
import { t } from "../shared/i18n.js";
import { KEYS, readStored, writeJSON, writeStored } from "../shared/store.js";
import { seconds } from "./settings.js";

const isSlug = (v) => typeof v === "string" && v.length > 0 && v.length < 200;
const isPain = (p) =>
  p && isSlug(p.exercise) && Number.isInteger(p.rating) && p.rating >= 0 && p.rating <= 10 && Number.isInteger(p.limit);

const isSwaps = (w) =>
  !!w && typeof w === "object" && !Array.isArray(w) && Object.entries(w).every(([a, b]) => isSlug(a) && isSlug(b));

/* True when `s` is a saved session of a page with `count` steps and `total` seconds;
   stepsWith(swaps) is how many steps the session has with the cards it swapped in. */
function validSession(s, count, total, stepsWith) {
  const swaps = s && s.swaps === undefined ? {} : s && s.swaps;
  return (
    !!s &&
    s.v === 1 &&
    s.count === count &&
    s.total === total &&
    isSwaps(swaps) &&
    Number.isInteger(s.index) &&
    s.index >= 0 &&
    s.index < stepsWith(swaps) &&
    Number.isFinite(s.elapsed) &&
    s.elapsed >= 0 &&
    Number.isFinite(s.active) &&
    s.active >= 0 &&
    seconds(s.leadIn, -1) >= 0 &&
    seconds(s.switch, -1) >= 0 &&
    (s.repPace === undefined || seconds(s.repPace, -1, 1) >= 1) &&
    typeof s.started === "string" &&
    !Number.isNaN(Date.parse(s.started)) &&
    Array.isArray(s.skipped) &&
    s.skipped.every(isSlug) &&
    Array.isArray(s.pain) &&
    s.pain.every(isPain)
  );
}

export class SessionStore {
  /* path: the player page's path, one saved session per page; count and total: the page's
     steps and seconds (a saved session of other content can't resume); stepsWith(swaps):
     the session's step count with those cards swapped in, -1 when they can't be. */
  constructor(path, count, total, stepsWith) {
    this.key = KEYS.session(path);
    this.count = count;
    this.total = total;
    this.stepsWith = stepsWith;
  }

  /* Returns {session, problem}. Anything unreadable is removed: it could never resume. */
  load() {
    try {
      const raw = readStored(this.key);
      if (!raw) return { session: null, problem: "" };
      const session = JSON.parse(raw);
      if (validSession(session, this.count, this.total, this.stepsWith)) return { session, problem: "" };
    } catch {
      // fall through: treat as corrupt
    }
    this.clear();
    return { session: null, problem: t("Your unfinished session could not be read, so it was cleared.") };
  }

  /* Storage full or blocked: the session still plays, it just cannot resume. */
  save(session) {
    writeJSON(this.key, { v: 1, count: this.count, total: this.total, ...session });
  }

  clear() {
    writeStored(this.key, null);
  }
}
