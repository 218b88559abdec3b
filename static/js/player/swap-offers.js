/* Easier next time, harder once it is easy: the cards the ready screen offers in a card's
   place, from the ratings in the log, each accepted with one tap. In the late bundle: the
   offers show a moment after the ready screen, and a session started from a link waits
   for them (see PlayerController). */
import { h } from "../shared/element.js";
import { t } from "../shared/i18n.js";
import { KEYS, readJSON } from "../shared/store.js";

/* The log's entries as stored; the history page does the checking, and anything odd here
   only means no offer. */
function storedEntries() {
  try {
    const log = readJSON(KEYS.log, { entries: [] });
    const entries = log && Array.isArray(log.entries) ? log.entries : [];
    return entries.filter((e) => e && typeof e === "object" && Array.isArray(e.pain));
  } catch {
    return [];
  }
}

/* This routine's sessions (or, on a program day, the program's), newest first. */
function sameSessions(entries, routine, program) {
  const same = (e) => (program ? e.program === program : !e.program && e.routine === routine);
  const when = (e) => String(e.ended || e.started || e.date || "");
  return entries.filter(same).sort((a, b) => when(b).localeCompare(when(a)));
}

/* [{from, to, why: "easier" | "harder", rating}] for the session's cards: the easier card
   when the card's last rating was above its limit, the harder one when its last three
   were all within it. Only cards whose steps came with the page are offered. */
export function swapOffers({ entries, routine, program, steps, cards, swaps }) {
  const history = sameSessions(entries, routine, program);
  const offers = [];
  for (const slug of new Set(steps.map((s) => s.exercise).filter(Boolean))) {
    const card = cards[slug];
    if (!card) continue;
    const ratings = history.flatMap((e) => e.pain.filter((p) => p && p.exercise === slug).slice(-1).map((p) => p.rating));
    if (!ratings.length) continue;
    const within = (r) => r <= card.pain_limit;
    if (!within(ratings[0]) && card.easier && swaps[card.easier]) {
      offers.push({ from: slug, to: card.easier, why: "easier", rating: ratings[0] });
    } else if (ratings.length >= 3 && ratings.slice(0, 3).every(within) && card.harder && swaps[card.harder]) {
      offers.push({ from: slug, to: card.harder, why: "harder", rating: ratings[0] });
    }
  }
  return offers;
}

/* The offers for this page's session, shown in `list`; take(offer) swaps the card in.
   Returns how many there are. */
export function showSwapOffers(list, { routine, program, steps, cards, swaps }, take) {
  const offers = swapOffers({ entries: storedEntries(), routine, program, steps, cards, swaps });
  list.replaceChildren(...offers.map((offer) => {
    const vars = { title: cards[offer.from].title, other: cards[offer.to].title, rating: offer.rating };
    const text = offer.why === "easier"
      ? t("Last time {title} felt {rating}/10. Do {other} instead?", vars)
      : t("{title} felt fine the last three times. Ready for {other}?", vars);
    const item = h("li", { class: "p-offer" }, h("p", { text }));
    item.append(h("button", { type: "button", class: "button", text: t("Do {other} instead", vars), onclick: () => {
      if (!take(offer)) return;
      item.replaceChildren(h("p", { text: t("Today: {other} in place of {title}.", vars) }));
    } }));
    return item;
  }));
  list.hidden = !offers.length;
  return offers.length;
}
