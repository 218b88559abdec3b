/* What only matters once a session runs (the late bundle: a session begins only once it
   is in): End with its confirmation, the one tap anywhere that unlocks sound for a
   session started from a link, the screen lock, the media controls, and a hidden tab. */
import { byId } from "../shared/dom.js";
import { t } from "../shared/i18n.js";
import { ScreenLock } from "./wake-lock.js";
import { MediaControls } from "./media-session.js";

/* Wire them to the PlayerController; gives the screen lock and the media controls. */
export function wireSessionControls(player) {
  const end = () => player.end();
  const confirm = byId("p-confirm");
  byId("p-end").addEventListener("click", () => {
    if (typeof confirm.showModal !== "function") return window.confirm(t("End this session?")) && end();
    confirm.showModal();
  });
  // Act on the form's submit, within the tap (the dialog's close event comes later); close
  // first, so the dialog's focus restore happens before the summary takes focus.
  confirm.querySelector("form").addEventListener("submit", (e) => {
    if (!e.submitter || e.submitter.value !== "end") return;
    e.preventDefault();
    if (confirm.open) confirm.close();
    end();
  });
  // While sound waits for a tap, the first tap anywhere unlocks it. A tap on a control
  // does what it says as well; one on the notice or the stage only unlocks (it must not
  // pause the session the person just started).
  document.addEventListener("click", (e) => {
    const notice = byId("p-sound");
    if (notice.hidden) return;
    player.sound.unlock();
    notice.hidden = true;
    if (e.target.closest("#p-sound") || !e.target.closest("button, a, input, dialog")) {
      e.stopPropagation();
      e.preventDefault();
    }
  }, true);
  const lock = new ScreenLock((held) => player.view.notice("lock", held ? "" : t("Screen may sleep: keep it awake manually.")));
  const running = () => player.timer.status === "running";
  const started = () => running() || player.timer.status === "paused";
  const media = new MediaControls(player.data.title, {
    play: () => player.timer.status === "paused" && player.toggle(),
    pause: () => running() && player.toggle(),
    nexttrack: () => started() && player.skip(),
    previoustrack: () => started() && player.back(),
  });
  // A hidden tab may be frozen or closed: the session is saved as it goes; back in view,
  // the timer catches up at once.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") {
      if (player.last.status !== "idle" && player.run) player.save(player.timer.state(Date.now()));
      return;
    }
    if (running()) lock.acquire();
    player.update();
  });
  return { lock, media };
}
