/* One session of a plan: its steps from the library and the plan, and the player's data
   in the shape the server writes for its own routines (hipapp/web/models.py PlayerData). */
import { localDay, parseDay } from "../shared/dates.js";
import { t } from "../shared/i18n.js";
import { expand, planDay, planRoutine, programLength, totalSeconds } from "./expand.js";
import { dosageText, durationText } from "./words.js";

/* A program plan's day 1: its start date, or the day this device first kept the plan. */
export function planStart(plan, saved) {
  return parseDay(plan.start) || (saved ? localDay(new Date(saved)) : localDay());
}

export function planName(plan) {
  return plan.client ? t("{client}’s plan", { client: plan.client }) : t("Your plan");
}

/* The plan's id: its link's check, so the same link is the same plan. */
export function planId(fragment) {
  return fragment.slice(-8);
}

/* {title, routine, steps, missing, program, day, days, rest, gentle} for a routine plan,
   or for day `number` of a program plan (null outside the program). */
export function planSession(plan, library, number) {
  const cards = library.cards;
  if (plan.kind === "routine") {
    const routine = library.routines[plan.slug];
    const { steps, missing } = planRoutine(plan, routine, cards);
    return { title: routine.title, routine: routine.slug, steps, missing, program: null, day: null, days: null, rest: false, gentle: null };
  }
  const program = library.programs[plan.slug];
  const { day, missing } = planDay(plan, program, library.routines, cards, number);
  if (!day) return null;
  const title = day.routine ? library.routines[day.routine].title : t("Rest day");
  return {
    title: day.rest ? t("Rest day") : title, routine: day.routine, steps: day.steps, missing, program,
    day: day.number, days: programLength(program), rest: day.rest, gentle: day.rest && day.routine ? title : null,
  };
}

export function sessionSteps(session, library) {
  const rules = library.timing;
  return expand(session.steps, { leadIn: rules.lead_in, switch: rules.switch, tempo: rules.rep_pace });
}

export function sessionTotal(session, library) {
  return totalSeconds(sessionSteps(session, library));
}

/* The exercises as the client's page lists them. */
export function sessionLines(session, library) {
  return session.steps.map((s) =>
    s.exercise !== undefined
      ? { title: library.cards[s.exercise].view.title, dosage: dosageText(s.dosage), rest: false }
      : { title: t("Rest"), dosage: durationText(s.seconds), rest: true },
  );
}

export function playerDataOf(session, library, plan, id) {
  const steps = sessionSteps(session, library);
  const cards = {};
  for (const s of steps) if (s.exercise && !cards[s.exercise]) cards[s.exercise] = library.cards[s.exercise].view;
  const program = session.program;
  return {
    title: session.gentle || session.title,
    total: totalSeconds(steps),
    timing: library.timing,
    steps,
    cards,
    swaps: {},
    program: program ? { slug: program.slug, title: program.title, day: session.day, days: session.days, next: null } : null,
    plan: { id, title: planName(plan), pathname: `${location.pathname}#${id}:${session.day || ""}` },
  };
}
