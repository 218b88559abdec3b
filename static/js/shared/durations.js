/* How long something takes, in a list: "45 s", "5 min" (the player counts in m:ss). */
import { t } from "./i18n.js";

/* Seconds under a minute, else whole minutes. */
export function minutes(seconds) {
  return seconds < 60 ? t("{n} s", { n: seconds }) : t("{n} min", { n: Math.round(seconds / 60) });
}
