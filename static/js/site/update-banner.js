/* "Update ready: Reload". Never shown while a session is playing, so an update cannot
   interrupt one; it appears once the player is idle again. */
import { t } from "../shared/i18n.js";

const IDLE_PHASES = new Set(["", "ready", "done"]);

export class UpdateBanner {
  constructor(region, player, onAccept) {
    this.region = region;
    this.player = player;
    this.onAccept = onAccept;
    this.worker = null;
    if (player) {
      new MutationObserver(() => this.render()).observe(player, {
        attributes: true,
        attributeFilter: ["data-phase"],
      });
    }
  }

  offer(worker) {
    this.worker = worker;
    this.render();
  }

  sessionInProgress() {
    return Boolean(this.player) && !IDLE_PHASES.has(this.player.dataset.phase || "");
  }

  render() {
    const show = Boolean(this.worker) && !this.sessionInProgress();
    if (!show) {
      this.region.replaceChildren();
      return;
    }
    if (this.region.childElementCount) return;
    const text = document.createElement("span");
    text.textContent = t("Update ready:");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button primary";
    button.textContent = t("Reload");
    button.addEventListener("click", () => {
      button.disabled = true;
      this.onAccept(this.worker);
    });
    this.region.replaceChildren(text, " ", button);
  }
}
