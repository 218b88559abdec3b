/* Turn the log into files and text a person or a spreadsheet can read. Exercises are named
   by their titles (the entry's own, else the library's: `names`, slug → title); the CSV
   keeps the slugs in columns of their own, for the studio's tools. */
import { minutes } from "../shared/durations.js";
import { nt, t } from "../shared/i18n.js";

/* The CSV's header row: the field names, as a translator may want to word them. */
function csvColumns() {
  return [
    t("id"), t("date"), t("started"), t("ended"), t("program"), t("day"), t("routine"), t("title"),
    t("duration_seconds"), t("completed"), t("done"), t("skipped"), t("pain"),
    t("done_slugs"), t("skipped_slugs"),
  ];
}

// Babel's extractor reads a regex right after `return` as a division, and a quote inside
// one then hides every msgid below it: keep such regexes after `=` or `(`.
const NEEDS_QUOTES = /[",\n\r]/;

function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/* An exercise of an entry by its title. */
export function exerciseName(entry, slug, names = {}) {
  return (entry.titles && entry.titles[slug]) || names[slug] || slug;
}

export function painText(entry, pain, names) {
  return pain.map((p) => t("{exercise} {rating}/10 (limit {limit})", { ...p, exercise: exerciseName(entry, p.exercise, names) })).join("; ");
}

export function toCSV(entries, names = {}) {
  const titles = (e, slugs) => slugs.map((slug) => exerciseName(e, slug, names)).join("; ");
  const rows = entries.map((e) => [
    e.id, e.date, e.started, e.ended, e.program, e.day, e.routine, e.title,
    Math.round(e.duration), e.completed ? t("yes") : t("no"), titles(e, e.done), titles(e, e.skipped),
    painText(e, e.pain, names), e.done.join(";"), e.skipped.join(";"),
  ].map(csvCell).join(","));
  return [csvColumns().map(csvCell).join(","), ...rows].join("\r\n") + "\r\n";
}

export function toJSON(entries, version) {
  const data = { format: "hipapp-log", version, exported: new Date().toISOString(), entries };
  return JSON.stringify(data, null, 2);
}

/* Save text as a file through a blob: link (no server involved). */
export function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function sessionLine(e, names, dateText) {
  const title = e.program && e.day ? t("{title} (day {n})", { title: e.title, n: e.day }) : e.title;
  const vars = { date: dateText(e.date), title, time: minutes(Math.round(e.duration)) };
  const pain = e.pain.filter((p) => p.rating > p.limit);
  if (pain.length) vars.flags = painText(e, pain, names);
  if (e.completed) return pain.length ? t("{date} {title}, {time}, completed; above the pain limit: {flags}", vars) : t("{date} {title}, {time}, completed", vars);
  return pain.length ? t("{date} {title}, {time}, ended early; above the pain limit: {flags}", vars) : t("{date} {title}, {time}, ended early", vars);
}

/* The plain-text report a client sends to the studio, signed with their name when they
   gave one; dateText writes a "YYYY-MM-DD" day as the client's locale does. */
export function summaryText({ studio, entries, streak, adherenceLines, names = {}, client = "", dateText = (d) => d }) {
  const recent = entries.slice(-20).reverse();
  const lines = [studio ? t("My exercise history for {studio}", { studio }) : t("My exercise history")];
  if (client) lines.push(t("From {name}", { name: client }));
  lines.push("");
  lines.push(...adherenceLines);
  const completed = entries.filter((e) => e.completed).length;
  lines.push(nt("Sessions completed: {completed}; current streak: {n} day", "Sessions completed: {completed}; current streak: {n} days", streak, { completed }));
  const flagged = entries.filter((e) => e.pain.some((p) => p.rating > p.limit)).length;
  lines.push(t("Sessions with discomfort above the limit: {n}", { n: flagged }));
  lines.push("", nt("Latest {n} session:", "Latest {n} sessions:", recent.length), ...recent.map((e) => sessionLine(e, names, dateText)));
  return lines.join("\n");
}
