/* The session timer: a pure state machine over timestamps, with no DOM access.

   Time is never counted in ticks. The timer keeps when the current step started, and
   state(t) derives everything else from t, so a throttled or frozen tab is right the
   moment it asks again. Steps come from the server (hipapp/plan/sequence.py). A rep step
   without a tempo waits for done(t); a "gate" after a step (the pain check) holds the
   timer in phase "pain" until done(t). */

const WAIT = "reps";

/* Copy the server's steps, with lead-in and switch lengths set to the user's choice. */
export function timedSteps(steps, leadIn, change) {
  return steps.map((s) => {
    const secs = s.kind === "lead-in" ? leadIn : s.kind === "switch" ? change : s.seconds;
    return { ...s, ms: Math.max(0, secs) * 1000, wait: s.kind === WAIT && !s.tempo };
  });
}

export class Timer {
  /* steps: from timedSteps(); gates: indices of steps followed by a pain check. */
  constructor(steps, gates = []) {
    this.steps = steps;
    this.setGates(gates);
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
    this.gate = false;
    this.seq = 0; // counts step entries, so cues fire once per entry
    this.activeMs = 0;
    this.runFrom = 0;
    this.endedAt = 0;
  }

  /* Which steps are followed by a pain check: a setting that may change mid-session. */
  setGates(indices) {
    this.gates = new Set(indices);
  }

  start(t) {
    this.restore(t, 0, 0, false, 0);
  }

  /* Resume a saved session at time t: at step `index`, `elapsed` ms into it or waiting at
     its gate (when that step still has one), with `activeMs` of the session already run. */
  restore(t, index, elapsed, gate, activeMs) {
    this.index = Math.min(Math.max(0, index), this.steps.length - 1);
    this.since = t - elapsed;
    this.gate = gate && this.gates.has(this.index);
    this.activeMs = activeMs;
    this.status = "running";
    this.runFrom = t;
    this.seq++;
  }

  pause(t) {
    this.sync(t);
    if (this.status !== "running" || this.gate) return;
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
    this.gate = false;
    this.enter(this.index + 1, t);
    return left;
  }

  /* Restart the previous step (the first one restarts itself). */
  back(t) {
    this.sync(t);
    if (this.status === "done" || this.status === "idle") return;
    this.gate = false;
    this.enter(Math.max(0, this.index - 1), t);
  }

  /* Finish a waiting rep step, or pass the pain-check gate. */
  done(t) {
    this.sync(t);
    if (this.status !== "running") return;
    if (this.gate) {
      this.gate = false;
      this.enter(this.index + 1, t);
    } else if (this.steps[this.index].wait) {
      this.finish(t);
    }
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

  finish(at) {
    if (this.gates.has(this.index)) this.gate = true;
    else this.enter(this.index + 1, at);
  }

  /* Advance through every step that has ended by time t. */
  sync(t) {
    while (this.status === "running" && !this.gate) {
      const step = this.steps[this.index];
      if (step.wait || t < this.since + step.ms) break;
      this.finish(this.since + step.ms);
    }
  }

  /* Everything the screen and the cues need at time t. */
  state(t) {
    this.sync(t);
    const step = this.steps[this.index] || null;
    const ms = step ? step.ms : 0;
    const at = this.status === "paused" ? this.pausedAt : this.status === "done" ? this.endedAt : t;
    const elapsed = this.status === "idle" ? 0 : Math.min(ms, Math.max(0, at - this.since));
    const over = this.gate || this.status === "done";
    const remaining = over ? 0 : ms - elapsed;
    const wait = !!(step && step.wait) && !over;
    const active = this.activeMs + (this.status === "running" ? t - this.runFrom : 0);
    const phase = { idle: "ready", paused: "paused", done: "done" }[this.status];
    return {
      t,
      index: this.index,
      seq: this.seq,
      status: this.status,
      phase: phase || (this.gate ? "pain" : step.kind),
      step,
      gate: this.gate,
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

/* The cues due between two states of one timer. A long gap (a frozen tab waking up)
   skips what was missed: at most the entry cue of the step it woke up in. */
export function cuesBetween(a, b) {
  if (b.status === "done") return a.status === "done" ? [] : [{ type: "done" }];
  if (b.gate) return a.gate && a.seq === b.seq ? [] : [{ type: "pain", index: b.index }];
  if (b.status === "idle") return [];
  if (b.seq !== a.seq || a.gate) return [{ type: "enter", index: b.index }];
  if (b.status !== "running" || a.status !== "running" || b.t - a.t > 2500) return [];
  const step = b.step;
  const out = [];
  if (!b.wait && b.seconds < a.seconds && b.seconds <= 3 && b.seconds >= 1) {
    out.push({ type: "count", n: b.seconds });
  }
  const half = step.ms / 2;
  if (step.kind === "hold" && step.ms >= 20000 && a.elapsed < half && b.elapsed >= half) {
    out.push({ type: "halfway" });
  }
  if (step.tempo) {
    const beat = step.tempo * 1000;
    const n = Math.floor(b.elapsed / beat);
    if (n > Math.floor(a.elapsed / beat) && n < step.reps) out.push({ type: "rep", n });
  }
  return out;
}
