/* Which of the device's voices speaks the cues: one for the page's language, or none.
   Loaded with the late bundle: until it has chosen, utterances carry only their lang and
   the browser picks. */
import { lang, t } from "../shared/i18n.js";

/* "de-AT" and "de_at" are the same tag. */
function tagOf(voice) {
  return String(voice.lang || "").replace("_", "-").toLowerCase();
}

/* The full tag first, then the language alone; within each, a voice on the device
   (localService: it works offline) before one that needs the network. */
export function pickVoice(voices, wanted) {
  const tag = wanted.toLowerCase();
  const base = tag.split("-")[0];
  const best = (list) => list.find((v) => v.localService) || list[0] || null;
  return best(voices.filter((v) => tagOf(v) === tag)) || best(voices.filter((v) => tagOf(v).split("-")[0] === base));
}

/* Call found(voice) once the device lists its voices, and again whenever the list
   changes; found(null) means none of them speaks the page's language. A device that
   lists no voice yet is left to the browser (the utterance's lang alone): Chrome lists
   its voices only some time after the first getVoices(). */
export function watchVoices(synth, found) {
  const load = () => {
    const voices = synth.getVoices() || [];
    if (voices.length) found(pickVoice(voices, lang));
  };
  synth.addEventListener("voiceschanged", load);
  load();
}

/* Give the cues their voice, and say once on screen when the device has none for the
   page's language: the beeps go on, and each cue is written instead of spoken. */
export function chooseVoice(cues, notice) {
  let language = lang;
  try {
    language = new Intl.DisplayNames([lang], { type: "language" }).of(lang) || lang;
  } catch {
    /* the tag itself will do */
  }
  const found = (voice) => {
    cues.voice = voice;
    notice("voice", voice || !cues.settings.speech ? "" : t("This device has no voice for {language}, so the cues are written here instead.", { language }));
    if (voice) notice("said", "");
  };
  const synth = window.speechSynthesis;
  if (!synth || typeof synth.getVoices !== "function" || typeof window.SpeechSynthesisUtterance !== "function") return found(null);
  watchVoices(synth, found);
}
