/* The client's session log, kept on the device only.

   Contract (shared by the player, the history page and exports), kept by shared/store.js
   under KEYS.log as {"version": 1, "entries": [Entry, ...]}
   Entry = {
     id: string,            // unique, e.g. started timestamp + random
     date: "YYYY-MM-DD",    // local calendar day the session started
     started: ISO string, ended: ISO string,
     routine: slug, title: string,
     program: slug | null, day: number | null,
     duration: seconds (number),
     completed: boolean,    // false when ended early
     done: [exercise slugs], skipped: [exercise slugs],
     pain: [{exercise: slug, rating: 0-10, limit: 0-10}],
     swaps: [{from: slug, to: slug, why: "easier" | "harder"}],  // cards played instead
     titles: {slug: title}  // the cards' titles when the session was played
     plan: string, plan_title: string  // only from a personal plan: its id and "Anna’s plan"
   }
   Required: id, date, routine, duration, completed; the rest default (title = routine,
   program/day = null, lists = [], titles = {}).

   Robustness rules:
   - Older shapes are upgraded by LOG_MIGRATIONS (shared/store-migrations.js, version n ->
     n + 1); the original text is backed up under KEYS.logBackup(n) before the upgraded log
     is first written.
   - An entry that fails validation is never dropped: it moves to KEYS.logAside
     ({"items": [{at, reason, data}]}) on the next write, and readLog() reports it.
   - The set-aside store holds each item once (by its data), so importing the same bad file
     twice adds nothing. It is bounded (ASIDE_ITEMS, ASIDE_BYTES) for what exists elsewhere:
     an import's unreadable entries are still in the client's file, so past the bound they
     are reported and left out. What exists only here (the device's own log and sessions)
     is kept past the bound. A set-aside store that can't be read is never overwritten: its
     text becomes an item of the new one.
   - A log that cannot be parsed (or comes from a newer app) is never overwritten: its text
     moves aside before a fresh log starts; if that is impossible, nothing is written.
   Storage may be missing or full (private mode): every function degrades, never throws. */
import { KEYS, readStored, writeJSON, writeStored } from "../shared/store.js";
import { LOG_VERSION, migrateLog } from "../shared/store-migrations.js";
import { nt, t } from "../shared/i18n.js";

const LOG_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function logValidDate(text) {
  const match = typeof text === "string" && LOG_DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function logStrings(value) {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
}

function logRating(value) {
  return Number.isInteger(value) && value >= 0 && value <= 10;
}

/* A checked copy of one entry, or null when it cannot be trusted. */
export function normalizeEntry(raw) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const { id, date, routine, duration, completed } = raw;
  if (typeof id !== "string" || !id || id.length > 200) return null;
  if (!logValidDate(date) || typeof routine !== "string" || !routine) return null;
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0) return null;
  if (typeof completed !== "boolean") return null;
  const done = raw.done === undefined ? [] : logStrings(raw.done);
  const skipped = raw.skipped === undefined ? [] : logStrings(raw.skipped);
  const pain = raw.pain === undefined ? [] : raw.pain;
  if (!done || !skipped || !Array.isArray(pain)) return null;
  const painOk = pain.every(
    (p) => p && typeof p.exercise === "string" && logRating(p.rating) && logRating(p.limit),
  );
  if (!painOk) return null;
  const swaps = raw.swaps === undefined ? [] : raw.swaps;
  const swapOk = Array.isArray(swaps) && swaps.every(
    (w) => w && typeof w.from === "string" && typeof w.to === "string" && (w.why === "easier" || w.why === "harder"),
  );
  const titles = raw.titles === undefined ? {} : raw.titles;
  const titlesOk = !!titles && typeof titles === "object" && !Array.isArray(titles) && Object.values(titles).every((v) => typeof v === "string");
  if (!swapOk || !titlesOk) return null;
  const program = typeof raw.program === "string" && raw.program ? raw.program : null;
  const day = Number.isInteger(raw.day) && raw.day > 0 ? raw.day : null;
  const entry = {
    id, date, routine, title: typeof raw.title === "string" && raw.title ? raw.title : routine,
    program, day: program ? day : null, duration, completed,
    done: [...done], skipped: [...skipped],
    pain: pain.map((p) => ({ exercise: p.exercise, rating: p.rating, limit: p.limit })),
    swaps: swaps.map((w) => ({ from: w.from, to: w.to, why: w.why })),
    titles: { ...titles },
  };
  for (const key of ["started", "ended"]) if (typeof raw[key] === "string") entry[key] = raw[key];
  for (const key of ["plan", "plan_title"]) {
    if (typeof raw[key] === "string" && raw[key] && raw[key].length <= 200) entry[key] = raw[key];
  }
  return entry;
}

function logSplit(entries) {
  const good = [];
  const bad = [];
  const seen = new Set();
  for (const raw of entries) {
    const entry = normalizeEntry(raw);
    if (entry && !seen.has(entry.id)) {
      seen.add(entry.id);
      good.push(entry);
    } else if (!entry) {
      bad.push(raw);
    }
  }
  return { good, bad };
}

const ASIDE_ITEMS = 100;
const ASIDE_BYTES = 1024 * 1024;

