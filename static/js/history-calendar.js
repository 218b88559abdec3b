/* A month calendar of completed days: a real table with column headers, keyboard-usable
   previous/next buttons, and the month name announced when it changes. */
import { h } from "./dom.js";
import { dayText, monthGrid } from "./dates.js";

const WEEKDAYS = [
  ["Mon", "Monday"], ["Tue", "Tuesday"], ["Wed", "Wednesday"], ["Thu", "Thursday"],
  ["Fri", "Friday"], ["Sat", "Saturday"], ["Sun", "Sunday"],
];

export class MonthCalendar {
  constructor(root, today, lang) {
    this.root = root;
    this.today = today;
    this.lang = lang;
    this.month = { y: today.y, m: today.m };
    this.done = new Set();
  }

  show(done) {
    this.done = done;
    this.render(false);
  }

  move(step) {
    let { y, m } = this.month;
    m += step;
    if (m < 1) [y, m] = [y - 1, 12];
    if (m > 12) [y, m] = [y + 1, 1];
    this.month = { y, m };
    this.render(true);
  }

  monthName() {
    const date = new Date(Date.UTC(this.month.y, this.month.m - 1, 1));
    try {
      return date.toLocaleDateString(this.lang, { month: "long", year: "numeric", timeZone: "UTC" });
    } catch {
      return `${this.month.y}-${String(this.month.m).padStart(2, "0")}`;
    }
  }

  render(announce) {
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
          done ? h("span", { class: "visually-hidden", text: " session done" }) : null);
      })),
    );
    const table = h("table", { class: "month" },
      h("caption", { text: `${name}: ${count} ${count === 1 ? "day" : "days"} with a session` }),
      h("thead", {}, h("tr", {}, WEEKDAYS.map(([short, long]) => h("th", { scope: "col" }, h("abbr", { title: long, text: short }))))),
      h("tbody", {}, rows));
    const isCurrent = this.month.y === this.today.y && this.month.m === this.today.m;
    const nav = h("div", { class: "month-nav" },
      h("button", { class: "button", type: "button", "aria-label": "Previous month", onclick: () => this.move(-1) }, "‹"),
      h("span", { class: "month-name", "aria-live": "polite", text: announce ? name : "" }),
      h("button", { class: "button", type: "button", "aria-label": "Next month", disabled: isCurrent, onclick: () => this.move(1) }, "›"));
    const focused = document.activeElement && this.root.contains(document.activeElement)
      ? document.activeElement.getAttribute("aria-label") : null;
    this.root.replaceChildren(nav, table);
    if (focused) {
      const again = this.root.querySelector(`[aria-label="${focused}"]`);
      (again && !again.disabled ? again : this.root.querySelector("button")).focus();
    }
  }
}
