/* Everything the app keeps on this device. This is the only module that touches
   localStorage, and KEYS lists every key it uses, each with the format of its value.
   Features read and write through it; a value's meaning is theirs.

   Storage may be missing, blocked or full (private modes throw on access): nothing here
   throws for that. Reads give null (or `absent`), writes false. */

export const KEYS = {
  // Player settings: JSON {beeps, speech, vibration, flash, pain, leadIn, switch}.
  settings: "hipapp:settings",
  // The running session of one player page: JSON {v: 1, count, total, index, ...}.
  session: (path) => `hipapp:session:${path}`,
  // The session log: JSON {version, entries} (history/log.js).
  log: "hipapp:log",
  // The log's text as it was before its upgrade from `version`.
  logBackup: (version) => `hipapp:log:backup-v${version}`,
  // Damaged log data, never deleted: JSON {version: 1, items: [{at, reason, data}]}.
  logAside: "hipapp:log:aside",
  // The slug of the program this device follows, and each program's start "YYYY-MM-DD".
  program: "hipapp:program:current",
  programStart: (slug) => `hipapp:program:${slug}:start`,
  // The client's personal plan: JSON {v: 1, fragment: the link's text after "#", saved:
  // ISO time it was first kept} (plans/saved.js; the fragment's format is plans/link.js).
  plan: "hipapp:plan",
  // The client's name, as they gave it for the summaries they send their studio.
  clientName: "hipapp:client-name",
  // "1" once the install hint was dismissed.
  installHint: "hipapp:install-hint-dismissed",
  // The worker version whose "Ready offline" was announced.
  announced: "hipapp:offline-announced",
};

function local() {
  try {
    return window.localStorage || null;
  } catch {
    return null;
  }
}

/* The text stored under key, or null. */
export function readStored(key) {
  try {
    const store = local();
    return store ? store.getItem(key) : null;
  } catch {
    return null;
  }
}

/* Store text under key, or remove the key when text is null. True when that worked. */
export function writeStored(key, text) {
  try {
    const store = local();
    if (!store) return false;
    if (text === null) store.removeItem(key);
    else store.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

/* The parsed JSON under key, or `absent` when nothing is stored; throws when damaged. */
export function readJSON(key, absent) {
  const raw = readStored(key);
  return raw ? JSON.parse(raw) : absent;
}

export function writeJSON(key, value) {
  return writeStored(key, JSON.stringify(value));
}
