/* The end-of-session summary: what was done, what comes next, and (unless switched off)
   one discomfort scale per exercise done, recorded into the saved entry as it is tapped. */
import { clock } from "./phrases.js";
import { byId } from "../shared/dom.js";
import { t } from "../shared/i18n.js";
import { minutes } from "../shared/durations.js";
import { Ratings } from "./ratings.js";

/* "Tomorrow: Hip strength, 18 min" on a program day; "" on a routine's player, or where
   the data does not say what follows. */
export function nextText(program) {
  if (!program || program.next === undefined) return "";
  const next = program.next;
  if (!next) return t("That was the last day of {program}. Well done.", { program: program.title });
  if (next.rest && !next.total) return t("Tomorrow: {title}", { title: next.title });
  return t("Tomorrow: {title}, {time}", { title: next.title, time: minutes(next.total) });
}

export class Summary {
  /* save(entry) stores the entry and says whether that worked; advise(text) says it aloud. */
  constructor(panel, cards, { save, advise }) {
    this.panel = panel;
    this.cards = cards;
    this.save = save;
    this.advise = advise;
  }

  /* rate: the exercises to ask about (none when the check is off or was done on the way). */
  show(entry, { program, rate }) {
    const name = (slug) => (this.cards[slug] ? this.cards[slug].title : slug);
    byId("p-summary-title").textContent = entry.completed ? t("Session complete") : t("Session ended");
    byId("p-sum-time").textContent = clock(entry.duration);
    byId("p-sum-done").textContent = String(entry.done.length);
    const skipped = entry.skipped;
    byId("p-sum-skipped").textContent = skipped.length ? t("{n}: {names}", { n: skipped.length, names: skipped.map(name).join(", ") }) : "0";
    const next = byId("p-sum-next");
    next.textContent = nextText(program);
    next.hidden = !next.textContent;
    this.showSaved(this.save(entry));
    this.ask(entry, rate);
    this.panel.hidden = false;
    byId("p-summary-title").focus();
  }

  showSaved(saved) {
    byId("p-sum-saved").textContent = saved ? t("Saved to your history on this device.") : t("This session could not be saved to your history.");
  }

  ask(entry, slugs) {
    const section = byId("p-ratings");
    section.hidden = !slugs.length;
    if (!slugs.length) return;
    const ratings = new Ratings(byId("p-rate-list"), this.cards, (slug, rating, advice) => {
      entry.pain = [...entry.pain.filter((p) => p.exercise !== slug), { exercise: slug, rating, limit: this.cards[slug].pain_limit }];
      this.showSaved(this.save(entry));
      if (advice) this.advise(advice);
    }, { level: "h4" });
    ratings.show(slugs);
    byId("p-ratings-skip").onclick = () => {
      section.hidden = true;
      byId("p-summary-title").focus();
    };
  }
}
