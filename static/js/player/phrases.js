/* What the player shows for a step: pure functions over the player data (what it says
   is in speech.js). */
import { nt, t } from "../shared/i18n.js";

/* Whole seconds as m:ss. */
export function clock(seconds) {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function sideText(side) {
  return side === "left" ? t("Left side") : side === "right" ? t("Right side") : "";
}

export function titleOf(step, cards) {
  const card = step && step.exercise && cards[step.exercise];
  return card ? card.title : t("Rest");
}

/* The label above the countdown. */
export function phaseLabel(phase, step) {
  if (phase === "hold") return sideText(step.side) || t("Hold");
  if (phase === "reps") return sideText(step.side) || t("Reps");
  if (phase === "ready") return t("Ready");
  if (phase === "lead-in") return t("Get ready");
  if (phase === "switch") return t("Switch sides");
  if (phase === "rest") return t("Rest");
  if (phase === "paused") return t("Paused");
  if (phase === "done") return t("Session complete");
}

/* "12 reps · left side". */
export function repsText(step) {
  const n = step.reps;
  if (step.side === "left") return nt("{n} rep · left side", "{n} reps · left side", n);
  if (step.side === "right") return nt("{n} rep · right side", "{n} reps · right side", n);
  return nt("{n} rep", "{n} reps", n);
}

/* The polite live-region text for a phase change (the countdown itself stays silent). */
export function announcement(state, cards) {
  const step = state.step;
  if (state.phase === "done") return t("Session complete");
  if (state.phase === "paused") return t("Paused");
  const title = titleOf(step, cards);
  const left = state.wait ? repsText(step) : clock(state.seconds);
  if (step.kind === "rest") return t("Rest, {left}", { left });
  return t("{phase}: {title}, {left}", { phase: phaseLabel(step.kind, step), title, left });
}

/* "Seated figure-4, right side, 0:12 left" for the resume offer. */
export function whereText(step, elapsedMs, cards) {
  const parts = [titleOf(step, cards)];
  if (step.side === "left") parts.push(t("left side"));
  if (step.side === "right") parts.push(t("right side"));
  if (step.wait) parts.push(nt("{n} rep", "{n} reps", step.reps));
  else parts.push(t("{time} left", { time: clock(Math.ceil((step.ms - elapsedMs) / 1000)) }));
  return parts.join(", ");
}
