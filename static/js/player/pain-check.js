/* The discomfort check between exercises: one tap from 0 to 10, or skip. */
import { t } from "../shared/i18n.js";

export class PainCheck {
  /* onRate(rating | null) is called once per check; continue() passes the advice screen. */
  constructor(panel, onRate, onContinue) {
    this.panel = panel;
    this.title = panel.querySelector("h2");
    this.ease = panel.querySelector("#p-ease");
    this.scale = [...panel.querySelectorAll(".p-rate")];
    this.open = false;
    panel.addEventListener("click", (e) => {
      const button = e.target.closest("button");
      if (!button || !this.open) return;
      if (button.id === "p-continue") return this.close(onContinue);
      if (this.ease.hidden && (button.classList.contains("p-rate") || button.id === "p-pain-skip")) {
        onRate(button.id === "p-pain-skip" ? null : Number(button.value));
      }
    });
  }

  show(title) {
    this.open = true;
    this.title.textContent = t("How did {title} feel?", { title });
    this.ease.hidden = true;
    this.setRating(false);
    this.panel.hidden = false;
    this.title.focus();
  }

  setRating(disabled) {
    for (const b of this.scale) b.disabled = disabled;
    this.panel.querySelector("#p-pain-skip").disabled = disabled;
  }

  /* Above the card's limit: say so and offer the easier card before moving on. */
  advise(text, easierTitle, easierUrl) {
    this.setRating(true);
    this.panel.querySelector("#p-ease-text").textContent = text;
    const link = this.panel.querySelector("#p-easier");
    link.hidden = !easierUrl;
    if (easierUrl) {
      link.href = easierUrl;
      link.textContent = t("Easier version: {title}", { title: easierTitle });
    }
    this.ease.hidden = false;
    this.panel.querySelector("#p-continue").focus();
  }

  close(then) {
    this.open = false;
    this.panel.hidden = true;
    if (then) then();
  }
}
