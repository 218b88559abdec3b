/* The end-of-session summary. */
import { clock } from "./phrases.js";
import { byId } from "../shared/dom.js";
import { t } from "../shared/i18n.js";

export class Summary {
  constructor(panel, cards) {
    this.panel = panel;
    this.cards = cards;
  }

  show(entry, saved) {
    const name = (slug) => (this.cards[slug] ? this.cards[slug].title : slug);
    byId("p-summary-title").textContent = entry.completed ? t("Session complete") : t("Session ended");
    byId("p-sum-time").textContent = clock(entry.duration);
    byId("p-sum-done").textContent = String(entry.done.length);
    const skipped = entry.skipped;
    byId("p-sum-skipped").textContent = skipped.length ? t("{n}: {names}", { n: skipped.length, names: skipped.map(name).join(", ") }) : "0";
    const flags = byId("p-flags");
    flags.replaceChildren();
    for (const p of entry.pain.filter((p) => p.rating > p.limit)) {
      const li = document.createElement("li");
      const card = this.cards[p.exercise] || {};
      li.append(t("{title}: discomfort {rating} of 10, above your limit of {limit}.", { title: name(p.exercise), rating: p.rating, limit: p.limit }));
      if (card.easier_url) {
        const a = document.createElement("a");
        a.href = card.easier_url;
        a.textContent = t("Try {title} instead", { title: card.easier_title });
        li.append(" ", a);
      }
      flags.append(li);
    }
    byId("p-sum-saved").textContent = saved ? t("Saved to your history on this device.") : t("This session could not be saved to your history.");
    this.panel.hidden = false;
    byId("p-summary-title").focus();
  }
}