/* The set-aside items; a damaged store's text comes back as one item, so it is kept. */
function logAside() {
  const raw = readStored(KEYS.logAside);
  try {
    const data = raw ? JSON.parse(raw) : { items: [] };
    if (Array.isArray(data.items)) return data.items;
  } catch {
    // fall through: the text is kept below
  }
  return [{ at: new Date().toISOString(), reason: "unreadable set-aside store", data: raw }];
}

function asideKey(item) {
  return String(JSON.stringify(item && item.data));
}

/* Everything the app knows about the stored log, without changing it. */
function logLoad() {
  const raw = readStored(KEYS.log);
  const state = { entries: [], rejected: [], problems: [], raw, readable: true, from: 1 };
  if (!raw) return state;
  try {
    const { log, from } = migrateLog(JSON.parse(raw));
    const { good, bad } = logSplit(log.entries);
    Object.assign(state, { entries: good, rejected: bad, from });
  } catch (error) {
    state.readable = false;
    const reason = error instanceof SyntaxError ? t("damaged") : error.message;
    state.problems.push(t("The saved history could not be read ({reason}); it is kept on this device.", { reason }));
  }
  return state;
}

/* Read the log: {entries, problems, aside}. Unreadable data is reported, never thrown. */
export function readLog() {
  const state = logLoad();
  const aside = logAside().length + state.rejected.length;
  const problems = [...state.problems];
  if (aside) {
    problems.push(
      nt("{n} saved session was damaged and is kept aside, not shown.", "{n} saved sessions were damaged and are kept aside, not shown.", aside),
    );
  }
  return { entries: state.entries, problems, aside };
}

/* Add items to the set-aside store, each once. `own` items exist nowhere else, so the bound
   never leaves them out. Returns {ok, left}: whether the store was written, and how many
   items the bound left out. */
function logPutAside(items, own = true) {
  const result = { ok: true, left: 0 };
  if (!items.length) return result;
  const kept = logAside();
  const seen = new Set(kept.map(asideKey));
  let bytes = kept.reduce((sum, item) => sum + asideKey(item).length, 0);
  const before = kept.length;
  for (const item of items) {
    const key = asideKey(item);
    if (seen.has(key)) continue;
    if (!own && (kept.length >= ASIDE_ITEMS || bytes + key.length > ASIDE_BYTES)) {
      result.left += 1;
      continue;
    }
    seen.add(key);
    kept.push(item);
    bytes += key.length;
  }
  if (kept.length > before) {
    result.ok = writeJSON(KEYS.logAside, { version: 1, items: kept });
  }
  return result;
}

/* Write entries, first keeping aside anything that would otherwise be lost. */
function logSave(state, entries) {
  const at = new Date().toISOString();
  if (!state.readable) {
    if (!logPutAside([{ at, reason: "unreadable log", data: state.raw }]).ok) return false;
  } else if (state.raw && state.from < LOG_VERSION) {
    const backup = KEYS.logBackup(state.from);
    if (!readStored(backup) && !writeStored(backup, state.raw)) return false;
  }
  const rejected = state.rejected.map((data) => ({ at, reason: "invalid entry", data }));
  return logPutAside(rejected).ok && writeJSON(KEYS.log, { version: LOG_VERSION, entries });
}

/* Append one finished or ended session. Returns true when it was saved. */
export function recordSession(entry) {
  try {
    const state = logLoad();
    const filled = { program: null, day: null, done: [], skipped: [], pain: [], ...entry };
    const clean = normalizeEntry(filled);
    if (!clean) {
      logPutAside([{ at: new Date().toISOString(), reason: "invalid new entry", data: entry }]);
      return false;
    }
    const entries = state.entries.filter((e) => e.id !== clean.id);
    entries.push(clean);
    return logSave(state, entries);
  } catch {
    return false;
  }
}

/* Merge an exported log (parsed JSON) by entry id.
   Returns {ok, added, existing, invalid, left, error}: `left` of the `invalid` entries were
   not set aside, because the store is at its bound; they are still in the file. */
export function importLog(data) {
  const result = { ok: false, added: 0, existing: 0, invalid: 0, left: 0, error: "" };
  try {
    const { log } = migrateLog(data);
    const { good, bad } = logSplit(log.entries);
    const state = logLoad();
    if (!state.readable) {
      result.error = t("The history on this device could not be read, so nothing was imported.");
      return result;
    }
    const ids = new Set(state.entries.map((e) => e.id));
    const merged = [...state.entries];
    for (const entry of good) {
      if (ids.has(entry.id)) {
        result.existing += 1;
      } else {
        ids.add(entry.id);
        merged.push(entry);
        result.added += 1;
      }
    }
    result.invalid = bad.length;
    const at = new Date().toISOString();
    const aside = logPutAside(bad.map((entry) => ({ at, reason: "invalid imported entry", data: entry })), false);
    result.left = aside.left;
    merged.sort((a, b) => (a.date + (a.started || "")).localeCompare(b.date + (b.started || "")));
    result.ok = aside.ok && logSave(state, merged);
    if (!result.ok) result.error = t("This device's storage is full or unavailable.");
  } catch (error) {
    result.error = t("That file is not a hipapp history export ({reason}).", { reason: error.message });
  }
  return result;
}
