/* The running session, saved on the device so a reload or a closed tab can resume it. */
import { localStore, seconds } from "./settings.js";

export const SESSION_PREFIX = "hipapp:session:";

const isSlug = (v) => typeof v === "string" && v.length > 0 && v.length < 200;
const isPain = (p) =>
  p && isSlug(p.exercise) && Number.isInteger(p.rating) && p.rating >= 0 && p.rating <= 10 && Number.isInteger(p.limit);

/* True when `s` is a saved session for a routine of `count` steps and `total` seconds. */
export function validSession(s, count, total) {
  return (
    !!s &&
    s.v === 1 &&
    s.count === count &&
    s.total === total &&
    Number.isInteger(s.index) &&
    s.index >= 0 &&
    s.index < count &&
    Number.isFinite(s.elapsed) &&
    s.elapsed >= 0 &&
    Number.isFinite(s.active) &&
    s.active >= 0 &&
    typeof s.gate === "boolean" &&
    seconds(s.leadIn, -1) >= 0 &&
    seconds(s.switch, -1) >= 0 &&
    typeof s.started === "string" &&
    !Number.isNaN(Date.parse(s.started)) &&
    Array.isArray(s.skipped) &&
    s.skipped.every(isSlug) &&
    Array.isArray(s.pain) &&
    s.pain.every(isPain)
  );
}

export class SessionStore {
  constructor(id, count, total) {
    this.key = SESSION_PREFIX + id;
    this.count = count;
    this.total = total;
  }

  /* Returns {session, problem}. Anything unreadable is removed: it could never resume. */
  load() {
    const store = localStore();
    try {
      const raw = store && store.getItem(this.key);
      if (!raw) return { session: null, problem: "" };
      const session = JSON.parse(raw);
      if (validSession(session, this.count, this.total)) return { session, problem: "" };
    } catch {
      // fall through: treat as corrupt
    }
    this.clear();
    return { session: null, problem: "Your unfinished session could not be read, so it was cleared." };
  }

  save(session) {
    try {
      const store = localStore();
      if (store) store.setItem(this.key, JSON.stringify({ v: 1, count: this.count, total: this.total, ...session }));
    } catch {
      // storage full or blocked: the session still plays, it just cannot resume
    }
  }

  clear() {
    try {
      const store = localStore();
      if (store) store.removeItem(this.key);
    } catch {
      // nothing saved to clear
    }
  }
}
