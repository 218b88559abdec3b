/* On the home page, a "Continue your plan" card when this device keeps a personal plan,
   else "Continue your program" when it follows a program; and the installed app's launch
   straight into the plan or today's session. */
import { byId, pageData } from "../shared/dom.js";
import { h } from "../shared/element.js";
import { localDay, longDate } from "../shared/dates.js";
import { t } from "../shared/i18n.js";
import { KEYS, readStored } from "../shared/store.js";
import { programStatus, rememberedStart } from "./start.js";
import { storedPlan } from "../plans/saved.js";

function continueCard(programs, slot) {
  const slug = readStored(KEYS.program);
  const program = slug && Object.hasOwn(programs, slug) ? programs[slug] : null;
  const start = program ? rememberedStart(slug) : null;
  if (!program || !start) return;
  const status = programStatus(start, localDay(), program.days.length);
  const line = {
    day: () => t("Day {n} of {total} · {title}", { n: status.n, total: program.days.length, title: program.days[status.n - 1] }),
    before: () => t("Starts on {date}", { date: longDate(start) }),
    complete: () => t("Program complete"),
  }[status.state]();
  slot.replaceChildren(
    h("a", { class: "tile continue", href: program.today },
      h("span", { class: "label", text: status.state === "day" ? t("Continue your program") : t("Your program") }),
      h("strong", { text: program.title }),
      h("span", { class: "continue-day", text: line })),
  );
  slot.hidden = false;
  slot.dataset.state = status.state;
  // The installed app starts at "./?launch=app" (the manifest's start_url): a client who is
  // following a program lands straight on today's session. Browsing to home never redirects.
  const launched = new URLSearchParams(location.search).get("launch") === "app";
  if (launched && status.state !== "complete") location.replace(program.today);
}

/* A personal plan comes first: the tile, and the installed app opens on it. */
function planCard(slot) {
  slot.replaceChildren(h("a", { class: "tile continue", href: slot.dataset.plan },
    h("span", { class: "label", text: t("Continue your plan") }), h("strong", { text: t("Your personal plan") })));
  slot.hidden = false;
  slot.dataset.state = "plan";
  if (new URLSearchParams(location.search).get("launch") === "app") location.replace(slot.dataset.plan);
}

const homeSlot = byId("continue");
const homePrograms = pageData("programs-data");
if (homeSlot && storedPlan()) planCard(homeSlot);
else if (homeSlot && homePrograms) continueCard(homePrograms, homeSlot);
