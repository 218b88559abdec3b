/* The player: the one class that wires the timer to the screen, cues, storage and device.
   The timer knows nothing but time; each component knows only its own part of the page;
   this controller turns taps, keys and timer states into calls on them.

   Hands-free by design: a link ending in #start begins the session on arrival, reps are
   counted at their pace, and nothing the player asks (a rating, a swap) stops the clock. */
import { byId } from "../shared/dom.js";
import { afterShown } from "../shared/after-shown.js";
import { t } from "../shared/i18n.js";
import { KEYS, writeJSON } from "../shared/store.js";
import { Timer, timedSteps, cuesBetween } from "./timer.js";
import { swappedSteps } from "./swaps.js";
import { titleOf, whereText } from "./phrases.js";
import { loadSettings } from "./settings.js";
import { SessionStore } from "./session-store.js";
import { Sound } from "./sound.js";
import { listenToKeys } from "./keyboard.js";
import { PlayerView } from "./view.js";

/* The stylesheet at `href`, added to the page; resolves once it applies (or failed). */
function stylesheet(href) {
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href, onload: resolve, onerror: resolve });
    document.head.append(link);
  });
}

/* Once the page has shown: the site's worker and update banner (data-site), and what the
   player needs after its first screen (data-late, with its stylesheet data-late-css: see
   late.js). {load, shown}: load() gets the late bundle at once (and only once), shown
   resolves with it after the first paint; onLoad(late) comes first, once. */
function lateLoader(root, onLoad) {
  const url = (name) => new URL(root.dataset[name], document.baseURI).href;
  let pending = null;
  const load = () => (pending = pending || Promise.all([import(url("late")), stylesheet(url("lateCss"))]).then(([late]) => (onLoad(late), late)));
  const shown = new Promise((resolve) => afterShown(() => {
    resolve(load());
    import(url("site")).catch(() => {
      /* Without the worker the player still runs online; nothing to tell the user. */
    });
  }));
  return { load, shown };
}

