/* Personal plans in the browser: program days, the plan's changes and the timed steps.

   A line-for-line copy of the Python reference, so a plan plays exactly as the site's own
   routines do: hipapp/plan/sequence.py (expand), hipapp/content/schedule.py (weeks and
   progression), hipapp/plan/programs.py (program days) and hipapp/plan/personal.py (what
   a plan's items mean; read its docstring for the rules). tests/browser/test_plan_expand.py runs
   both on the same random routines, plans and days and compares every step.

   Shapes are the JSON of the Python objects (hipapp/web/models.py: PlanLibrary):
   Dosage {hold, reps, tempo, sides, sets, rest, wait}; Step {exercise, dosage} or {seconds};
   Program {days, repeat, progression: [{from_week, hold, sets, reps}], rest_routine};
   plan items {exercise, change: {hold, reps, sets, rest, sides}} or {seconds}. */

export const WEEK = 7;

const given = (v) => v !== null && v !== undefined;

/* -- sequence.py ----------------------------------------------------------------------- */

function timed(kind, seconds, exercise = null, side = null, set = 0, sets = 0, reps = null, tempo = null, wait = null) {
  // Empty fields are left out, as hipapp/web/models.py player_data writes them.
  const out = { kind, seconds };
  if (given(exercise)) out.exercise = exercise;
  if (given(side)) out.side = side;
  out.set = set;
  out.sets = sets;
  if (given(reps)) out.reps = reps;
  if (given(tempo)) out.tempo = tempo;
  if (wait) out.wait = true; // only on rep phases that wait for Done
  return out;
}

function work(slug, dosage, side, number, rules) {
  if (given(dosage.reps)) {
    const tempo = dosage.tempo || rules.tempo;
    return timed("reps", dosage.reps * tempo, slug, side, number, dosage.sets, dosage.reps, dosage.tempo, dosage.wait);
  }
  return timed("hold", dosage.hold || 0, slug, side, number, dosage.sets);
}

export function expandExercise(slug, dosage, rules) {
  const out = rules.leadIn ? [timed("lead-in", rules.leadIn, slug, null, 1, dosage.sets)] : [];
  const sides = dosage.sides === "both" ? ["left", "right"] : [null];
  for (let number = 1; number <= dosage.sets; number++) {
    sides.forEach((side, index) => {
      if (index && rules.switch) out.push(timed("switch", rules.switch, slug, side, number, dosage.sets));
      out.push(work(slug, dosage, side, number, rules));
    });
    if (number < dosage.sets && dosage.rest) out.push(timed("rest", dosage.rest, slug, null, number, dosage.sets));
  }
  return out;
}

/* Every timed phase of `steps`. rules: {leadIn, switch, tempo}: the player data's timing. */
export function expand(steps, rules) {
  return steps.flatMap((step) => (given(step.exercise) ? expandExercise(step.exercise, step.dosage, rules) : [timed("rest", step.seconds)]));
}

export function totalSeconds(steps) {
  return steps.reduce((sum, t) => sum + t.seconds, 0);
}

/* -- schedule.py ----------------------------------------------------------------------- */

export function programLength(program) {
  return program.days.length * program.repeat;
}

export function weekOf(day) {
  return Math.floor((day - 1) / WEEK) + 1;
}

export function activeChange(progression, week) {
  let best = null;
  for (const p of progression) if (p.from_week <= week && (!best || p.from_week > best.from_week)) best = p;
  return best;
}

function applyChange(dosage, change) {
  return {
    ...dosage,
    hold: given(dosage.hold) ? dosage.hold + change.hold : null,
    reps: given(dosage.reps) ? dosage.reps + change.reps : null,
    sets: dosage.sets + change.sets,
  };
}

/* -- programs.py ----------------------------------------------------------------------- */

function progressedSteps(steps, change) {
  if (!change) return steps;
  return steps.map((s) => (given(s.exercise) ? { exercise: s.exercise, dosage: applyChange(s.dosage, change) } : s));
}

/* {number, week, routine, title, steps, rest, change}, or null outside the program. */
export function dayRoutine(program, routines, number) {
  if (!Number.isInteger(number) || number < 1 || number > programLength(program)) return null;
  const week = weekOf(number);
  const slug = program.days[(number - 1) % program.days.length];
  if (!given(slug)) {
    const gentle = routines[program.rest_routine || ""] || null;
    return { number, week, routine: gentle ? gentle.slug : null, title: "Rest day", steps: gentle ? gentle.steps : [], rest: true, change: null };
  }
  const routine = routines[slug];
  const change = activeChange(program.progression, week);
  return { number, week, routine: slug, title: routine.title, steps: progressedSteps(routine.steps, change), rest: false, change };
}

/* -- personal.py ----------------------------------------------------------------------- */

export function changed(dosage, change) {
  let { hold, reps } = dosage;
  if (given(change.hold)) [hold, reps] = [change.hold, null];
  else if (given(change.reps)) [hold, reps] = [null, change.reps];
  return {
    ...dosage,
    hold,
    reps,
    sets: given(change.sets) ? change.sets : dosage.sets,
    rest: given(change.rest) ? change.rest : dosage.rest,
    sides: given(change.sides) ? change.sides : dosage.sides,
  };
}

/* {steps, missing}: the routine's steps as the plan's items have them, and the cards
   (once each) that the library no longer has. */
export function personalSteps(steps, items, cards) {
  const written = new Map();
  for (const step of steps) {
    if (!given(step.exercise)) continue;
    if (!written.has(step.exercise)) written.set(step.exercise, []);
    written.get(step.exercise).push(step.dosage);
  }
  const seen = new Map();
  const out = [];
  const missing = [];
  for (const item of items) {
    if (!given(item.exercise)) {
      out.push({ seconds: item.seconds });
      continue;
    }
    const card = Object.hasOwn(cards, item.exercise) ? cards[item.exercise] : null;
    if (!card) {
      if (!missing.includes(item.exercise)) missing.push(item.exercise);
      continue;
    }
    const n = seen.get(item.exercise) || 0;
    seen.set(item.exercise, n + 1);
    const bases = written.get(item.exercise) || [];
    const base = n < bases.length ? bases[n] : card.dosage;
    out.push({ exercise: item.exercise, dosage: changed(base, item.change || {}) });
  }
  return { steps: out, missing };
}

function planItems(plan, slug) {
  return plan.routines && Object.hasOwn(plan.routines, slug) ? plan.routines[slug] : null;
}

export function planRoutine(plan, routine, cards) {
  const items = planItems(plan, routine.slug);
  return items ? personalSteps(routine.steps, items, cards) : { steps: routine.steps, missing: [] };
}

/* {day, missing}: day `number` of the program under the plan, or {day: null} outside it. */
export function planDay(plan, program, routines, cards, number) {
  const day = dayRoutine(program, routines, number);
  if (!day || !given(day.routine) || !planItems(plan, day.routine)) return { day, missing: [] };
  const { steps, missing } = planRoutine(plan, routines[day.routine], cards);
  return { day: { ...day, steps: progressedSteps(steps, day.change) }, missing };
}
