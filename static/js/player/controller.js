/* The player: the one class that wires the timer to the screen, cues, storage and device.
   The timer knows nothing but time; each component knows only its own part of the page;
   this controller turns taps, keys and timer states into calls on them. */
import { byId } from "../shared/dom.js";
import { afterShown } from "../shared/after-shown.js";
import { t } from "../shared/i18n.js";
import { KEYS, writeJSON } from "../shared/store.js";
import { Timer, timedSteps, cuesBetween } from "./timer.js";
import { painGates } from "./pain-gates.js";
import { entrySpeech, painAdvice, titleOf, whereText } from "./phrases.js";
import { loadSettings } from "./settings.js";
import { SessionStore } from "./session-store.js";
import { Cues } from "./cues.js";
import { ScreenLock } from "./wake-lock.js";
import { MediaControls } from "./media-session.js";
import { listenToKeys } from "./keyboard.js";
import { PlayerView } from "./view.js";
import { SettingsPanel, openDialog } from "./settings-panel.js";
import { PainCheck } from "./pain-check.js";

/* Once the page has shown: the site's worker and update banner (data-site), and the
   bundle a session needs only when it ends (data-late: the log entry, log and summary). */
function lateLoader(root) {
  const bundle = (name) => import(new URL(root.dataset[name], document.baseURI).href);
  let pending = null;
  const load = () => (pending = pending || bundle("late"));
  afterShown(() => {
    load();
    bundle("site").catch(() => {
      /* Without the worker the player still runs online; nothing to tell the user. */
    });
  });
  return load;
}

