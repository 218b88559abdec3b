/* A plan's dosages and times in words, as the server writes them for routines
   (hipapp/web/filters.py dosage_text and total, hipapp/i18n Words.duration). */
import { nt, t } from "../shared/i18n.js";
import { duration, unbroken } from "../shared/durations.js";

/* A hold or a rest; and a session's exact length, as routine pages show it: "1 min 45 s",
   not "About 2 min". */
export const durationText = duration;
export const totalText = duration;

export function dosageText(dosage) {
  const reps = dosage.reps !== null && dosage.reps !== undefined;
  const work = reps ? nt("{n} rep", "{n} reps", dosage.reps) : duration(dosage.hold || 0);
  let text = dosage.sets > 1 ? t("{sets} × {work}", { sets: dosage.sets, work }) : work;
  if (dosage.sides === "both") text = t("{dosage} each side", { dosage: text });
  if (dosage.sets > 1 && dosage.rest) text = t("{dosage}, {rest} rest between sets", { dosage: text, rest: duration(dosage.rest) });
  return unbroken(text);
}
