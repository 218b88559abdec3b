/* The client's "today" page: which day of the program is today, from the link or memory. */
import { byId, pageData } from "../shared/dom.js";
import { h } from "../shared/element.js";
import { duration } from "../shared/durations.js";
import { nt, t } from "../shared/i18n.js";
import { localDay, longDate, addDays } from "../shared/dates.js";
import { calendarOffer } from "../shared/reminders.js";
import { chooseStart, programStatus, rememberStart, rememberedStart } from "./start.js";
import { decodePlan } from "../plans/link.js";
import { storedPlan } from "../plans/saved.js";

class TodayView {
  constructor(root, data) {
    this.root = root;
    this.data = data;
  }

  /* Resolve the start from the page address and memory, remember it, and draw. */
  load(search) {
    const params = new URLSearchParams(search);
    const today = localDay();
    const choice = chooseStart(params.get("start"), rememberedStart(this.data.slug), today);
    this.saved = rememberStart(this.data.slug, choice.start);
    this.render(choice, today);
  }

  restart() {
    const today = localDay();
    this.saved = rememberStart(this.data.slug, today);
    // Drop ?start= so a reload does not bring the old start date back.
    try {
      history.replaceState(null, "", location.pathname);
    } catch {
      /* an address we cannot rewrite is fine */
    }
    this.render({ start: today, source: "today", bad: "" }, today);
    this.status(t("Restarted: today is day 1 of {total}.", { total: this.data.length }));
  }

  status(text) {
    const region = byId("today-status");
    if (region) region.textContent = text;
  }

  render(choice, today) {
    const { data } = this;
    const status = programStatus(choice.start, today, data.length);
    const parts = [];
    if (choice.bad) parts.push(this.badStart(choice));
    if (status.state === "before") parts.push(...this.before(choice.start, status.until));
    else if (status.state === "complete") parts.push(...this.complete(choice.start));
    else parts.push(...this.day(data.days[status.n - 1]));
    const date = longDate(choice.start);
    const started = status.state === "before" ? t("Day 1 is {date}.", { date }) : t("Day 1 was {date}.", { date });
    parts.push(h("p", { class: "meta started", text: started }));
    if (!this.saved) {
      parts.push(h("p", { class: "meta", text: t("This browser can't remember your start date, so open your studio's link each day.") }));
    }
    parts.push(calendarOffer(this.events(choice.start), data.studio));
    this.root.replaceChildren(...parts);
    this.root.dataset.state = status.state;
    this.root.dataset.day = String(status.n);
  }

  /* "Add to my calendar": one event per training day from the start, each with its link. */
  events(start) {
    return this.data.days.filter((d) => !d.rest).map((d) => ({
      day: addDays(start, d.n - 1),
      title: t("Day {n}: {title}", { n: d.n, title: d.title }),
      url: new URL(d.url, location.href).href,
      minutes: Math.ceil(d.total / 60),
    }));
  }

  badStart(choice) {
    const shown = choice.bad.length > 40 ? `${choice.bad.slice(0, 40)}…` : choice.bad;
    const text = choice.source === "saved"
      ? t("The start date in your link (“{shown}”) isn't a date we can read, so we kept your saved start date.", { shown })
      : t("The start date in your link (“{shown}”) isn't a date we can read, so we made today day 1.", { shown });
    return h("p", { class: "notice warning", role: "note", "data-problem": "bad-start" },
      text, " ", t("Ask your studio for a new link if this looks wrong."));
  }

  before(start, until) {
    return [
      h("h2", { class: "today-title", text: t("Your program starts on {date}", { date: longDate(start) }) }),
      h("p", { text: until === 1 ? t("That's tomorrow.") : nt("That's in {n} day.", "That's in {n} days.", until) }),
      h("p", {}, h("a", { class: "button", href: this.data.days[0].url, text: t("Look at day 1") })),
    ];
  }

  complete(start) {
    const last = addDays(start, this.data.length - 1);
    return [
      h("h2", { class: "today-title", text: t("Program complete") }),
      h("p", { text: t("You reached the end of all {total} days on {date}. Well done.", { total: this.data.length, date: longDate(last) }) }),
      h("p", {}, h("button", { class: "button primary", type: "button", id: "restart", onclick: () => this.restart(), text: t("Start again from today") })),
    ];
  }

  day(day) {
    const title = t("Day {n} of {total} · {title}", { n: day.n, total: this.data.length, title: day.title });
    const out = [h("h2", { class: "today-title", text: title })];
    const time = duration(day.total);
    if (day.rest) {
      out.push(h("p", { text: t("Rest and recover today. A relaxed walk is plenty.") }));
      if (day.play) {
        out.push(h("p", {}, h("a", { class: "button", href: `${day.play}#start`, text: t("Optional gentle routine ({time})", { time }) })));
      }
    } else {
      out.push(h("p", { class: "total", text: time }));
      // One tap: the player begins the session on arrival (#start).
      out.push(h("p", {}, h("a", { class: "button primary big", href: `${day.play}#start`, text: t("Start") })));
    }
    out.push(h("p", {}, h("a", { href: day.url, text: day.rest ? t("About today") : t("See today's exercises") })));
    return out;
  }
}

const todayRoot = byId("today");
const todayData = pageData("program-data");
/* A client with a personal plan for this program gets their plan, not the program as written. */
function planForThis(data) {
  const stored = storedPlan();
  try {
    const plan = stored && decodePlan(stored.fragment);
    return !!plan && plan.kind === "program" && plan.slug === data.slug;
  } catch {
    return false;
  }
}
if (todayRoot && todayData && planForThis(todayData)) location.replace(todayData.plan);
else if (todayRoot && todayData) new TodayView(todayRoot, todayData).load(location.search);
