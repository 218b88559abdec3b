/* The player: the one module that wires the timer to the screen, cues, storage and device. */
import { Timer, timedSteps, cuesBetween } from "./timer.js";
import { entrySpeech, titleOf, whereText } from "./phrases.js";
import { KEYS, writeJSON } from "../shared/store.js";
import { loadSettings } from "./settings.js";
import { SessionStore } from "./session-store.js";
import { Cues } from "./cues.js";
import { ScreenLock } from "./wake-lock.js";
import { PlayerView } from "./view.js";
import { SettingsPanel, openDialog } from "./settings-panel.js";
import { PainCheck } from "./pain-check.js";
import { afterShown } from "../shared/after-shown.js";
import { byId } from "../shared/dom.js";


/* Indices of steps that end an exercise with a pain limit: the pain check follows them. */
export function painGates(steps, cards) {
  const out = [];
  steps.forEach((s, i) => {
    const card = s.exercise && cards[s.exercise];
    const next = steps[i + 1];
    if (card && card.pain_limit != null && (!next || next.exercise !== s.exercise)) out.push(i);
  });
  return out;
}

function day(d) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/* Once the page has shown: the site's worker and update banner (data-site), and the
   log and summary bundle (data-late) that a session needs only when it ends. */
function lateLoader(root) {
  const bundle = (name) => import(new URL(root.dataset[name], document.baseURI).href);
  let pending = null;
  const load = () => (pending = pending || bundle("late"));
  const start = () => {
    load();
    bundle("site").catch(() => {
      /* Without the worker the player still runs online; nothing to tell the user. */
    });
  };
  afterShown(start);
  return load;
}