export class PlayerController {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.cards = data.cards;
    // The cards that may play in another's place, with their steps (none where the page
    // builds its data itself and has none to offer).
    this.swaps = data.swaps || {};
    const late = lateLoader(root, (m) => this.withLate(m));
    this.late = late.load;
    const { settings, problem } = loadSettings(data.timing);
    this.settings = settings;
    this.taken = {}; // swaps accepted on the ready screen: {card: card played instead}
    // A plan's player is one page for every plan and day: each keeps its own session.
    this.store = new SessionStore((data.plan || location).pathname, data.steps.length, data.total, (swaps) =>
      Object.values(swaps).every((to) => this.swaps[to]) ? swappedSteps(data.steps, swaps, this.swaps).length : -1);
    this.view = new PlayerView(root, data);
    this.sound = new Sound(settings, () => (byId("p-sound").hidden = true));
    // The late bundle, once in (withLate): a session begins only then, as its cues, screen
    // lock, media controls and End come with it.
    this.m = null;
    this.cues = null;
    this.lock = null;
    this.media = null;
    this.timer = this.build(settings);
    this.last = this.timer.state(Date.now());
    this.tick = 0;
    this.run = null; // {started, skipped: Set, pain: [], asked: Set, swaps, ...} once a session starts
    this.onTheWay = null; // pain_check: after_each, once the late bundle is in
    this.wire();
    if (problem) this.view.notice("settings", problem);
    const resumable = this.offerResume();
    this.update();
    const start = location.hash === "#start";
    const offered = (start ? this.late() : late.shown).then((m) => (resumable ? 0 : this.offerSwaps(m)), () => {
      this.view.notice("problem", t("The player could not load everything it needs. Reload the page to try again."));
      return -1;
    });
    // One tap from a link: "…/play/#start" begins at once, unless there is a choice to make
    // first (an unfinished session to resume, or a card to swap), so it waits for the offers
    // (and a session needs their bundle anyway).
    if (start) {
      history.replaceState(null, "", location.pathname + location.search);
      if (!resumable) offered.then((offers) => offers || this.timer.status !== "idle" || this.begin(null, false));
    }
  }

  /* What the late bundle brings once it is in: the settings dialog, the cues, End, the
     screen lock and the media controls; then Start is enabled. */
  withLate(m) {
    this.m = m;
    this.cues = new m.Cues(this.settings, this.sound, () => this.view.flash(), (id, text) => this.view.notice(id, text));
    Object.assign(this, m.wireSessionControls(this));
    new m.SettingsPanel(byId("p-settings"), byId("p-open-settings"), this.settings, () => writeJSON(KEYS.settings, this.settings));
    this.view.ready = true;
    this.view.render(this.last);
  }

  /* The session's timer: the page's steps with any swapped cards, at the given timings. */
  build({ leadIn, switch: change, repPace }, swaps = this.taken) {
    const steps = timedSteps(swappedSteps(this.data.steps, swaps, this.swaps), leadIn, change, repPace);
    this.view.setSteps(steps);
    return new Timer(steps);
  }

  wire() {
    const click = (id, handler) => byId(id).addEventListener("click", handler);
    click("p-main", () => this.toggle());
    click("p-skip", () => this.skip());
    click("p-back", () => this.back());
    click("p-done", () => this.act((now) => this.timer.done(now)));
    click("p-stage", () => this.timer.status !== "idle" && this.toggle());
    listenToKeys(document, () => ({ status: this.timer.status }), {
      toggle: () => this.toggle(),
      skip: () => this.skip(),
      back: () => this.back(),
    });
  }

  /* A saved, unfinished session of this routine: offer to resume it where it stopped, or
     to start over (which starts the session anew). True when there is one. */
  offerResume() {
    const saved = this.store.load();
    if (saved.problem) this.view.notice("problem", saved.problem);
    const s = saved.session;
    if (!s) return false;
    const steps = timedSteps(swappedSteps(this.data.steps, s.swaps || {}, this.swaps), s.leadIn, s.switch, s.repPace || this.settings.repPace);
    byId("p-offer-text").textContent = t("Resume at {place}?", { place: whereText(steps[s.index], s.elapsed, this.cards) });
    byId("p-offer").hidden = false;
    byId("p-resume").addEventListener("click", () => this.begin(s, true));
    byId("p-restart").addEventListener("click", () => {
      this.store.clear();
      this.begin(null, true);
    });
    return true;
  }

  /* Easier next time, harder once it is easy: each card's offer on the ready screen, one
     tap to accept. Returns how many there are (none once a session has begun). */
  offerSwaps(late) {
    if (this.timer.status !== "idle") return 0;
    const program = this.data.program;
    const { steps } = this.data;
    const at = { routine: this.root.dataset.routine, program: program ? program.slug : null, steps, cards: this.cards, swaps: this.swaps };
    return late.showSwapOffers(byId("p-swaps"), at, (offer) => this.take(offer));
  }

  /* Play offer.to in offer.from's place; only before the session begins. */
  take(offer) {
    if (this.timer.status !== "idle") return false;
    this.taken = { ...this.taken, [offer.from]: offer.to };
    this.timer = this.build(this.settings);
    this.last = this.timer.state(Date.now());
    this.update();
    return true;
  }

  update() {
    clearTimeout(this.tick);
    const s = this.timer.state(Date.now());
    for (const c of cuesBetween(this.last, s)) this.cue(c, s);
    this.last = s;
    this.view.render(s);
    if (s.status === "done") return this.finish(s, true);
    if (this.run) this.save(s);
    if (s.status === "running" && !s.wait) this.tick = setTimeout(() => this.update(), s.remaining % 1000 || 1000);
  }

  cue(c, s) {
    const { cues, cards, m } = this;
    const step = s.step;
    if (c.type === "count") return cues.beep(660, 120);
    if (c.type === "halfway") return cues.say(t("Halfway"));
    if (c.type === "rep") return cues.say(String(c.n), { timed: true });
    cues.buzz(c.type === "enter" ? 200 : [200, 100, 200]);
    cues.flash();
    if (c.type === "enter") {
      cues.beep(990, 250);
      for (const sentence of m.entrySpeech(step, this.timer.steps[s.index + 1], cards)) cues.say(sentence);
      this.media.show(titleOf(step, cards));
      this.askOnTheWay(s.index);
    } else if (c.type === "done") {
      cues.beep(990, 400);
      cues.say(m.completeSpeech(Math.round(s.active / 1000)));
    }
  }

  /* pain_check: after_each: step `index` has begun (-1: the session is over), and the
     exercise just done may be rated while the timer runs on (rating-on-the-way.js). */
  askOnTheWay(index) {
    if (this.data.pain_check !== "after_each" || !this.settings.pain) return;
    const { run } = this;
    const { steps } = this.timer;
    this.late().then((m) => {
      this.onTheWay = this.onTheWay || new m.RatingOnTheWay(byId("p-pain"), byId("p-pain-list"), this.cards, (slug, rating, advice) => this.rate(slug, rating, advice));
      this.onTheWay.at(steps, index, run);
    }).catch(() => {});
  }

  rate(slug, rating, advice) {
    if (!this.run) return;
    this.run.pain = [...this.run.pain.filter((p) => p.exercise !== slug), { exercise: slug, rating, limit: this.cards[slug].pain_limit }];
    if (advice) this.cues.say(advice);
    this.save(this.last);
  }

  save(s) {
    if (s.status === "idle") return;
    const { started, skipped, pain, leadIn, repPace, taken } = this.run;
    this.store.save({ index: s.index, elapsed: s.elapsed, active: s.active, leadIn, switch: this.run.switch, repPace, started, skipped: [...skipped], pain, swaps: taken });
  }

  /* Begin (or resume). From a tap, audio and speech unlock here; on arrival from a link the
     device may want a tap on the page first, and the player asks for one. */
  begin(session, tapped) {
    this.sound.unlock();
    if (!this.m) return void this.late().then(() => this.begin(session, tapped), () => {});
    const now = Date.now();
    if (!tapped && this.sound.locked()) byId("p-sound").hidden = false;
    this.lock.acquire();
    this.view.notice("problem", "");
    byId("p-offer").hidden = true;
    byId("p-swaps").hidden = true; // an offer not taken by now is not taken
    const { settings } = this;
    const src = session || { leadIn: settings.leadIn, switch: settings.switch, repPace: settings.repPace, started: new Date(now).toISOString(), skipped: [], pain: [], swaps: this.taken };
    const taken = src.swaps || {};
    // The log records each swap, and whether the card played was the easier or the harder.
    const swaps = Object.entries(taken).map(([from, to]) => ({ from, to, why: (this.cards[from] || {}).harder === to ? "harder" : "easier" }));
    this.run = {
      started: src.started, skipped: new Set(src.skipped), pain: src.pain, asked: new Set(), leadIn: src.leadIn, switch: src.switch,
      repPace: src.repPace || settings.repPace, taken, swaps,
    };
    this.timer = this.build({ leadIn: src.leadIn, switch: src.switch, repPace: this.run.repPace }, taken);
    this.last = this.timer.state(now);
    if (session) this.timer.restore(now, session.index, session.elapsed, session.active);
    else this.timer.start(now);
    this.update();
  }

  /* The session is over (completed, or ended early): record it and show the summary, which
     asks about each exercise not rated on the way (unless the check is switched off). */
  finish(s, completed) {
    clearTimeout(this.tick);
    this.lock.release();
    this.view.notice("lock", "");
    this.askOnTheWay(-1);
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
        const rate = this.settings.pain ? entry.done.filter((slug) => !run.asked.has(slug)) : [];
        const summary = new Summary(byId("p-summary"), this.cards, { save: recordSession, advise: (text) => this.cues.say(text) });
        summary.show(entry, { program: this.data.program, rate });
        if (completed) document.dispatchEvent(new CustomEvent("hipapp:session-complete"));
      })
      .catch(() => this.view.notice("lock", t("This session could not be saved to your history.")));
  }

  /* A control's action on the timer, then the screen; the first tap starts the session. */
  act(fn) {
    if (this.timer.status === "idle") return this.begin(null, true);
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
}
