/* The history entry for a session that has ended (the log's Entry: history/log.js).
   Pure, so it is tested on its own; the player calls it only once the session is over.

   run: {started: ISO string, skipped: exercise slugs, pain: [{exercise, rating, limit}],
        swaps: [{from, to, why}] (the cards played in another card's place)}
   state: the timer's last state; steps: the timed steps; data: the player data;
   ended: a Date; salt: a few random characters that make the id unique. */
import { dayText, localDay } from "../shared/dates.js";

export function logEntry({ run, state, steps, data, routine, completed, ended, salt }) {
  // Steps before `reached` were played through.
  const reached = state.status === "done" && completed ? steps.length : state.index;
  const lastIndex = {};
  steps.forEach((st, i) => st.exercise && (lastIndex[st.exercise] = i));
  const order = Object.keys(lastIndex);
  const skipped = new Set(run.skipped);
  return {
    id: `${run.started}-${salt}`,
    date: dayText(localDay(new Date(run.started))),
    started: run.started,
    ended: ended.toISOString(),
    routine,
    title: data.title,
    program: data.program ? data.program.slug : null,
    day: data.program ? data.program.day : null,
    duration: Math.round(state.active / 1000),
    completed,
    done: order.filter((x) => lastIndex[x] < reached && !skipped.has(x)),
    skipped: order.filter((x) => skipped.has(x)),
    pain: run.pain,
    swaps: run.swaps,
    // Each card's title as the client saw it, for the history, the CSV and the e-mail.
    titles: Object.fromEntries(order.filter((x) => data.cards[x]).map((x) => [x, data.cards[x].title])),
    // A personal plan's sessions say which plan they came from (history/log.js).
    ...(data.plan ? { plan: data.plan.id, plan_title: data.plan.title } : {}),
  };
}
