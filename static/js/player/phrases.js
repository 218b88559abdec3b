/* What the player says and shows for a step: pure functions over the player data. */
import { clock } from "../shared/durations.js";

export function sideText(side) {
  return side === "left" ? "Left side" : side === "right" ? "Right side" : "";
}

export function titleOf(step, cards) {
  const card = step && step.exercise && cards[step.exercise];
  return card ? card.title : "Rest";
}

/* The label above the countdown. */
export function phaseLabel(phase, step) {
  if (phase === "hold" || phase === "reps") return sideText(step.side) || (phase === "hold" ? "Hold" : "Reps");
  return {
    ready: "Ready",
    "lead-in": "Get ready",
    switch: "Switch sides",
    rest: "Rest",
    paused: "Paused",
    pain: "How did that feel?",
    done: "Session complete",
  }[phase];
}

export function repsText(step) {
  const side = step.side ? ` · ${step.side} side` : "";
  return `${step.reps} reps${side}`;
}

/* The spoken cue when a step begins. */
export function entrySpeech(step, next, cards) {
  const title = titleOf(step, cards);
  if (step.kind === "lead-in") return `Get ready: ${title}`;
  if (step.kind === "switch") return "Switch sides";
  if (step.kind === "rest") return next ? `Rest. Next: ${titleOf(next, cards)}` : "Rest";
  if (step.kind === "reps") return repsText(step).replace("·", ",");
  return sideText(step.side) || "Go";
}

/* The polite live-region text for a phase change (the countdown itself stays silent). */
export function announcement(state, cards) {
  const step = state.step;
  if (state.phase === "done") return "Session complete";
  if (state.phase === "paused") return "Paused";
  if (state.phase === "pain") return `${titleOf(step, cards)} finished. Rate your discomfort from 0 to 10.`;
  const what = step.kind === "rest" ? "Rest" : `${phaseLabel(step.kind, step)}: ${titleOf(step, cards)}`;
  return state.wait ? `${what}, ${repsText(step)}` : `${what}, ${clock(state.seconds)}`;
}

/* "Seated figure-4, right side, 0:12 left" for the resume offer. */
export function whereText(step, elapsedMs, gate, cards) {
  const parts = [titleOf(step, cards)];
  if (step.side) parts.push(`${step.side} side`);
  if (gate) parts.push("discomfort check");
  else if (step.wait) parts.push(`${step.reps} reps`);
  else parts.push(`${clock(Math.ceil((step.ms - elapsedMs) / 1000))} left`);
  return parts.join(", ");
}

/* Said and shown when a rating is above the card's limit. */
export function painAdvice(card) {
  const easier = card.easier_title ? ", or try " + card.easier_title : "";
  return `That is above ${card.pain_limit} of 10. Ease off: move less far or more slowly` + easier + ".";
}
