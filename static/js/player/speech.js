/* What the player says aloud, so a session can be followed with eyes closed: the dose and
   the set at each start, how long a rest is and what follows it, the end. Pure functions
   over the player data; in the late bundle, as nothing is said before a session begins. */
import { nt, t } from "../shared/i18n.js";
import { titleOf } from "./phrases.js";

/* A time as it is said: "30 seconds", "2 minutes", "1 minute 30 seconds". */
export function spokenTime(seconds) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const secs = nt("{n} second", "{n} seconds", s);
  if (!m) return secs;
  const mins = nt("{n} minute", "{n} minutes", m);
  return s ? t("{minutes} {seconds}", { minutes: mins, seconds: secs }) : mins;
}

/* A session's length as it is said: whole minutes, or seconds under a minute. */
export function spokenLength(seconds) {
  return seconds < 60 ? spokenTime(seconds) : nt("{n} minute", "{n} minutes", Math.round(seconds / 60));
}

/* What a hold or a rep step asks for, said with the set and the side, so it can be
   followed with eyes closed: "Left side, 30 seconds", "Set 2 of 3, right side, 10 reps". */
function workSpeech(step) {
  const dose = step.kind === "reps" ? nt("{n} rep", "{n} reps", step.reps) : spokenTime(Math.round(step.ms / 1000));
  const vars = { dose, n: step.set, total: step.sets };
  if (step.sets > 1) {
    if (step.side === "left") return t("Set {n} of {total}, left side, {dose}", vars);
    if (step.side === "right") return t("Set {n} of {total}, right side, {dose}", vars);
    return t("Set {n} of {total}, {dose}", vars);
  }
  // "Left side" is a phrase the studio may reword (site.yaml phrases): say its words.
  const side = step.side === "left" ? t("Left side") : step.side === "right" ? t("Right side") : "";
  if (side) return t("{side}, {dose}", { side, dose });
  return step.kind === "reps" ? dose : t("Hold for {dose}", vars);
}

/* Rest says how long, and what follows it: the next set, or the next exercise. */
function restSpeech(step, next, cards) {
  const time = spokenTime(Math.round(step.ms / 1000));
  if (!next) return t("Rest {time}", { time });
  const title = titleOf(next, cards);
  if (next.exercise && next.exercise === step.exercise && next.set > step.set) {
    return t("Rest {time}. Then set {n} of {title}", { time, n: next.set, title });
  }
  return t("Rest {time}. Then {title}", { time, title });
}

/* What is said when a step begins: one sentence, or two for a step that waits for Done. */
export function entrySpeech(step, next, cards) {
  const cue = t("Get ready");
  if (step.kind === "lead-in") return [t("{cue}: {title}", { cue, title: titleOf(step, cards) })];
  if (step.kind === "switch") return [t("Switch sides")];
  if (step.kind === "rest") return [restSpeech(step, next, cards)];
  return step.wait ? [workSpeech(step), t("Tap Done when you finish")] : [workSpeech(step)];
}

/* "Session complete, 10 minutes": said at the end, with how long it took. */
export function completeSpeech(seconds) {
  return t("Session complete, {time}", { time: spokenLength(seconds) });
}