function boot(root) {
  const late = lateLoader(root);
  const data = JSON.parse(byId("player-data").textContent);
  const cards = data.cards;
  const { settings, problem } = loadSettings();
  const store = new SessionStore(location.pathname, data.steps.length, data.total);
  const view = new PlayerView(root, data);
  const cues = new Cues(settings, () => view.flash());
  const lock = new ScreenLock((held) => view.notice("lock", held ? "" : "Screen may sleep: keep it awake manually."));
  const now = () => Date.now();
  let timer = build(settings.leadIn, settings.switch);
  let last = timer.state(now());
  let tick = 0;
  let run = null; // {started, skipped:Set, pain:[], leadIn, switch} once a session starts

  function build(leadIn, change) {
    const steps = timedSteps(data.steps, leadIn, change);
    return new Timer(steps, settings.pain ? painGates(steps, cards) : []);
  }

  function update() {
    clearTimeout(tick);
    const s = timer.state(now());
    for (const c of cuesBetween(last, s)) cue(c, s);
    last = s;
    view.render(s);
    if (s.status === "done") return finish(s, true);
    if (run) save(s);
    if (s.status === "running" && !s.wait && !s.gate) tick = setTimeout(update, s.remaining % 1000 || 1000);
  }

  function cue(c, s) {
    const step = s.step;
    if (c.type === "count") return cues.beep(660, 120);
    if (c.type === "halfway") return cues.say("Halfway");
    if (c.type === "rep") return cues.say(String(c.n));
    cues.buzz(c.type === "enter" ? 200 : [200, 100, 200]);
    cues.flash();
    if (c.type === "enter") {
      cues.beep(990, 250);
      cues.say(entrySpeech(step, timer.steps[s.index + 1], cards));
      setMedia(titleOf(step, cards));
    } else if (c.type === "pain") {
      cues.say("Rate your discomfort");
      pain.show(titleOf(step, cards));
    } else if (c.type === "done") {
      cues.beep(990, 400);
      cues.say("Session complete");
    }
  }

  function save(s) {
    if (s.status === "idle") return;
    const { started, skipped, pain, leadIn } = run;
    store.save({ index: s.index, elapsed: s.elapsed, gate: s.gate, active: s.active, leadIn, switch: run.switch, started, skipped: [...skipped], pain });
  }

  /* Begin (or resume) inside the user's tap: audio and speech unlock only there. */
  function begin(session) {
    cues.unlock();
    lock.acquire();
    view.notice("problem", "");
    byId("p-offer").hidden = true;
    const src = session || { index: 0, elapsed: 0, gate: false, active: 0, leadIn: settings.leadIn, switch: settings.switch, started: new Date(now()).toISOString(), skipped: [], pain: [] };
    run = { started: src.started, skipped: new Set(src.skipped), pain: src.pain, leadIn: src.leadIn, switch: src.switch };
    timer = build(src.leadIn, src.switch);
    last = timer.state(now());
    timer.start(now(), src.index, src.elapsed, src.gate && timer.gates.has(src.index));
    timer.activeMs = src.active;
    update();
  }

  function finish(s, completed) {
    clearTimeout(tick);
    lock.release();
    view.notice("lock", "");
    if (!run) return;
    const reached = s.status === "done" && completed ? timer.steps.length : s.gate ? s.index + 1 : s.index;
    const lastIndex = {};
    timer.steps.forEach((st, i) => st.exercise && (lastIndex[st.exercise] = i));
    const order = Object.keys(lastIndex);
    const ended = new Date(now());
    const entry = {
      id: `${run.started}-${Math.random().toString(36).slice(2, 8)}`,
      date: day(new Date(run.started)),
      started: run.started,
      ended: ended.toISOString(),
      routine: root.dataset.routine,
      title: data.title,
      program: data.program ? data.program.slug : null,
      day: data.program ? data.program.day : null,
      duration: Math.round(s.active / 1000),
      completed,
      done: order.filter((x) => lastIndex[x] < reached && !run.skipped.has(x)),
      skipped: order.filter((x) => run.skipped.has(x)),
      pain: run.pain,
    };
    run = null;
    store.clear();
    late()
      .then(({ recordSession, Summary }) => {
        new Summary(byId("p-summary"), cards).show(entry, recordSession(entry));
        if (completed) document.dispatchEvent(new CustomEvent("hipapp:session-complete"));
      })
      .catch(() => view.notice("lock", "This session could not be saved to your history."));
  }

  const act = (fn) => () => {
    if (timer.status === "idle") return begin(null);
    fn(now());
    update();
  };
  const toggle = act((t) => (timer.status === "paused" ? timer.resume(t) : timer.pause(t)));
  const skip = act((t) => {
    const left = timer.skip(t);
    if (left && left.exercise && (left.kind === "hold" || left.kind === "reps")) run.skipped.add(left.exercise);
  });
  const back = act((t) => timer.back(t));

  function setMedia(title) {
    try {
      if (!navigator.mediaSession || typeof window.MediaMetadata !== "function") return;
      navigator.mediaSession.metadata = new MediaMetadata({ title, artist: data.title });
    } catch {
      // media controls are a bonus
    }
  }
  try {
    for (const [action, fn] of [
      ["play", () => timer.status === "paused" && toggle()],
      ["pause", () => timer.status === "running" && toggle()],
    ]) {
      if (navigator.mediaSession) navigator.mediaSession.setActionHandler(action, fn);
    }
  } catch {
    // unsupported action
  }

  const pain = new PainCheck(
    byId("p-pain"),
    (rating) => {
      const slug = last.step.exercise;
      const card = cards[slug];
      if (rating === null) return pain.close(proceed);
      run.pain.push({ exercise: slug, rating, limit: card.pain_limit });
      if (rating <= card.pain_limit) return pain.close(proceed);
      const text = `That is above ${card.pain_limit} of 10. Ease off: move less far or more slowly` + (card.easier_title ? ", or try " + card.easier_title : "") + ".";
      cues.say(text);
      pain.advise(text, card.easier_title, card.easier_url);
      save(last);
    },
    proceed,
  );
  function proceed() {
    timer.done(now());
    update();
    byId("p-main").focus();
  }

  new SettingsPanel(byId("p-settings"), byId("p-open-settings"), settings, () => {
    writeJSON(KEYS.settings, settings);
    if (timer.status !== "done") timer.gates = new Set(settings.pain ? painGates(timer.steps, cards) : []);
  });

  byId("p-main").addEventListener("click", toggle);
  byId("p-skip").addEventListener("click", skip);
  byId("p-back").addEventListener("click", back);
  byId("p-done").addEventListener("click", act((t) => timer.done(t)));
  byId("p-stage").addEventListener("click", () => timer.status !== "idle" && toggle());
  const confirm = byId("p-confirm");
  byId("p-end").addEventListener("click", () => {
    if (typeof confirm.showModal !== "function") return window.confirm("End this session?") && end();
    openDialog(confirm);
  });
  // Act on the form's submit, within the tap (the dialog's close event comes later); close
  // first, so the dialog's focus restore happens before the summary takes focus.
  confirm.querySelector("form").addEventListener("submit", (e) => {
    if (!e.submitter || e.submitter.value !== "end") return;
    e.preventDefault();
    if (confirm.open) confirm.close();
    end();
  });
  function end() {
    timer.end(now());
    last = timer.state(now());
    view.render(last);
    finish(last, false);
  }

  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest("input, select, textarea, dialog")) return;
    if (timer.status === "done" || last.gate) return;
    if (e.key === " " && !e.target.closest("button, a")) toggle();
    else if (e.key === "ArrowRight" && timer.status !== "idle") skip();
    else if (e.key === "ArrowLeft" && timer.status !== "idle") back();
    else return;
    e.preventDefault();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return last.status !== "idle" && run && save(timer.state(now()));
    if (timer.status === "running") lock.acquire();
    update();
  });

  if (problem) view.notice("settings", problem);
  const saved = store.load();
  if (saved.problem) view.notice("problem", saved.problem);
  if (saved.session) {
    const s = saved.session;
    const steps = timedSteps(data.steps, s.leadIn, s.switch);
    byId("p-offer-text").textContent = `Resume at ${whereText(steps[s.index], s.elapsed, s.gate, cards)}?`;
    byId("p-offer").hidden = false;
    byId("p-resume").addEventListener("click", () => begin(s));
    byId("p-restart").addEventListener("click", () => {
      store.clear();
      byId("p-offer").hidden = true;
    });
  }
  update();
}

const root = byId("player");
if (root && byId("player-data")) boot(root);
