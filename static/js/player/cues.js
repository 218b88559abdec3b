/* Sounds, speech and vibration, each optional and each feature-detected. Beeps are
   synthesized with Web Audio (no audio element, so the user's music keeps playing), on
   the context sound.js unlocked in a tap.

   Speech is queued, never cut off: a sentence of advice is said to its end, and what
   follows waits for it. A count is said on its beat or not at all, so it never lags.

   Every utterance is in the page's language; `voice` is the device's voice for it
   (voice.js), or null when the device has none: then each cue is written on screen
   (notice "said") instead of spoken in the wrong accent. */
import { lang } from "../shared/i18n.js";
import { chooseVoice } from "./voice.js";

export class Cues {
  /* notice(id, text): a line on the player's screen (PlayerView.notice). */
  constructor(settings, sound, onFlash, notice = () => {}) {
    this.settings = settings;
    this.sound = sound;
    this.onFlash = onFlash;
    this.notice = notice;
    this.voice = undefined; // not known yet: the browser picks by the utterance's lang
    chooseVoice(this, notice);
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
    if (!this.settings.speech) return;
    if (this.voice === null) return this.notice("said", text);
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;
    try {
      if (timed && (synth.pending || synth.speaking)) return;
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang;
      if (this.voice) u.voice = this.voice;
      synth.speak(u);
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
