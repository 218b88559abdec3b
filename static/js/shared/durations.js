/* Durations in words a person reads: "1:05" on a clock, "5 min" in a list. */
import { t } from "./i18n.js";

/* Whole seconds as m:ss. */
export function clock(seconds) {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/* About how long something takes: seconds under a minute, else whole minutes. */
export function minutes(seconds) {
  return seconds < 60 ? t("{n} s", { n: seconds }) : t("{n} min", { n: Math.round(seconds / 60) });
}
