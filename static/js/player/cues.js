/* Sounds, speech and vibration, each optional and each feature-detected. Beeps are
   synthesized with Web Audio (no audio element, so the user's music keeps playing), on
   the context sound.js unlocked in a tap.

   Speech is queued, never cut off: a sentence of advice is said to its end, and what
   follows waits for it. A count is said on its beat or not at all, so it never lags. */

export class Cues {
  constructor(settings, sound, onFlash) {
    this.settings = settings;
    this.sound = sound;
    this.onFlash = onFlash;
  }

  beep(freq = 880, ms = 150, volume = 0.2) {
    const ctx = this.sound.audio;
    if (!ctx || !this.settings.beeps) return;
    try {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const t = ctx.currentTime;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(volume, t);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + ms / 1000);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + ms / 1000 + 0.02);
    } catch {
      // a beep is never worth stopping the session for
    }
  }

  /* Say text after anything already queued. timed: a count, dropped rather than said late
     when speech is still busy. */
  say(text, { timed = false } = {}) {
    const synth = window.speechSynthesis;
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function" || !this.settings.speech) return;
    try {
      if (timed && (synth.pending || synth.speaking)) return;
      synth.speak(new SpeechSynthesisUtterance(text));
    } catch {
      // speech failed: the screen still shows the cue
    }
  }

  /* Browsers refuse (and complain about) vibration before the first tap on the page: a
     session started from a link buzzes from that tap on. */
  buzz(pattern) {
    if (!this.settings.vibration || typeof navigator.vibrate !== "function" || this.sound.untapped()) return;
    try {
      navigator.vibrate(pattern);
    } catch {
      // vibration is a bonus
    }
  }

  flash() {
    if (this.settings.flash) this.onFlash();
  }
}
