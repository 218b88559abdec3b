/* Discomfort ratings that never stop the timer. By default one screen at the end of the
   session asks about every exercise done; with site.yaml's `pain_check: after_each`, one
   exercise's scale shows during the lead-in or rest after it and goes when that step ends.
   A rating counts as soon as it is tapped (a second tap changes it); one not given is not
   recorded. Above the card's limit the advice and the easier card's link show at once. */
import { h } from "../shared/element.js";
import { t } from "../shared/i18n.js";

/* Said and shown when a rating is above the card's limit. */
function painAdvice(card) {
  const limit = card.pain_limit;
  if (!card.easier_title) return t("That is above {limit} of 10. Ease off: move less far or more slowly.", { limit });
  return t("That is above {limit} of 10. Ease off: move less far or more slowly, or try {easier}.", { limit, easier: card.easier_title });
}

export class Ratings {
  /* list: where the groups go. onRate(slug, rating, advice): advice is the sentence shown
     for a rating above the limit, or "". away: the easier card's link opens a new tab
     (mid-session, so following it never leaves the running session). */
  constructor(list, cards, onRate, { level = "h3", away = false } = {}) {
    this.list = list;
    this.cards = cards;
    this.onRate = onRate;
    this.level = level;
    this.away = away;
    this.count = 0;
  }

  /* One group per slug, named by `name(title)` (the title itself by default). */
  show(slugs, name = (title) => title) {
    this.list.replaceChildren(...slugs.filter((s) => this.cards[s]).map((slug) => this.group(slug, name)));
  }

  clear() {
    this.list.replaceChildren();
  }

  group(slug, name) {
    const card = this.cards[slug];
    const id = `p-rate-${++this.count}`;
    const advice = h("p", { class: "p-advice", role: "status" });
    const buttons = [];
    const rate = (rating) => {
      for (const b of buttons) b.setAttribute("aria-pressed", String(Number(b.value) === rating));
      const text = rating > card.pain_limit ? painAdvice(card) : "";
      advice.replaceChildren();
      if (text) {
        advice.append(text);
        if (card.easier_url) {
          const attrs = { href: card.easier_url, text: t("Easier version: {title}", { title: card.easier_title }) };
          if (this.away) Object.assign(attrs, { target: "_blank", rel: "noopener" });
          advice.append(" ", h("a", attrs));
        }
      }
      this.onRate(slug, rating, text);
    };
    for (let n = 0; n <= 10; n++) {
      buttons.push(h("button", { type: "button", class: "p-rate", value: String(n), "aria-pressed": "false", onclick: () => rate(n), text: String(n) }));
    }
    return h("div", { class: "p-rate-group", role: "group", "aria-labelledby": id },
      h(this.level, { id, class: "p-rate-title", text: name(card.title) }),
      h("div", { class: "p-scale" }, buttons),
      advice);
  }
}
