/* The studio's share page: a client link with an optional start date, copy, share, print.
   A routine's share page has no start date; plans/form.js sets a personal plan's link. */
import { parseDay, longDate } from "../shared/dates.js";
import { t } from "../shared/i18n.js";

class SharePage {
  constructor(form) {
    this.form = form;
    this.input = form.querySelector("#client-link");
    this.date = form.querySelector("#start-date");
    this.statusLine = form.querySelector("#share-status");
    // Without a configured public URL the server only knows its own address; the browser
    // knows the address the studio is really using, so the copied link comes from there.
    this.base =
      this.input.dataset.public === "yes"
        ? this.input.dataset.link
        : new URL(this.input.dataset.today, location.href).href;
  }

  start() {
    if (this.date) this.date.addEventListener("input", () => this.update());
    if (this.date) this.date.addEventListener("change", () => this.update());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.querySelector("#copy-link").addEventListener("click", () => this.copy());
    this.form.querySelector("#print-handout").addEventListener("click", () => window.print());
    const shareButton = this.form.querySelector("#share-link");
    if (typeof navigator.share === "function") {
      shareButton.hidden = false;
      shareButton.addEventListener("click", () => this.share());
    }
    this.update();
  }

  /* A personal plan's link ("" while the form has a problem), or null for the plain one. */
  setPlanLink(link) {
    this.planLink = link;
    this.update();
  }

  link() {
    if (this.planLink !== undefined && this.planLink !== null) return this.planLink;
    const day = this.date && parseDay(this.date.value);
    return day ? `${this.base}?start=${this.date.value}` : this.base;
  }

  update() {
    const link = this.link();
    this.input.value = link;
    if (this.planLink) return; // the plan's hand-out is plans/form.js's
    const day = this.date && parseDay(this.date.value);
    // The printed link stays the one the QR code holds (no start date: see the README).
    const start = document.getElementById("handout-start");
    if (start) {
      start.textContent = day
        ? t("{date} (scan the code that day to begin)", { date: longDate(day) })
        : t("the day you first scan the code");
    }
  }

  say(text) {
    this.statusLine.textContent = text;
  }

  async copy() {
    const link = this.link();
    try {
      await navigator.clipboard.writeText(link);
      this.say(t("Link copied."));
    } catch {
      this.input.focus();
      this.input.select();
      this.say(t("Copying isn't allowed here: the link is selected, so copy it by hand."));
    }
  }

  async share() {
    try {
      await navigator.share({ title: document.title, text: t("Your exercise program"), url: this.link() });
      this.say(t("Shared."));
    } catch (error) {
      if (!error || error.name !== "AbortError") this.say(t("Sharing didn't work; copy the link instead."));
    }
  }
}

const shareForm = document.getElementById("share-form");
export const sharePage = shareForm ? new SharePage(shareForm) : null;
if (sharePage) sharePage.start();
