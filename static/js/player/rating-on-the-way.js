/* pain_check: after_each. The exercise just done is rated during the pause after it (its
   lead-in or the routine's rest) while the timer runs on; the scale goes when the pause
   ends, and an unanswered rating is not recorded. */
import { t } from "../shared/i18n.js";
import { Ratings } from "./ratings.js";

/* The exercise just finished when step i is a pause before the next one (its lead-in, or
   a rest of the routine's own), or null. */
function justFinished(steps, i) {
  const pause = (s) => s.kind === "lead-in" || (s.kind === "rest" && !s.exercise);
  let j = i;
  while (j >= 0 && pause(steps[j])) j--;
  const work = j < i && j >= 0 ? steps[j] : null;
  return work && (work.kind === "hold" || work.kind === "reps") ? work.exercise : null;
}

export class RatingOnTheWay {
  /* panel: shown while a scale is due; list: where its group goes. */
  constructor(panel, list, cards, onRate) {
    this.panel = panel;
    this.cards = cards;
    this.ratings = new Ratings(list, cards, onRate, { level: "h2", away: true });
    this.slug = null;
  }

  /* Step `index` of `steps` has begun (-1: the session is over). run.asked gains each
     exercise asked about, so the end asks only about the rest. */
  at(steps, index, run) {
    const slug = run && index >= 0 ? justFinished(steps, index) : null;
    const due = slug && !run.skipped.has(slug) && this.cards[slug] ? slug : null;
    if (due === this.slug) return;
    this.slug = due;
    this.panel.hidden = !due;
    if (!due) return this.ratings.clear();
    run.asked.add(due);
    this.ratings.show([due], (title) => t("How did {title} feel?", { title }));
  }
}
