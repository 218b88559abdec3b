/* Pure numbers for the history page: streak, sessions per week, adherence, month grid. */
import { addDays, dayText, daysBetween, parseDay, weekday } from "../shared/dates.js";
import { programStatus } from "../programs/start.js";

/* The set of "YYYY-MM-DD" days with at least one completed session. */
export function completedDays(entries) {
  return new Set(entries.filter((e) => e.completed).map((e) => e.date));
}

/* Days in a row with a completed session, ending today (or yesterday: today isn't over). */
export function currentStreak(days, today) {
  let cursor = days.has(dayText(today)) ? today : addDays(today, -1);
  let count = 0;
  while (days.has(dayText(cursor))) {
    count += 1;
    cursor = addDays(cursor, -1);
  }
  return count;
}

/* Completed sessions in each of the last `count` Monday-to-Sunday weeks, newest first, from
   the week of the first session on: the weeks before someone started are not "0 sessions". */
export function sessionsPerWeek(entries, today, count = 8) {
  const monday = addDays(today, -weekday(today));
  const days = entries.map((e) => parseDay(e.date)).filter(Boolean);
  const first = days.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a), today);
  const since = Math.max(0, Math.ceil(daysBetween(first, monday) / 7));
  const weeks = Array.from({ length: Math.min(count, since + 1) }, (_, i) => ({ monday: addDays(monday, -7 * i), sessions: 0 }));
  for (const entry of entries) {
    const day = entry.completed ? parseDay(entry.date) : null;
    if (!day) continue;
    const back = daysBetween(day, monday); // > 0 for days before this week
    const index = back <= 0 ? 0 : Math.ceil(back / 7);
    if (daysBetween(day, today) >= 0 && index < weeks.length) weeks[index].sessions += 1;
  }
  return weeks;
}

/* {done, due, total}: distinct workout days completed in a program, and how many were due
   by today. A session done ahead of its day still counts as done. */
export function adherence(entries, slug, program, start, today) {
  const status = start ? programStatus(start, today, program.length) : { state: "before", n: 0 };
  const reached = status.state === "complete" ? program.length : status.n;
  const due = program.workdays.filter((n) => n <= reached).length;
  const workdays = new Set(program.workdays);
  const done = new Set(
    entries.filter((e) => e.completed && e.program === slug && workdays.has(e.day)).map((e) => e.day),
  ).size;
  return { done, due, total: program.workdays.length, state: status.state, day: status.n };
}

/* The weeks of a month, Monday first: arrays of 7 days ({y, m, d}) or null padding. */
export function monthGrid(y, m) {
  const first = { y, m, d: 1 };
  const cells = Array.from({ length: weekday(first) }, () => null);
  for (let day = first; day.m === m; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}
