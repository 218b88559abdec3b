/* How long something takes, in a list: "45 s", "5 min" (the player counts in m:ss). */
import { t } from "./i18n.js";

/* Seconds under a minute, else whole minutes. */
export function minutes(seconds) {
  return seconds < 60 ? t("{n} s", { n: seconds }) : t("{n} min", { n: Math.round(seconds / 60) });
}

/* To the second, as the routine and day pages write a total: "1 min 45 s". */
export function duration(seconds) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (!m) return t("{n} s", { n: s });
  return s ? t("{m} min {s} s", { m, s }) : t("{n} min", { n: m });
}
