/* The client's session log, kept on the device only.

   Contract (shared by the player, the history page and exports):
   localStorage["hipapp:log"] = {"version": 1, "entries": [Entry, ...]}
   Entry = {
     id: string,            // unique, e.g. started timestamp + random
     date: "YYYY-MM-DD",    // local calendar day the session started
     started: ISO string, ended: ISO string,
     routine: slug, title: string,
     program: slug | null, day: number | null,
     duration: seconds (number),
     completed: boolean,    // false when ended early
     done: [exercise slugs], skipped: [exercise slugs],
     pain: [{exercise: slug, rating: 0-10, limit: 0-10}]
   }
   Storage may be missing or full (private mode): every function degrades, never throws. */

export const LOG_KEY = "hipapp:log";
export const LOG_VERSION = 1;

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/* Read the log. Returns {entries, problems}; unreadable data is reported, not thrown. */
export function readLog() {
  const store = storage();
  const raw = store && store.getItem(LOG_KEY);
  if (!raw) return { entries: [], problems: [] };
  try {
    const data = JSON.parse(raw);
    if (!data || !Array.isArray(data.entries)) throw new Error("not a log");
    return { entries: data.entries, problems: [] };
  } catch {
    return { entries: [], problems: ["The saved history could not be read."] };
  }
}

/* Append one finished or ended session. Returns true when it was saved. */
export function recordSession(entry) {
  const store = storage();
  if (!store) return false;
  const { entries, problems } = readLog();
  if (problems.length) return false; // never overwrite data we could not read
  entries.push(entry);
  try {
    store.setItem(LOG_KEY, JSON.stringify({ version: LOG_VERSION, entries }));
    return true;
  } catch {
    return false;
  }
}
