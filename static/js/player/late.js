/* What the player needs only when a session ends: the log entry, the log and the summary.
   Bundled on its own and imported once the page has loaded and shown, so the first visit
   stays small. */
import { logEntry } from "./log-entry.js";
import { recordSession } from "../history/log.js";
import { Summary } from "./summary.js";

export { logEntry, recordSession, Summary };
