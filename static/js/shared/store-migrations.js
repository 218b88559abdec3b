/* Upgrades between versions of a stored format: beside the store (shared/store.js), in a
   file of their own because only the pages that read the log need them. The player's
   first bundle carries the store but must fit the first round trip (tests/test_budget.py).

   The session log (history/log.js): LOG_MIGRATIONS[n] turns a version-n log into version
   n + 1. Version 0 is the pre-release shape: a bare array of {date, routine, seconds,
   finished}. */

import { t } from "./i18n.js";

export const LOG_VERSION = 1;

export const LOG_MIGRATIONS = {
  0: (entries) => ({
    version: 1,
    entries: (Array.isArray(entries) ? entries : []).map((old, index) =>
      old && typeof old === "object"
        ? {
            id: `v0-${index}-${old.date}`,
            date: old.date,
            routine: old.routine,
            title: old.title || old.routine,
            program: null,
            day: null,
            duration: old.seconds,
            completed: old.finished !== false,
            done: [],
            skipped: [],
            pain: [],
          }
        : old,
    ),
  }),
};

/* Bring parsed log data to the current version. Returns {log, from} or throws Error(reason). */
export function migrateLog(data) {
  let version = Array.isArray(data) ? 0 : data && data.version;
  let log = data;
  const from = version;
  if (!Number.isInteger(version) || version < 0) throw new Error(t("not a hipapp log"));
  if (version > LOG_VERSION) throw new Error(t("saved by a newer version of the app (v{version})", { version }));
  while (version < LOG_VERSION) {
    const step = LOG_MIGRATIONS[version];
    if (!step) throw new Error(t("no upgrade from version {version}", { version }));
    log = step(log);
    version += 1;
  }
  if (!log || !Array.isArray(log.entries)) throw new Error(t("not a hipapp log"));
  return { log, from };
}
