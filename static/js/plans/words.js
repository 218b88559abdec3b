/* A plan's dosages and times in words, as the server writes them for routines
   (hipapp/web/filters.py dosage_text, hipapp/i18n Words.duration and Words.total). */
import { nt, t } from "../shared/i18n.js";

export function durationText(seconds) {
  const minutes = Math.floor(seconds / 60);
  const secs = seconds % 60;
  if (!minutes) return t("{n} s", { n: secs });
  return secs ? t("{minutes} min {seconds} s", { minutes, seconds: secs }) : t("{n} min", { n: minutes });
}

export function totalText(seconds) {
  return seconds < 60 ? durationText(seconds) : t("{n} min", { n: Math.round(seconds / 60) });
}

export function dosageText(dosage) {
  const reps = dosage.reps !== null && dosage.reps !== undefined;
  const work = reps ? nt("{n} rep", "{n} reps", dosage.reps) : durationText(dosage.hold || 0);
  let text = dosage.sets > 1 ? t("{sets} × {work}", { sets: dosage.sets, work }) : work;
  if (dosage.sides === "both") text = t("{dosage} each side", { dosage: text });
  if (dosage.sets > 1 && dosage.rest) text = t("{dosage}, {rest} rest between sets", { dosage: text, rest: durationText(dosage.rest) });
  return text;
}
