/* A personal plan's player (plan/play/): the same player as every routine, with its data
   (PlayerData) built here from the plan and the library instead of sent by the server.
   The plan comes from the device (plans/saved.js), or from the fragment when this
   browser can't keep it; ?day= picks a program plan's day. */
import { byId } from "../shared/dom.js";
import { daysBetween, localDay } from "../shared/dates.js";
import { t } from "../shared/i18n.js";
import { PlayerController } from "../player/controller.js";
import { decodePlan } from "./link.js";
import { loadLibrary, planProblems } from "./library.js";
import { storedPlan } from "./saved.js";
import { planId, planSession, planStart, playerDataOf } from "./session.js";

async function startPlanPlayer(root) {
  const library = await loadLibrary(root.dataset.library);
  const stored = storedPlan();
  const hash = location.hash.replace(/^#/, "");
  const fragment = hash.startsWith("P") ? hash : stored ? stored.fragment : "";
  const plan = decodePlan(fragment);
  const problems = planProblems(plan, library);
  if (problems.length) throw new Error(problems.join("; "));
  let number = 1;
  if (plan.kind === "program") {
    const asked = Number(new URLSearchParams(location.search).get("day"));
    const saved = stored && stored.fragment === fragment ? stored.saved : null;
    number = Number.isInteger(asked) && asked > 0 ? asked : daysBetween(planStart(plan, saved), localDay()) + 1;
  }
  const session = planSession(plan, library, number);
  if (!session || !session.routine) throw new Error("no session that day");
  const data = playerDataOf(session, library, plan, planId(fragment));
  root.dataset.routine = session.routine;
  byId("player-title").textContent = data.title;
  byId("p-total").max = data.total;
  document.title = `${data.title} · ${document.title}`;
  const player = new PlayerController(root, data);
  // One tap from the plan page (its Start link ends in #start), unless the player first
  // offers to resume an unfinished session. A player that starts on #start by itself
  // (the hands-free work, #14) is already running here, and this does nothing.
  if (hash === "start" && player.timer.status === "idle" && byId("p-offer").hidden) player.begin(null);
}

const planPlayer = byId("player");
if (planPlayer && !byId("player-data")) {
  startPlanPlayer(planPlayer).catch(() => {
    const p = document.createElement("p");
    p.className = "p-notice";
    p.setAttribute("role", "alert");
    p.textContent = t("Your plan can't be played here. Go back to your plan and open your studio's link again.");
    byId("p-notices").append(p);
  });
}
