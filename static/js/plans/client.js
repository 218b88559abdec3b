/* The client's plan page (plan/): read the link's plan, keep it on the device, show it.

   The plan arrives in the fragment (#P1/…), which the browser never sends to the server.
   A valid new plan is stored; one that differs from the stored plan replaces it only when
   the client says so. A link that can't be read is explained, and the stored plan stays. */
import { h } from "../shared/element.js";
import { addDays, localDay, longDate } from "../shared/dates.js";
import { t } from "../shared/i18n.js";
import { calendarOffer } from "../shared/reminders.js";
import { programStatus } from "../programs/start.js";
import { programLength } from "./expand.js";
import { decodePlan, LinkError } from "./link.js";
import { loadLibrary, planProblems } from "./library.js";
import { keepOffline, planUrls } from "./offline.js";
import { storePlan, storedPlan } from "./saved.js";
import { planId, planName, planSession, planStart, sessionLines, sessionTotal } from "./session.js";
import { totalText } from "./words.js";

class PlanPage {
  constructor(root, library) {
    this.root = root;
    this.library = library;
    this.lang = document.documentElement.lang || undefined;
  }

  read(fragment) {
    const plan = decodePlan(fragment);
    const problems = planProblems(plan, this.library);
    if (problems.length) throw new LinkError("damaged", problems.join("; "));
    return plan;
  }

