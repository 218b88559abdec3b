/* Player settings, kept on the device. Unreadable or odd values fall back to defaults:
   every cue on, and the lead-in, switch and rep pace the server sends in the player data
   (data.timing, from hipapp/content/timing.py), so each of those numbers is written once.
   `pain` is whether the player asks about discomfort at all; site.yaml says when. */
import { t } from "../shared/i18n.js";
import { KEYS, readJSON } from "../shared/store.js";

const FLAGS = ["beeps", "speech", "vibration", "flash", "pain"];

/* A whole number of seconds from `low` to 60, or the fallback. */
export function seconds(value, fallback, low = 0) {
  const n = Number(value);
  return Number.isInteger(n) && n >= low && n <= 60 ? n : fallback;
}

/* timing: the player data's {lead_in, switch, rep_pace}. Returns {settings, problem}:
   problem is a sentence for the screen, or "". */
export function loadSettings(timing) {
  const settings = { beeps: true, speech: true, vibration: true, flash: true, pain: true, leadIn: timing.lead_in, switch: timing.switch, repPace: timing.rep_pace };
  try {
    const saved = readJSON(KEYS.settings, {});
    if (!saved || typeof saved !== "object" || Array.isArray(saved)) throw new Error("not settings");
    for (const k of FLAGS) if (typeof saved[k] === "boolean") settings[k] = saved[k];
    settings.leadIn = seconds(saved.leadIn, settings.leadIn);
    settings.switch = seconds(saved.switch, settings.switch);
    settings.repPace = seconds(saved.repPace, settings.repPace, 1);
    return { settings, problem: "" };
  } catch {
    return { settings, problem: t("Your player settings could not be read, so the defaults are in use.") };
  }
}
