/* The session timer: a pure state machine over timestamps, with no DOM access.

   Time is never counted in ticks. The timer keeps when the current step started, and
   state(t) derives everything else from t, so a throttled or frozen tab is right the
   moment it asks again. Steps come from the server (hipapp/plan/sequence.py). A rep step
   counts its reps at its beat (the card's tempo, or the person's rep pace) and moves on
   by itself; one marked `wait` waits for done(t), and done(t) ends any rep step early.
   Only a pause stops the clock: nothing the person is asked (a rating) ever does. */

/* Copy the server's steps, with the lead-in, switch and rep pace of the person's choice. */
export function timedSteps(steps, leadIn, change, repPace) {
  return steps.map((s) => {
    if (s.kind === "reps") {
      const beat = (s.tempo || repPace) * 1000;
      return { ...s, beat, ms: s.reps * beat, wait: !!s.wait };
    }
    const secs = s.kind === "lead-in" ? leadIn : s.kind === "switch" ? change : s.seconds;
    return { ...s, beat: 0, ms: Math.max(0, secs) * 1000, wait: false };
  });
}

export class Timer {
  /* steps: from timedSteps(). */
  constructor(steps) {
    this.steps = steps;
    this.offsets = [];
    let sum = 0;
    for (const s of steps) {
      this.offsets.push(sum);
      sum += s.ms;
    }
    this.total = sum;
    this.index = 0;
    this.status = steps.length ? "idle" : "done";
    this.since = 0; // when the current step started (shifted by pauses)
    this.pausedAt = 0;
    this.seq = 0; // counts step entries, so cues fire once per entry
    this.ranOut = 0; // the seq of the last step that ran to its end (not skipped or Done)
    this.activeMs = 0;
    this.runFrom = 0;
    this.endedAt = 0;
  }

  start(t) {
    this.restore(t, 0, 0, 0);
  }

  /* Resume a saved session at time t: at step `index`, `elapsed` ms into it, with
     `activeMs` of the session already run. */
  restore(t, index, elapsed, activeMs) {
    this.index = Math.min(Math.max(0, index), this.steps.length - 1);
    this.since = t - elapsed;
    this.activeMs = activeMs;
    this.status = "running";
    this.runFrom = t;
    this.seq++;
  }

  pause(t) {
    this.sync(t);
    if (this.status !== "running") return;
    this.status = "paused";
    this.pausedAt = t;
    this.activeMs += t - this.runFrom;
  }

  resume(t) {
    if (this.status !== "paused") return;
    this.since += t - this.pausedAt;
    this.status = "running";
    this.runFrom = t;
  }

  /* Move to the next step now; returns the step that was left (for "skipped"). */
  skip(t) {
    this.sync(t);
    if (this.status === "done" || this.status === "idle") return null;
    const left = this.steps[this.index];
    this.enter(this.index + 1, t);
    return left;
  }

  /* Restart the previous step (the first one restarts itself). */
  back(t) {
    this.sync(t);
    if (this.status === "done" || this.status === "idle") return;
    this.enter(Math.max(0, this.index - 1), t);
  }

  /* Done: the reps are finished (a waiting step's only way on, a counted one's early end). */
  done(t) {
    this.sync(t);
    if (this.status === "running" && this.steps[this.index].kind === "reps") this.enter(this.index + 1, t);
  }

  /* End the session early. */
  end(t) {
    this.sync(t);
    if (this.status === "running") this.activeMs += t - this.runFrom;
    if (this.status !== "done") this.endedAt = t;
    this.status = "done";
  }

  enter(index, t) {
    if (index >= this.steps.length) return this.stop(t);
    this.index = index;
    this.since = t;
    this.seq++;
    if (this.status === "paused") this.pausedAt = t;
  }

  stop(t) {
    if (this.status === "running") this.activeMs += t - this.runFrom;
    this.status = "done";
    this.endedAt = t;
  }

  /* Advance through every step that has ended by time t. */
  sync(t) {
    while (this.status === "running") {
      const step = this.steps[this.index];
      if (step.wait || t < this.since + step.ms) break;
      this.ranOut = this.seq;
      this.enter(this.index + 1, this.since + step.ms);
    }
  }

  /* Everything the screen and the cues need at time t. */
  state(t) {
    this.sync(t);
    const step = this.steps[this.index] || null;
    const ms = step ? step.ms : 0;
    const at = this.status === "paused" ? this.pausedAt : this.status === "done" ? this.endedAt : t;
    const elapsed = this.status === "idle" ? 0 : Math.min(ms, Math.max(0, at - this.since));
    const over = this.status === "done";
    const remaining = over ? 0 : ms - elapsed;
    const wait = !!(step && step.wait) && !over;
    const active = this.activeMs + (this.status === "running" ? t - this.runFrom : 0);
    const phase = { idle: "ready", paused: "paused", done: "done" }[this.status];
    return {
      t,
      index: this.index,
      seq: this.seq,
      ranOut: this.ranOut,
      status: this.status,
      phase: phase || step.kind,
      step,
      wait,
      elapsed,
      remaining,
      seconds: wait ? step.reps : Math.ceil(remaining / 1000),
      position: this.status === "done" ? this.total : (this.offsets[this.index] || 0) + elapsed,
      total: this.total,
      active: this.status === "idle" ? 0 : active,
    };
  }
}

/* The counts of a rep step passed between `from` and `to` ms into it: the end of rep n
   is counted n, the last one too. */
function repCounts(step, from, to) {
  const out = [];
  if (!step || !step.beat || step.wait) return out;
  for (let n = Math.floor(from / step.beat) + 1; n * step.beat <= to && n <= step.reps; n++) out.push({ type: "rep", n });
  return out;
}

/* The cues due between two states of one timer. A long gap (a frozen tab waking up)
   skips what was missed: at most the entry cue of the step it woke up in. */
export function cuesBetween(a, b) {
  const recent = b.t - a.t <= 2500 && a.status === "running";
  // A rep step that ran out (since a) says its last count before whatever comes next.
  const last = recent && b.ranOut === a.seq && a.ranOut !== a.seq ? repCounts(a.step, a.elapsed, a.step.ms) : [];
  if (b.status === "done") return a.status === "done" ? [] : [...last, { type: "done" }];
  if (b.status === "idle") return [];
  if (b.seq !== a.seq) return [...last, { type: "enter", index: b.index }];
  if (b.status !== "running" || !recent) return [];
  const step = b.step;
  const out = [];
  if (!b.wait && b.seconds < a.seconds && b.seconds <= 3 && b.seconds >= 1) {
    out.push({ type: "count", n: b.seconds });
  }
  const half = step.ms / 2;
  if (step.kind === "hold" && step.ms >= 20000 && a.elapsed < half && b.elapsed >= half) {
    out.push({ type: "halfway" });
  }
  return [...out, ...repCounts(step, a.elapsed, b.elapsed)];
}