  load(hash) {
    const fragment = hash.replace(/^#/, "");
    const stored = storedPlan();
    let current = null;
    try {
      current = stored ? { plan: this.read(stored.fragment), ...stored } : null;
    } catch {
      current = null; // a plan this site can no longer play: a new link may replace it
    }
    if (!fragment) return current ? this.show(current) : this.empty();
    let plan;
    try {
      plan = this.read(fragment);
    } catch (error) {
      return this.refuse(error, current);
    }
    if (current && planId(current.fragment) !== planId(fragment)) return this.confirm(current, { plan, fragment });
    const saved = current ? current.saved : new Date().toISOString();
    const kept = storePlan(fragment, saved);
    this.show({ plan, fragment, saved, kept }, kept ? "" : t("This browser can't keep your plan, so open your studio's link each time."));
  }

  empty() {
    this.draw("empty", h("p", { text: t("There is no plan on this device yet. Open the link your studio sent you.") }));
  }

  refuse(error, current) {
    const newer = error instanceof LinkError && error.reason === "newer";
    const text = newer
      ? t("This plan was made with a newer version of this app. Connect to the internet and reload this page to update, then open the link again.")
      : t("This plan link is damaged or incomplete, so it can't be opened. Ask your studio to send it again.");
    const parts = [h("p", { class: "notice warning", role: "alert", "data-problem": newer ? "newer" : "damaged", text })];
    if (current) parts.push(h("p", { class: "meta", text: t("Your saved plan is unchanged:") }), ...this.body(current));
    this.draw(current ? "refused-kept" : "refused", ...parts);
  }

  confirm(current, incoming) {
    const replace = () => {
      const saved = new Date().toISOString();
      const kept = storePlan(incoming.fragment, saved);
      this.show({ ...incoming, saved, kept }, t("Your new plan replaced the old one. Your history stays."));
    };
    const keep = () => {
      try {
        history.replaceState(null, "", location.pathname + location.search);
      } catch {
        /* the address can stay */
      }
      this.show(current, t("You kept your current plan."));
    };
    const text = t("This link has {new}, {new_title}. This device has {old}, {old_title}. Your history stays either way.", {
      new: planName(incoming.plan), new_title: this.titleOf(incoming.plan), old: planName(current.plan), old_title: this.titleOf(current.plan),
    });
    this.draw("confirm", h("div", { class: "notice", role: "alertdialog", "aria-labelledby": "replace-title", "aria-describedby": "replace-text" },
      h("h2", { id: "replace-title", text: t("Replace your plan?") }),
      h("p", { id: "replace-text", text }),
      h("p", { class: "actions" },
        h("button", { class: "button primary", type: "button", onclick: replace, text: t("Replace my plan") }),
        h("button", { class: "button", type: "button", onclick: keep, text: t("Keep my current plan") }))));
  }

  titleOf(plan) {
    return (plan.kind === "routine" ? this.library.routines : this.library.programs)[plan.slug].title;
  }

  show(entry, note = "") {
    this.draw("plan", ...(note ? [h("p", { class: "notice", role: "status", text: note })] : []), ...this.body(entry));
    // The plan's cards and pictures, stored for the days to come offline; <main
    // data-offline> says how that went ("stored", "failed"). The footer's "Ready offline"
    // is about the site, so a plan that could not be stored says so here.
    keepOffline(planUrls(entry.plan, this.library)).then((report) => {
      if (!report) return;
      this.root.dataset.offline = report.ok ? "stored" : "failed";
      if (!report.ok && this.root.dataset.state === "plan") {
        this.root.append(h("p", { class: "notice warning", role: "status", "data-problem": "offline", text: t("Part of your plan couldn't be saved on this device for offline use. Open this page again while you're online.") }));
      }
    });
  }

  body(entry) {
    const { plan, fragment, saved } = entry;
    const lib = this.library;
    const greeting = plan.client ? t("For {client}, from {studio}", { client: plan.client, studio: lib.studio }) : t("From {studio}", { studio: lib.studio });
    const out = [h("h2", { class: "plan-greeting", id: "plan-greeting", text: greeting }), h("p", { class: "lede", text: this.titleOf(plan) })];
    if (plan.note) out.push(h("blockquote", { class: "plan-note", text: plan.note }));
    const base = plan.kind === "routine" ? lib.routines[plan.slug] : lib.programs[plan.slug];
    if (plan.revision && plan.revision !== base.revision) {
      out.push(h("p", { class: "notice", role: "note", "data-problem": "revision", text: t("Your studio has updated this since your plan was made. Your personal changes still apply.") }));
    }
    // The Start link: the plan is on the device, so one tap starts (#start); if this
    // browser can't keep it, the player reads it from the fragment instead.
    const kept = entry.kept !== false;
    const start = plan.kind === "program" ? planStart(plan, saved) : null;
    if (plan.kind === "routine") {
      out.push(...this.sessionPart(planSession(plan, lib, 1), fragment, kept));
    } else {
      const status = programStatus(start, localDay(), programLength(base));
      const date = longDate(start, this.lang);
      this.root.dataset.day = String(status.n);
      if (status.state === "before") out.push(h("p", { class: "today-title", text: t("Your plan starts on {date}", { date }) }));
      else if (status.state === "complete") out.push(h("p", { class: "today-title", text: t("Plan complete. Well done.") }));
      else {
        const session = planSession(plan, lib, status.n);
        out.push(h("p", { class: "today-title", text: t("Day {n} of {total} · {title}", { n: status.n, total: session.days, title: session.title }) }));
        out.push(...this.sessionPart(session, fragment, kept));
      }
      out.push(h("p", { class: "meta started", text: status.state === "before" ? t("Day 1 is {date}.", { date }) : t("Day 1 was {date}.", { date }) }));
    }
    out.push(calendarOffer(this.events(plan, start, fragment), lib.studio));
    return out;
  }

  /* One calendar event per session day: each non-rest day of a program from its start,
     or every day for four weeks of a routine plan. Each opens the plan. */
  events(plan, start, fragment) {
    const lib = this.library;
    const link = `${location.href.split("#")[0]}#${fragment}`;
    const minutes = (session) => Math.ceil(sessionTotal(session, lib) / 60);
    if (plan.kind === "routine") {
      const session = planSession(plan, lib, 1);
      return Array.from({ length: 28 }, (_, i) => ({ day: addDays(localDay(), i), title: session.title, url: link, minutes: minutes(session) }));
    }
    const out = [];
    for (let n = 1; n <= programLength(lib.programs[plan.slug]); n++) {
      const session = planSession(plan, lib, n);
      if (!session.rest) out.push({ day: addDays(start, n - 1), title: t("Day {n}: {title}", { n, title: session.title }), url: link, minutes: minutes(session) });
    }
    return out;
  }

  sessionPart(session, fragment, kept) {
    const lib = this.library;
    const out = [];
    if (session.missing.length) {
      out.push(h("p", { class: "notice warning", role: "note", "data-problem": "missing", text: t("Left out, because the studio's library no longer has it: {names}.", { names: session.missing.join(", ") }) }));
    }
    if (session.rest && !session.routine) {
      out.push(h("p", { text: t("Rest and recover today. A relaxed walk is plenty.") }));
      return out;
    }
    out.push(h("p", { class: "total", id: "plan-total", text: totalText(sessionTotal(session, lib)) }));
    const play = `play/${session.day ? `?day=${session.day}` : ""}#${kept ? "start" : fragment}`;
    out.push(h("p", {}, h("a", { class: "button primary big", id: "plan-start", href: play, text: session.rest ? t("Start the gentle routine") : t("Start") })));
    out.push(h("ol", { class: "steps plan-steps" },
      sessionLines(session, lib).map((line) => h("li", { class: line.rest ? "step rest" : "step" },
        h("span", {}, line.title, " ", h("span", { class: "meta", text: line.dosage }))))));
    return out;
  }

  draw(state, ...parts) {
    this.root.replaceChildren(...parts);
    this.root.dataset.state = state;
  }
}

const planRoot = document.getElementById("plan");
if (planRoot) {
  loadLibrary(planRoot.dataset.library)
    .then((library) => {
      const page = new PlanPage(planRoot, library);
      page.load(location.hash);
      window.addEventListener("hashchange", () => page.load(location.hash));
    })
    .catch(() => {
      planRoot.replaceChildren(h("p", { class: "notice warning", role: "alert", text: t("Your plan can't be shown: this page couldn't load the studio's exercises. Connect to the internet and reload.") }));
      planRoot.dataset.state = "error";
    });
}
