/* The player screen: writes a timer state into the server-rendered markup. */
import { announcement, clock, phaseLabel, repsText, sideText, titleOf } from "./phrases.js";
import { t } from "../shared/i18n.js";
import { byId } from "../shared/dom.js";


/* Set a property only when it changes: `hidden = true` on a hidden element, for one,
   still makes the browser recalculate its style (and the :has() rules that look at it). */
function set(node, key, value) {
  if (node[key] !== value) node[key] = value;
}

/* Write text only when it changes, and into the text node that is there (the nodes it
   writes hold text only): rewriting the same text, or replacing the node (textContent),
   makes the browser lay out and paint again, and a new node makes it recalculate style
   (base.css's body:has() watches every insertion), every tick; a rewrite of the
   server-rendered ready screen would count as a new, later largest paint. */
function put(node, text) {
  const c = node.firstChild;
  c && text ? set(c, "data", text) : set(node, "textContent", text);
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
    const { el, cards } = this;
    const step = s.step || {};
    const running = s.status === "running" || s.status === "paused";
    const data = this.root.dataset;
    data.phase = s.phase;
    data.side = s.status === "done" ? "" : step.side || "";
    data.step = String(s.index);
    data.remaining = String(s.status === "idle" ? Math.ceil(step.ms / 1000) || 0 : s.seconds);
    el.total.max = Math.round(s.total / 1000) || 1; // a swapped-in card changes the total
    el.total.value = Math.round(s.position / 1000);
    el.stage.hidden = el.controls.hidden = s.status === "done";
    if (!el.stage.hidden) this.stage(s, step, running);
    el.main.disabled = !this.ready; // a session needs the late bundle (PlayerController)
    put(el.main, s.status === "idle" ? t("Start") : s.status === "paused" ? t("Resume") : t("Pause"));
    // Done ends any rep step; it is the primary action only when the step waits for it.
    set(el.done, "hidden", step.kind !== "reps" || s.status !== "running");
    el.done.classList.toggle("primary", s.wait);
    el.back.hidden = el.skip.hidden = el.end.hidden = !running;
    // Announce phase changes only; the countdown itself is not live (too chatty).
    const key = `${s.phase}|${s.seq}`;
    if (key !== this.spoken) {
      this.spoken = key;
      el.live.textContent = s.status === "idle" ? "" : announcement(s, cards);
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
    el.ring.style.strokeDashoffset = s.wait || !step.ms ? 0 : (100 * s.elapsed) / step.ms;
    put(el.next, running ? this.nextText(s.index) : "");
    put(el.cue, card ? card.cue || "" : "");
    const img = card && card.image;
    if (img) {
      if (el.img.getAttribute("src") !== img) el.img.src = img;
      set(el.img, "alt", card.image_alt || "");
    }
    el.img.hidden = !img;
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
