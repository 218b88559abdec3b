/* Audio and speech, unlocked inside a tap (see cues.js for what is played and said).
   A session started from a link may begin locked, and the player asks for one tap
   anywhere (see locked()). In the first bundle: the unlock must happen within the tap. */

export class Sound {
  /* settings: the player's (beeps off: no note at all); onUnlocked: called when sound
     that was locked becomes available by itself. */
  constructor(settings, onUnlocked = () => {}) {
    this.settings = settings;
    this.onUnlocked = onUnlocked;
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
      if (Context && !this.audio) {
        this.audio = new Context();
        // A new context may start suspended and run a moment later, where that is allowed.
        this.audio.addEventListener("statechange", () => this.locked() || this.onUnlocked());
      }
      if (this.audio && this.audio.state === "suspended") this.audio.resume().catch(() => {});
      if (this.audio && this.settings.beeps) {
        // a silent note finishes the unlock on iOS
        const osc = this.audio.createOscillator();
        const gain = this.audio.createGain();
        gain.gain.value = 0;
        osc.connect(gain).connect(this.audio.destination);
        osc.start();
        osc.stop(this.audio.currentTime + 0.001);
      }
    } catch {
      this.audio = null;
    }
    try {
      // an empty, silent utterance unlocks speech where it needs a tap
      const prime = new SpeechSynthesisUtterance(" ");
      prime.volume = 0;
      window.speechSynthesis.speak(prime);
    } catch {
      // no speech here: the screen still shows every cue
    }
  }

  /* True while the device still needs a tap on this page before it plays sound: the
     audio is suspended, or the page has had no user activation yet (speech needs one). */
  locked() {
    try {
      return (!!this.audio && this.audio.state !== "running") || this.untapped();
    } catch {
      return false;
    }
  }

  untapped() {
    const activation = navigator.userActivation;
    return !!activation && !activation.hasBeenActive;
  }
}
