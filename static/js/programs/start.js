/* Where a client is in a program: the remembered start day and today's place in it. */
import { daysBetween, parseDay, dayText } from "../shared/dates.js";
import { KEYS, readStored, writeStored } from "../shared/store.js";

/* The remembered start day of a program, or null (never stored, or unreadable). */
export function rememberedStart(slug) {
  return parseDay(readStored(KEYS.programStart(slug)));
}

export function rememberStart(slug, day) {
  const saved = writeStored(KEYS.programStart(slug), dayText(day));
  writeStored(KEYS.program, slug);
  return saved;
}

/* Pick the start day: a valid ?start= wins, then the remembered day, then today.
   Returns {start, source: "link" | "saved" | "today", bad: the unreadable ?start= text or ""}. */
export function chooseStart(param, stored, today) {
  // An empty ?start= (a link copied before a date was picked) means no start.
  if (param !== null && param !== undefined && param !== "") {
    const fromLink = parseDay(param);
    if (fromLink) return { start: fromLink, source: "link", bad: "" };
    return stored
      ? { start: stored, source: "saved", bad: String(param) }
      : { start: today, source: "today", bad: String(param) };
  }
  return stored ? { start: stored, source: "saved", bad: "" } : { start: today, source: "today", bad: "" };
}

/* {state: "before" | "day" | "complete", n: day number (1-based), until: days to the start}. */
export function programStatus(start, today, length) {
  const offset = daysBetween(start, today);
  if (offset < 0) return { state: "before", n: 0, until: -offset };
  if (offset >= length) return { state: "complete", n: length, until: 0 };
  return { state: "day", n: offset + 1, until: 0 };
}
