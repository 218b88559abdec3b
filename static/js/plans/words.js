/* A plan's dosages and times in words, as the server writes them for routines
   (hipapp/web/filters.py dosage_text and total, hipapp/i18n Words.duration). */
import { nt, t } from "../shared/i18n.js";

export function durationText(seconds) {
  const minutes = Math.floor(seconds / 60);
  const secs = seconds % 60;
  if (!minutes) return t("{n} s", { n: secs });
  return secs ? t("{minutes} min {seconds} s", { minutes, seconds: secs }) : t("{n} min", { n: minutes });
}

/* A session's exact length, as routine pages show it: "1 min 45 s", not "About 2 min". */
export const totalText = durationText;

export function dosageText(dosage) {
  const reps = dosage.reps !== null && dosage.reps !== undefined;
  const work = reps ? nt("{n} rep", "{n} reps", dosage.reps) : durationText(dosage.hold || 0);
  let text = dosage.sets > 1 ? t("{sets} × {work}", { sets: dosage.sets, work }) : work;
  if (dosage.sides === "both") text = t("{dosage} each side", { dosage: text });
  if (dosage.sets > 1 && dosage.rest) text = t("{dosage}, {rest} rest between sets", { dosage: text, rest: durationText(dosage.rest) });
  return text;
}
