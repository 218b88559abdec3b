/* Player settings, kept on the device. Unreadable or odd values fall back to defaults. */
import { KEYS, readJSON } from "../shared/store.js";

export const DEFAULTS = { beeps: true, speech: true, vibration: true, flash: true, pain: true, leadIn: 5, switch: 5 };
const FLAGS = ["beeps", "speech", "vibration", "flash", "pain"];

export function seconds(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 60 ? n : fallback;
}

/* Returns {settings, problem}: problem is a sentence for the screen, or "". */
export function loadSettings() {
  try {
    const saved = readJSON(KEYS.settings, {});
    if (!saved || typeof saved !== "object" || Array.isArray(saved)) throw new Error("not settings");
    const settings = { ...DEFAULTS };
    for (const k of FLAGS) if (typeof saved[k] === "boolean") settings[k] = saved[k];
    settings.leadIn = seconds(saved.leadIn, DEFAULTS.leadIn);
    settings.switch = seconds(saved.switch, DEFAULTS.switch);
    return { settings, problem: "" };
  } catch {
    return { settings: { ...DEFAULTS }, problem: "Your player settings could not be read, so the defaults are in use." };
  }
}
