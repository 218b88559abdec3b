/* The player: wires the timer to the screen, sounds, speech and storage. */
import { Timer } from "./timer.js";

export const ready = typeof Timer;
