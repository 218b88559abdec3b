/* The player page's entry: one controller, when the page has a player. */
import { byId, pageData } from "../shared/dom.js";
import { PlayerController } from "./controller.js";

const playerRoot = byId("player");
const playerData = pageData("player-data");
if (playerRoot && playerData) new PlayerController(playerRoot, playerData);
