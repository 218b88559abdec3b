/* The end-of-session summary. */
import { clock } from "../shared/durations.js";
import { byId } from "../shared/dom.js";


export class Summary {
  constructor(panel, cards) {
    this.panel = panel;
    this.cards = cards;
  }

  show(entry, saved) {
    const name = (slug) => (this.cards[slug] ? this.cards[slug].title : slug);
    byId("p-summary-title").textContent = entry.completed ? "Session complete" : "Session ended";
    byId("p-sum-time").textContent = clock(entry.duration);
    byId("p-sum-done").textContent = String(entry.done.length);
    byId("p-sum-skipped").textContent = entry.skipped.length ? `${entry.skipped.length}: ${entry.skipped.map(name).join(", ")}` : "0";
    const flags = byId("p-flags");
    flags.replaceChildren();
    for (const p of entry.pain.filter((p) => p.rating > p.limit)) {
      const li = document.createElement("li");
      const card = this.cards[p.exercise] || {};
      li.append(`${name(p.exercise)}: discomfort ${p.rating} of 10, above your limit of ${p.limit}.`);
      if (card.easier_url) {
        const a = document.createElement("a");
        a.href = card.easier_url;
        a.textContent = `Try ${card.easier_title} instead`;
        li.append(" ", a);
      }
      flags.append(li);
    }
    byId("p-sum-saved").textContent = saved ? "Saved to your history on this device." : "This session could not be saved to your history.";
    this.panel.hidden = false;
    byId("p-summary-title").focus();
  }
}