export class PlayerController {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.cards = data.cards;
    this.late = lateLoader(root);
    const { settings, problem } = loadSettings(data.timing);
    this.settings = settings;
    // A plan's player is one page for every plan and day: each keeps its own session.
    this.store = new SessionStore((data.plan || location).pathname, data.steps.length, data.total);
    this.view = new PlayerView(root, data);
    this.cues = new Cues(settings, () => this.view.flash());
    this.lock = new ScreenLock((held) => this.view.notice("lock", held ? "" : t("Screen may sleep: keep it awake manually.")));
    this.timer = this.build(settings.leadIn, settings.switch);
    this.last = this.timer.state(Date.now());
    this.tick = 0;
    this.run = null; // {started, skipped: Set, pain: [], leadIn, switch} once a session starts
    this.pain = new PainCheck(byId("p-pain"), (rating) => this.rate(rating), () => this.proceed());
    this.media = new MediaControls(data.title, {
      play: () => this.timer.status === "paused" && this.toggle(),
      pause: () => this.timer.status === "running" && this.toggle(),
      nexttrack: () => this.started() && this.skip(),
      previoustrack: () => this.started() && this.back(),
    });
    new SettingsPanel(byId("p-settings"), byId("p-open-settings"), settings, () => this.changed());
    this.wire();
    if (problem) this.view.notice("settings", problem);
    this.offerResume();
    this.update();
  }

  build(leadIn, change) {
    const steps = timedSteps(this.data.steps, leadIn, change);
    return new Timer(steps, this.settings.pain ? painGates(steps, this.cards) : []);
  }

  /* Running or paused, and not waiting at the pain check: Skip and Back make sense. */
  started() {
    const status = this.timer.status;
    return (status === "running" || status === "paused") && !this.last.gate;
  }

  wire() {
    const click = (id, handler) => byId(id).addEventListener("click", handler);
    click("p-main", () => this.toggle());
    click("p-skip", () => this.skip());
    click("p-back", () => this.back());
    click("p-done", () => this.act((now) => this.timer.done(now)));
    click("p-stage", () => this.timer.status !== "idle" && this.toggle());
    const confirm = byId("p-confirm");
    click("p-end", () => {
      if (typeof confirm.showModal !== "function") return window.confirm(t("End this session?")) && this.end();
      openDialog(confirm);
    });
    // Act on the form's submit, within the tap (the dialog's close event comes later); close
    // first, so the dialog's focus restore happens before the summary takes focus.
    confirm.querySelector("form").addEventListener("submit", (e) => {
      if (!e.submitter || e.submitter.value !== "end") return;
      e.preventDefault();
      if (confirm.open) confirm.close();
      this.end();
    });
    listenToKeys(document, () => ({ status: this.timer.status, gate: this.last.gate }), {
      toggle: () => this.toggle(),
      skip: () => this.skip(),
      back: () => this.back(),
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "visible") {
        if (this.last.status !== "idle" && this.run) this.save(this.timer.state(Date.now()));
        return;
      }
      if (this.timer.status === "running") this.lock.acquire();
      this.update();
    });
  }

  /* A saved, unfinished session of this routine: offer to resume it where it stopped. */
  offerResume() {
    const saved = this.store.load();
    if (saved.problem) this.view.notice("problem", saved.problem);
    const s = saved.session;
    if (!s) return;
    const steps = timedSteps(this.data.steps, s.leadIn, s.switch);
    byId("p-offer-text").textContent = t("Resume at {place}?", { place: whereText(steps[s.index], s.elapsed, s.gate, this.cards) });
    byId("p-offer").hidden = false;
    byId("p-resume").addEventListener("click", () => this.begin(s));
    byId("p-restart").addEventListener("click", () => {
      this.store.clear();
      byId("p-offer").hidden = true;
    });
  }

  update() {
    clearTimeout(this.tick);
    const s = this.timer.state(Date.now());
    for (const c of cuesBetween(this.last, s)) this.cue(c, s);
    this.last = s;
    this.view.render(s);
    if (s.status === "done") return this.finish(s, true);
    if (this.run) this.save(s);
    if (s.status === "running" && !s.wait && !s.gate) this.tick = setTimeout(() => this.update(), s.remaining % 1000 || 1000);
  }

  cue(c, s) {
    const { cues, cards } = this;
    const step = s.step;
    if (c.type === "count") return cues.beep(660, 120);
    if (c.type === "halfway") return cues.say(t("Halfway"));
    if (c.type === "rep") return cues.say(String(c.n));
    cues.buzz(c.type === "enter" ? 200 : [200, 100, 200]);
    cues.flash();
    if (c.type === "enter") {
      cues.beep(990, 250);
      cues.say(entrySpeech(step, this.timer.steps[s.index + 1], cards));
      this.media.show(titleOf(step, cards));
    } else if (c.type === "pain") {
      cues.say(t("Rate your discomfort"));
      this.pain.show(titleOf(step, cards));
    } else if (c.type === "done") {
      cues.beep(990, 400);
      cues.say(t("Session complete"));
    }
  }

  save(s) {
    if (s.status === "idle") return;
    const { started, skipped, pain, leadIn } = this.run;
    this.store.save({ index: s.index, elapsed: s.elapsed, gate: s.gate, active: s.active, leadIn, switch: this.run.switch, started, skipped: [...skipped], pain });
  }

  /* Begin (or resume) inside the user's tap: audio and speech unlock only there. */
  begin(session) {
    const now = Date.now();
    this.cues.unlock();
    this.lock.acquire();
    this.view.notice("problem", "");
    byId("p-offer").hidden = true;
    const { settings } = this;
    const src = session || { leadIn: settings.leadIn, switch: settings.switch, started: new Date(now).toISOString(), skipped: [], pain: [] };
    this.run = { started: src.started, skipped: new Set(src.skipped), pain: src.pain, leadIn: src.leadIn, switch: src.switch };
    this.timer = this.build(src.leadIn, src.switch);
    this.last = this.timer.state(now);
    if (session) this.timer.restore(now, session.index, session.elapsed, session.gate, session.active);
    else this.timer.start(now);
    this.update();
  }

  /* The session is over (completed, or ended early): record it and show the summary. */
  finish(s, completed) {
    clearTimeout(this.tick);
    this.lock.release();
    this.view.notice("lock", "");
    const run = this.run;
    if (!run) return;
    this.run = null;
    this.store.clear();
    const ended = new Date(Date.now());
    const { steps } = this.timer;
    const salt = Math.random().toString(36).slice(2, 8);
    this.late()
      .then(({ logEntry, recordSession, Summary }) => {
        const entry = logEntry({ run, state: s, steps, data: this.data, routine: this.root.dataset.routine, completed, ended, salt });
        new Summary(byId("p-summary"), this.cards).show(entry, recordSession(entry));
        if (completed) document.dispatchEvent(new CustomEvent("hipapp:session-complete"));
      })
      .catch(() => this.view.notice("lock", t("This session could not be saved to your history.")));
  }

  /* A control's action on the timer, then the screen; the first tap starts the session. */
  act(fn) {
    if (this.timer.status === "idle") return this.begin(null);
    fn(Date.now());
    this.update();
  }

  toggle() {
    this.act((now) => (this.timer.status === "paused" ? this.timer.resume(now) : this.timer.pause(now)));
  }

  skip() {
    this.act((now) => {
      const left = this.timer.skip(now);
      if (left && left.exercise && (left.kind === "hold" || left.kind === "reps")) this.run.skipped.add(left.exercise);
    });
  }

  back() {
    this.act((now) => this.timer.back(now));
  }

  end() {
    const now = Date.now();
    this.timer.end(now);
    this.last = this.timer.state(now);
    this.view.render(this.last);
    this.finish(this.last, false);
  }

  /* The pain check's answer: null when skipped. Above the card's limit, advise first. */
  rate(rating) {
    const slug = this.last.step.exercise;
    const card = this.cards[slug];
    if (rating === null) return this.pain.close(() => this.proceed());
    this.run.pain.push({ exercise: slug, rating, limit: card.pain_limit });
    if (rating <= card.pain_limit) return this.pain.close(() => this.proceed());
    const text = painAdvice(card);
    this.cues.say(text);
    this.pain.advise(text, card.easier_title, card.easier_url);
    this.save(this.last);
  }

  proceed() {
    this.timer.done(Date.now());
    this.update();
    byId("p-main").focus();
  }

  /* Settings apply at once; the pain checks of a running session follow the switch. */
  changed() {
    writeJSON(KEYS.settings, this.settings);
    const { timer } = this;
    if (timer.status !== "done") timer.setGates(this.settings.pain ? painGates(timer.steps, this.cards) : []);
  }
}
