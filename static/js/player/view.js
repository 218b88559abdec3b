/* The player screen: writes a timer state into the server-rendered markup. */
import { announcement, clock, phaseLabel, repsText, sideText, titleOf } from "./phrases.js";
import { t } from "../shared/i18n.js";
import { byId } from "../shared/dom.js";


/* Write text only when it changes. Rewriting the same text still replaces the node:
   the browser lays it out and paints it again, every tick, and a rewrite of the
   server-rendered ready screen would count as a new, later largest paint. */
function put(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export class PlayerView {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.cards = data.cards;
    this.steps = data.steps; // the session's steps (with any swapped-in cards): setSteps()
    this.el = {};
    for (const id of "total notices stage label ex set ring time unit next img cue controls back main done skip end live".split(" ")) {
      this.el[id] = byId(`p-${id}`);
    }
    this.ready = false;
    this.spoken = "";
    this.flashTimer = 0;
  }

  render(s) {
    const { el, root, cards } = this;
    const step = s.step || {};
    const running = s.status === "running" || s.status === "paused";
    root.dataset.phase = s.phase;
    root.dataset.side = s.status === "done" ? "" : step.side || "";
    root.dataset.step = String(s.index);
    root.dataset.remaining = String(s.status === "idle" ? Math.ceil(step.ms / 1000) || 0 : s.seconds);
    el.total.max = Math.round(s.total / 1000) || 1; // a swapped-in card changes the total
    el.total.value = Math.round(s.position / 1000);
    el.stage.hidden = s.status === "done";
    el.controls.hidden = el.stage.hidden;
    if (!el.stage.hidden) this.stage(s, step, running);
    el.main.disabled = !this.ready; // a session needs the late bundle (PlayerController)
    put(el.main, s.status === "idle" ? t("Start") : s.status === "paused" ? t("Resume") : t("Pause"));
    // Done ends any rep step; it is the primary action only when the step waits for it.
    el.done.hidden = step.kind !== "reps" || s.status !== "running";
    el.done.classList.toggle("primary", s.wait);
    el.back.hidden = el.skip.hidden = el.end.hidden = !running;
    const text = s.status === "idle" ? "" : announcement(s, cards);
    // Announce phase changes only; the countdown itself is not live (too chatty).
    const key = `${s.phase}|${s.seq}`;
    if (key !== this.spoken) {
      this.spoken = key;
      el.live.textContent = text;
    }
  }

  stage(s, step, running) {
    const { el, cards } = this;
    const card = cards[step.exercise] || null;
    put(el.label, running ? phaseLabel(s.phase, step) : t("First up"));
    put(el.ex, titleOf(step, cards));
    put(el.set, step.sets > 1 ? t("Set {n} of {total}", { n: step.set, total: step.sets }) : "");
    if (!running) {
      this.time(clock(Math.round(s.total / 1000)));
      put(el.unit, t("total"));
    } else {
      this.time(s.wait ? String(step.reps) : clock(s.seconds));
      // While waiting the count is the big number: the unit is the reps text without it.
      put(el.unit, s.wait ? repsText(step).replace(String(step.reps), "").trim() : step.kind === "reps" ? repsText(step) : "");
    }
    const done = step.ms ? s.elapsed / step.ms : 0;
    el.ring.style.strokeDashoffset = String(s.wait ? 0 : 100 * done);
    put(el.next, running ? this.nextText(s.index) : "");
    put(el.cue, card ? card.cue || "" : "");
    if (card && card.image) {
      if (el.img.getAttribute("src") !== card.image) el.img.src = card.image;
      if (el.img.alt !== (card.image_alt || "")) el.img.alt = card.image_alt || "";
      el.img.hidden = false;
    } else {
      el.img.hidden = true;
    }
  }

  /* The countdown; five characters ("10:00") take a smaller size to fit in the ring. */
  time(text) {
    put(this.el.time, text);
    this.el.time.classList.toggle("long", text.length > 4);
  }

  nextText(index) {
    const steps = this.steps;
    const now = steps[index];
    const next = steps[index + 1];
    if (!next) return t("Last one");
    let what = titleOf(next, this.cards);
    if (next.exercise && next.exercise === now.exercise) {
      const label = next.kind === "hold" || next.kind === "reps" ? sideText(next.side) : phaseLabel(next.kind, next);
      what = label || (next.set > now.set ? t("set {n}", { n: next.set }) : what);
    }
    return t("Next: {what}", { what });
  }

  setSteps(steps) {
    this.steps = steps;
  }

  notice(id, text) {
    let p = byId(`p-notice-${id}`);
    if (!text) return p && p.remove();
    if (!p) {
      p = document.createElement("p");
      p.id = `p-notice-${id}`;
      p.className = "p-notice";
      this.el.notices.append(p);
    }
    p.textContent = text;
  }

  flash() {
    clearTimeout(this.flashTimer);
    this.root.classList.add("flash");
    this.flashTimer = setTimeout(() => this.root.classList.remove("flash"), 400);
  }
}
