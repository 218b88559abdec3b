/* What the player needs only after its first screen: the settings dialog, what is said,
   the screen lock and media controls, the swap offers, the ratings (on the way and at the end), the log entry, the log and the
   summary. Bundled on its own and imported once the page has shown (or at once, for a
   session started from a link), so the first visit stays within one round trip. */
import { SettingsPanel } from "./settings-panel.js";
import { Cues } from "./cues.js";
import { wireSessionControls } from "./session-controls.js";
import { completeSpeech, entrySpeech } from "./speech.js";
import { showSwapOffers } from "./swap-offers.js";
import { RatingOnTheWay } from "./rating-on-the-way.js";
import { logEntry } from "./log-entry.js";
import { recordSession } from "../history/log.js";
import { Summary } from "./summary.js";

export { SettingsPanel, Cues, wireSessionControls, completeSpeech, entrySpeech, showSwapOffers, RatingOnTheWay, logEntry, recordSession, Summary };
