/* How long something takes: "45 s", "5 min", "1 min 45 s" (the player counts in m:ss).
   Every number stays on the line of the word after it, as on the server's pages
   (hipapp/web/filters.py unbroken): at large text, "1" ending one line and "s" starting
   the next reads as something else. */
import { t } from "./i18n.js";

const NUMBER_SPACE = /(\d) (?=\S)/g;

/* "2 × 30 s" with a no-break space after each number. */
export const unbroken = (text) => text.replace(NUMBER_SPACE, "$1\u00a0");

/* Seconds under a minute, else whole minutes: a length in a list. */
export function minutes(seconds) {
  return unbroken(seconds < 60 ? t("{n} s", { n: seconds }) : t("{n} min", { n: Math.round(seconds / 60) }));
}

/* To the second, as the routine and day pages write a total or a hold: "1 min 45 s". */
export function duration(seconds) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (!m) return unbroken(t("{n} s", { n: s }));
  return unbroken(s ? t("{minutes} min {seconds} s", { minutes: m, seconds: s }) : t("{n} min", { n: m }));
}
