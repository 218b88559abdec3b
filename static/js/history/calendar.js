/* A month calendar of completed days: a real table with column headers, keyboard-usable
   previous/next buttons, and the month name announced when it changes. */
import { h } from "../shared/element.js";
import { dayText, dateText } from "../shared/dates.js";
import { nt, t } from "../shared/i18n.js";
import { monthGrid } from "./stats.js";

/* Column headers, Monday first: [abbreviation, full name], as Intl names them in the
   page's language (1 January 2024 was a Monday). */
function weekdays() {
  return [1, 2, 3, 4, 5, 6, 7].map((d) => {
    const day = { y: 2024, m: 1, d };
    return [dateText(day, { weekday: "short" }), dateText(day, { weekday: "long" })];
  });
}

export class MonthCalendar {
  constructor(root, today) {
    this.root = root;
    this.today = today;
    this.month = { y: today.y, m: today.m };
    this.done = new Set();
  }

  show(done) {
    this.done = done;
    this.render();
  }

  move(step) {
    let { y, m } = this.month;
    m += step;
    if (m < 1) [y, m] = [y - 1, 12];
    if (m > 12) [y, m] = [y + 1, 1];
    this.month = { y, m };
    this.render();
  }

  monthName() {
    return dateText({ ...this.month, d: 1 }, { month: "long", year: "numeric" });
  }

  /* The buttons and the live month name are built once, so focus and announcements survive. */
  build() {
    this.previous = h("button", { class: "button", type: "button", "aria-label": t("Previous month"), onclick: () => this.move(-1) }, "‹");
    this.next = h("button", { class: "button", type: "button", "aria-label": t("Next month"), onclick: () => this.move(1) }, "›");
    this.name = h("span", { class: "month-name", "aria-live": "polite" });
    this.table = h("table", { class: "month" });
    this.root.replaceChildren(h("div", { class: "month-nav" }, this.previous, this.name, this.next), this.table);
  }

  render() {
    if (!this.table) this.build();
    const name = this.monthName();
    const todayText = dayText(this.today);
    let count = 0;
    const rows = monthGrid(this.month.y, this.month.m).map((week) =>
      h("tr", {}, week.map((day) => {
        if (!day) return h("td", { class: "empty" });
        const text = dayText(day);
        const done = this.done.has(text);
        if (done) count += 1;
        return h("td", { class: done ? "done" : "", "aria-current": text === todayText ? "date" : null, "data-date": text },
          h("span", { class: "day-num", text: String(day.d) }),
          done ? h("span", { class: "visually-hidden", text: " " + t("session done") }) : null);
      })),
    );
    this.table.replaceChildren(
      h("caption", { class: "visually-hidden", text: nt("{month}: {n} day with a session", "{month}: {n} days with a session", count, { month: name }) }),
      h("thead", {}, h("tr", {}, weekdays().map(([short, long]) => h("th", { scope: "col" }, h("abbr", { title: long, text: short }))))),
      h("tbody", {}, rows));
    this.name.textContent = name;
    const isCurrent = this.month.y === this.today.y && this.month.m === this.today.m;
    if (isCurrent && document.activeElement === this.next) this.previous.focus();
    this.next.disabled = isCurrent;
  }
}
