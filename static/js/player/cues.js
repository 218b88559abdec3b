/* Sounds, speech and vibration, each optional and each feature-detected.
   Beeps are synthesized with Web Audio (no audio element, so the user's music keeps
   playing); audio and speech are unlocked inside the Start tap, as iOS requires. */

export class Cues {
  constructor(settings, onFlash) {
    this.settings = settings;
    this.onFlash = onFlash;
    this.audio = null;
  }

  /* Call synchronously inside a user gesture. */
  unlock() {
    try {
      if (navigator.audioSession) navigator.audioSession.type = "ambient"; // mix with music
    } catch {
      // not supported: fine
    }
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (Context && !this.audio) this.audio = new Context();
      if (this.audio && this.audio.state === "suspended") this.audio.resume().catch(() => {});
      if (this.audio) this.beep(440, 1, 0); // a silent note finishes the unlock on iOS
    } catch {
      this.audio = null;
    }
    this.say(" ", true);
  }

  beep(freq = 880, ms = 150, volume = 0.2) {
    if (!this.audio || !this.settings.beeps) return;
    try {
      const ctx = this.audio;
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

  /* Speak now, dropping anything still queued so late cues never pile up. */
  say(text, prime = false) {
    const synth = window.speechSynthesis;
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function" || (!prime && !this.settings.speech)) return;
    try {
      if (!prime) synth.cancel();
      const u = new SpeechSynthesisUtterance(text);
      if (prime) u.volume = 0;
      synth.speak(u);
    } catch {
      // speech failed: the screen still shows the cue
    }
  }

  buzz(pattern) {
    if (!this.settings.vibration || typeof navigator.vibrate !== "function") return;
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
