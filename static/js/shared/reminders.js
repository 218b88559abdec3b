/* "Add to my calendar": an .ics file made on the device, one event per session day at the
   time the client picks, each with its link and a reminder. The phone's own calendar
   then reminds the client; no server sends anything. Personal plans (plans/client.js)
   and programs from content (programs/today.js) both offer it. */
import { h } from "./element.js";
import { nt, t } from "./i18n.js";

const icsPad = (n, width = 2) => String(n).padStart(width, "0");

function icsText(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/* Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1). */
function icsFold(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = "";
  for (const ch of line) {
    if (encoder.encode(current + ch).length > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
    }
    current += ch;
  }
  out.push(current);
  return out.join("\r\n ");
}

function icsStamp(date) {
  const day = `${date.getUTCFullYear()}${icsPad(date.getUTCMonth() + 1)}${icsPad(date.getUTCDate())}`;
  return `${day}T${icsPad(date.getUTCHours())}${icsPad(date.getUTCMinutes())}${icsPad(date.getUTCSeconds())}Z`;
}

function icsHash(text) {
  let hash = 0;
  for (const ch of text) hash = (Math.imul(hash, 31) + ch.codePointAt(0)) | 0;
  return Math.abs(hash).toString(36);
}

/* events: [{day: {y, m, d}, title, url, minutes}]; time "HH:MM" on the device's clock
   (floating local time, so the reminder follows the client when they travel). */
export function calendarFile(events, time, studio, now = new Date()) {
  const [hour, minute] = time.split(":").map(Number);
  const at = `${icsPad(hour)}${icsPad(minute)}`;
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hipapp//reminders//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const e of events) {
    const date = `${icsPad(e.day.y, 4)}${icsPad(e.day.m)}${icsPad(e.day.d)}`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${date}-${at}-${icsHash(e.title + e.url)}@hipapp`,
      `DTSTAMP:${icsStamp(now)}`,
      `DTSTART:${date}T${at}00`,
      `DURATION:PT${Math.max(1, e.minutes)}M`,
      "SUMMARY:" + icsText(t("{title} ({studio})", { title: e.title, studio })),
      "DESCRIPTION:" + icsText(t("Today's session: {url}", { url: e.url })),
      `URL:${e.url}`,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:" + icsText(e.title),
      "TRIGGER:-PT5M",
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(icsFold).join("\r\n") + "\r\n";
}

/* The time picker and the button that downloads the file. */
export function calendarOffer(events, studio) {
  const time = h("input", { type: "time", id: "calendar-time", value: "18:00", required: true });
  const status = h("p", { class: "meta", role: "status", id: "calendar-status" });
  const add = () => {
    if (!/^\d{2}:\d{2}$/.test(time.value)) {
      status.textContent = t("Pick a time first.");
      return;
    }
    const text = calendarFile(events, time.value, studio);
    const href = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    const link = h("a", { href, download: "exercise-reminders.ics", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
    status.textContent = nt("{n} session is in the calendar file: open it to add it to your calendar.", "{n} sessions are in the calendar file: open it to add them to your calendar.", events.length);
  };
  return h("section", { class: "calendar-offer", "aria-labelledby": "calendar-title" },
    h("h2", { id: "calendar-title", text: t("Reminders") }),
    h("p", {}, h("label", { for: "calendar-time", text: t("Remind me at") }), " ", time),
    h("p", {}, h("button", { class: "button", type: "button", id: "calendar-add", onclick: add, text: t("Add to my calendar") })),
    status);
}
