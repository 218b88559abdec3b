/* Turn the log into files and text a person or a spreadsheet can read. */
import { minutes } from "../shared/durations.js";

const CSV_COLUMNS = [
  "id", "date", "started", "ended", "program", "day", "routine", "title",
  "duration_seconds", "completed", "done", "skipped", "pain",
];

function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function painText(pain) {
  return pain.map((p) => `${p.exercise} ${p.rating}/10 (limit ${p.limit})`).join("; ");
}

export function toCSV(entries) {
  const rows = entries.map((e) => [
    e.id, e.date, e.started, e.ended, e.program, e.day, e.routine, e.title,
    Math.round(e.duration), e.completed ? "yes" : "no", e.done.join(";"), e.skipped.join(";"),
    painText(e.pain),
  ].map(csvCell).join(","));
  return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
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

export function sessionLine(e) {
  const where = e.program && e.day ? ` (day ${e.day})` : "";
  const how = e.completed ? "completed" : "ended early";
  const pain = e.pain.filter((p) => p.rating > p.limit);
  const flag = pain.length ? `; above the pain limit: ${painText(pain)}` : "";
  return `${e.date} ${e.title}${where}, ${minutes(Math.round(e.duration))}, ${how}${flag}`;
}

/* The plain-text report a client sends to the studio. */
export function summaryText({ studio, entries, streak, adherenceLines }) {
  const recent = entries.slice(-20).reverse();
  // No nested template literals: rjsmin mangles the inner one.
  const lines = ["My exercise history" + (studio ? " for " + studio : ""), ""];
  lines.push(...adherenceLines);
  lines.push(`Sessions completed: ${entries.filter((e) => e.completed).length}; current streak: ${streak} ${streak === 1 ? "day" : "days"}`);
  const flagged = entries.filter((e) => e.pain.some((p) => p.rating > p.limit)).length;
  lines.push(`Sessions with discomfort above the limit: ${flagged}`);
  lines.push("", `Latest ${recent.length} sessions:`, ...recent.map(sessionLine));
  return lines.join("\n");
}
