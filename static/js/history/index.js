/* The history page: wires the log to the calendar, the numbers and the export tools. */
import { byId, pageData } from "../shared/dom.js";
import { h } from "../shared/element.js";
import { minutes } from "../shared/durations.js";
import { nt, t } from "../shared/i18n.js";
import { localDay, parseDay, dayText, dateText } from "../shared/dates.js";
import { rememberedStart } from "../programs/start.js";
import { KEYS, readStored, writeStored } from "../shared/store.js";
import { LOG_VERSION } from "../shared/store-migrations.js";
import { readLog, importLog } from "./log.js";
import { adherence, completedDays, currentStreak, sessionsPerWeek } from "./stats.js";
import { MonthCalendar } from "./calendar.js";
import { download, exerciseName, painText, summaryText, toCSV, toJSON } from "./export.js";

// A year of daily sessions is about 150 KB; no export from this app comes near the limit.
const IMPORT_LIMIT_MB = 5;

class HistoryPage {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.today = localDay();
    this.calendar = new MonthCalendar(byId("calendar"), this.today);
    this.log = { entries: [], problems: [] };
  }

  start() {
    const on = (id, handler) => byId(id).addEventListener("click", handler);
    on("download-csv", () => this.save("csv"));
    on("download-json", () => this.save("json"));
    byId("import-file").addEventListener("change", (event) => this.importFile(event.target));
    this.setUpName();
    this.setUpSend();
    this.refresh();
  }

  say(text) {
    byId("data-status").textContent = text;
  }

  refresh() {
    this.log = readLog();
    const when = (e) => e.date + (e.started || "");
    this.log.entries.sort((a, b) => when(a).localeCompare(when(b)));
    const { entries, problems } = this.log;
    const box = byId("history-problems");
    box.replaceChildren(...problems.map((p) => h("p", { text: p })));
    box.hidden = !problems.length;
    const days = completedDays(entries);
    this.streak = currentStreak(days, this.today);
    byId("streak").textContent = nt("{n} day", "{n} days", this.streak);
    byId("completed-count").textContent = String(entries.filter((e) => e.completed).length);
    this.calendar.show(days);
    this.renderAdherence(entries);
    this.renderWeeks(entries);
    this.renderRecent(entries);
    this.updateMail();
    this.root.dataset.state = "ready";
    this.root.dataset.entries = String(entries.length);
  }

  adherenceLines() {
    const lines = [];
    for (const [slug, program] of Object.entries(this.data.programs)) {
      const start = rememberedStart(slug);
      const used = this.log.entries.some((e) => e.program === slug);
      if (!start && !used) continue;
      const a = adherence(this.log.entries, slug, program, start, this.today);
      const vars = { title: program.title, done: a.done, due: a.due, start: start && this.longDate(start) };
      const text = start
        ? nt("{title}: {done} of {due} session, started {start}", "{title}: {done} of {due} sessions, started {start}", a.due, vars)
        : nt("{title}: {done} of {due} session", "{title}: {done} of {due} sessions", a.due, vars);
      lines.push({ slug, text, program });
    }
    return lines;
  }

  renderAdherence() {
    const list = byId("adherence");
    const lines = this.adherenceLines();
    list.replaceChildren(...lines.map((l) => h("li", { "data-program": l.slug }, h("a", { href: l.program.today, text: l.text }))));
    list.hidden = !lines.length;
  }

  renderWeeks(entries) {
    const weeks = sessionsPerWeek(entries, this.today, 6);
    byId("weeks").replaceChildren(
      ...weeks.map((w, i) => h("li", {},
        h("span", { class: "week-label", text: i === 0 ? t("This week") : t("Week of {date}", { date: this.shortDate(w.monday) }) }),
        h("span", { class: "week-bar", "data-sessions": String(w.sessions) },
          h("span", { class: "bar", "aria-hidden": "true" }),
          nt("{n} session", "{n} sessions", w.sessions)))));
    for (const [i, bar] of [...document.querySelectorAll("#weeks .bar")].entries()) {
      bar.style.setProperty("--n", String(Math.min(weeks[i].sessions, 7)));
    }
  }

  /* "1 Dec 2026" or "Dec 1, 2026": a day as the client's locale writes it. */
  longDate(day) {
    try {
      return new Date(Date.UTC(day.y, day.m - 1, day.d)).toLocaleDateString(this.lang, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    } catch {
      return dayText(day);
    }
  }

  shortDate(day) {
    return dateText(day, { day: "numeric", month: "short" });
  }

  renderRecent(entries) {
    const recent = entries.slice(-30).reverse();
    byId("recent").replaceChildren(...recent.map((e) => {
      const over = e.pain.filter((p) => p.rating > p.limit);
      const day = parseDay(e.date);
      return h("li", { class: over.length ? "flagged" : "", "data-id": e.id },
        h("strong", { text: e.title }),
        h("span", { class: "meta", text: [
          day ? this.longDate(day) : e.date,
          e.program && e.day ? t("day {n}", { n: e.day }) : "",
          e.plan_title || "",
          minutes(Math.round(e.duration)),
          e.completed ? t("completed") : t("ended early"),
          e.skipped.length ? t("Skipped: {names}", { names: e.skipped.map((slug) => exerciseName(e, slug, this.data.cards)).join(", ") }) : "",
        ].filter(Boolean).join(" · ") }),
        over.length ? h("span", { class: "pain-flag", text: t("Above the pain limit: {flags}", { flags: painText(e, over, this.data.cards) }) }) : null);
    }));
    byId("no-sessions").hidden = entries.length > 0;
  }

  save(kind) {
    const { entries } = this.log;
    const stamp = dayText(this.today);
    if (kind === "csv") download(toCSV(entries, this.data.cards), `hipapp-history-${stamp}.csv`, "text/csv");
    else download(toJSON(entries, LOG_VERSION), `hipapp-history-${stamp}.json`, "application/json");
    const vars = { format: kind.toUpperCase() };
    this.say(nt("Downloaded {n} session as {format}.", "Downloaded {n} sessions as {format}.", entries.length, vars));
  }

  summary() {
    return summaryText({
      studio: this.data.studio,
      entries: this.log.entries,
      streak: this.streak,
      adherenceLines: this.adherenceLines().map((l) => l.text),
      names: this.data.cards,
      client: (readStored(KEYS.clientName) || "").trim(),
      dateText: (text) => {
        const day = parseDay(text);
        return day ? this.longDate(day) : text;
      },
    });
  }

  /* The client's name for the summary: asked once, kept on this device. */
  setUpName() {
    const input = byId("client-name");
    input.value = readStored(KEYS.clientName) || "";
    input.addEventListener("change", () => {
      writeStored(KEYS.clientName, input.value.trim() || null);
      this.updateMail();
    });
  }

  setUpSend() {
    const button = byId("send-studio");
    const mail = byId("mail-studio");
    const note = byId("send-note");
    this.canMail = typeof this.data.contact === "string" && this.data.contact.startsWith("mailto:");
    if (typeof navigator.share === "function") {
      button.addEventListener("click", () => this.share());
      return;
    }
    button.hidden = true;
    if (this.canMail) {
      mail.hidden = false;
    } else {
      note.hidden = false;
      note.textContent = t("Your studio has not set an email address. Download the CSV and send it to them yourself.");
    }
  }

  updateMail() {
    if (!this.canMail) return;
    const [address, query] = this.data.contact.split("?", 2);
    const params = new URLSearchParams(query || "");
    params.set("subject", t("My exercise history"));
    params.set("body", this.summary());
    byId("mail-studio").href = `${address}?${params.toString().replace(/\+/g, "%20")}`;
  }

  async share() {
    try {
      await navigator.share({ title: t("My exercise history"), text: this.summary() });
      this.say(t("Sent."));
    } catch (error) {
      if (error && error.name === "AbortError") return;
      this.say(t("Sharing didn't work here. Download the CSV and send it instead."));
    }
  }

  async importFile(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    // Checked before reading: a video picked by mistake would freeze the page while parsed.
    if (file.size > IMPORT_LIMIT_MB * 1024 * 1024) {
      this.say(t("That file is larger than {limit} MB, so it isn't a history export. Nothing was changed.", { limit: IMPORT_LIMIT_MB }));
      input.value = "";
      return;
    }
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      this.say(t("That file isn't a history export (it isn't JSON). Nothing was changed."));
      input.value = "";
      return;
    }
    const result = importLog(data);
    input.value = "";
    if (!result.ok) {
      this.say(result.error || t("Nothing was imported."));
      return;
    }
    const parts = [nt("Imported {n} session.", "Imported {n} sessions.", result.added)];
    if (result.existing) parts.push(nt("{n} was already here.", "{n} were already here.", result.existing));
    const aside = result.invalid - result.left;
    if (aside) parts.push(nt("{n} could not be read and was kept aside.", "{n} could not be read and were kept aside.", aside));
    if (result.left) parts.push(nt("{n} could not be read and is only in the file.", "{n} could not be read and are only in the file.", result.left));
    this.refresh();
    this.say(parts.join(" "));
  }
}

const historyRoot = byId("history");
const historyData = pageData("history-data");
if (historyRoot && historyData) new HistoryPage(historyRoot, historyData).start();
