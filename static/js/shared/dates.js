/* Calendar days as {y, m, d} on the device's local calendar. Day arithmetic goes through
   UTC midnights, so a daylight-saving change can never make a day 23 or 25 hours long.
   Days are written by Intl in the page's language (<html lang>), never the device's: a
   German studio's client reads "Samstag, 21. November 2026" on an English phone. */
import { lang } from "./i18n.js";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86400000;

/* "2026-11-21" -> {y: 2026, m: 11, d: 21}; anything else (or 2026-02-30) -> null. */
export function parseDay(text) {
  const match = typeof text === "string" ? DAY_PATTERN.exec(text.trim()) : null;
  if (!match) return null;
  const day = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  const probe = new Date(Date.UTC(day.y, day.m - 1, day.d));
  const same =
    probe.getUTCFullYear() === day.y && probe.getUTCMonth() === day.m - 1 && probe.getUTCDate() === day.d;
  return same && day.y >= 1970 ? day : null;
}

export function dayText(day) {
  const pad = (n, width) => String(n).padStart(width, "0");
  return `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
}

/* Today on the device's own calendar (what the client calls "today"). */
export function localDay(now = new Date()) {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

function dayIndex(day) {
  return Math.round(Date.UTC(day.y, day.m - 1, day.d) / DAY_MS);
}

/* Whole days from a to b: 0 when they are the same day, 1 when b is the next day. */
export function daysBetween(a, b) {
  return dayIndex(b) - dayIndex(a);
}

export function addDays(day, count) {
  const date = new Date((dayIndex(day) + count) * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/* 0 = Monday ... 6 = Sunday. */
export function weekday(day) {
  return (new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() + 6) % 7;
}

/* A day with Intl's date options ({month: "long"}); ISO where Intl cannot. */
export function dateText(day, options) {
  const date = new Date(Date.UTC(day.y, day.m - 1, day.d));
  try {
    return date.toLocaleDateString(lang, { ...options, timeZone: "UTC" });
  } catch {
    return dayText(day);
  }
}

export function longDate(day) {
  return dateText(day, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}
