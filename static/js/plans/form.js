/* "Personalise for a client" on the studio's share pages: one group per exercise, and the
   client link, QR code and hand-out rewritten as the studio types.

   The plan goes into the link (plans/link.js) as the changes from the content: for each
   exercise, only the fields that differ from what it would play anyway (the rules are in
   hipapp/plan/personal.py), and a routine only when something in it changed. The bounds
   of every field come from the library (hipapp/web/models.py PlanBounds). */
import { h } from "../shared/element.js";
import { longDate, parseDay } from "../shared/dates.js";
import { t } from "../shared/i18n.js";
import { sharePage } from "../programs/share.js";
import { loadLibrary } from "./library.js";
import { encodePlan } from "./link.js";
import { planRoutine } from "./expand.js";
import { dosageText, durationText } from "./words.js";
import { qrSvg } from "./qr.js";
import { planName } from "./session.js";

const FIELD_LABELS = { hold: t("Hold (seconds)"), reps: t("Reps"), sets: t("Sets"), rest: t("Rest (seconds)") };
const same = (a, b) => a === b || ((a === null || a === undefined) && (b === null || b === undefined));
const isCard = (step) => step.exercise !== undefined && step.exercise !== null;

function numberField(name, value, bound) {
  const input = h("input", { type: "number", inputmode: "numeric", name, min: bound.low, max: bound.high, step: 1, value, required: true });
  return { input, label: h("label", { class: "plan-field" }, h("span", { text: FIELD_LABELS[name] }), input) };
}

class PlanForm {
  constructor(fieldset, library, share) {
    this.fieldset = fieldset;
    this.library = library;
    this.share = share;
    this.kind = fieldset.dataset.kind;
    this.slug = fieldset.dataset.slug;
    this.rows = new WeakMap();
    // As for the plain link (programs/share.js): without a public address, the address
    // the studio opened this page at.
    const here = new URL("plan/", new URL(document.querySelector("link[rel=manifest]").href)).href;
    this.base = share.input.dataset.public === "yes" ? fieldset.dataset.planBase : here;
    this.client = document.getElementById("plan-client");
    this.note = document.getElementById("plan-note");
    this.client.maxLength = library.bounds.client;
    this.note.maxLength = library.bounds.note;
    this.problems = document.getElementById("plan-problems");
    this.date = document.getElementById("start-date");
    this.lang = document.documentElement.lang || undefined;
    this.handouts = new Map([...document.querySelectorAll(".handout-routine[data-routine]")].map((s) => [s.dataset.routine, s.querySelector(".handout-steps").innerHTML]));
  }

  /* The routines the studio can personalise: the routine, or every routine of the program. */
  routineSlugs() {
    if (this.kind === "routine") return [this.slug];
    const program = this.library.programs[this.slug];
    return [...new Set([...program.days, program.rest_routine].filter(Boolean))];
  }

  start() {
    const sections = this.routineSlugs().map((slug) => this.section(this.library.routines[slug]));
    document.getElementById("plan-routines").replaceChildren(...sections);
    for (const node of [this.fieldset, this.date].filter(Boolean)) {
      node.addEventListener("input", () => this.update());
      node.addEventListener("change", () => this.update());
    }
    this.update();
  }

  section(routine) {
    const list = h("ol", { class: "plan-items" });
    for (const step of routine.steps) list.append(this.row(isCard(step) ? { exercise: step.exercise, dosage: step.dosage } : { seconds: step.seconds }));
    const cards = Object.values(this.library.cards).sort((a, b) => a.view.title.localeCompare(b.view.title));
    const id = `plan-add-${routine.slug}`;
    const picker = h("select", { class: "plan-add-pick", id }, h("option", { value: "", text: t("Choose an exercise") }), cards.map((c) => h("option", { value: c.slug, text: c.view.title })));
    const add = () => {
      const card = this.library.cards[picker.value];
      if (!card) return;
      list.append(this.row({ exercise: card.slug, dosage: card.dosage }));
      picker.value = "";
      this.update();
    };
    // A pause of its own, between two exercises: 30 s, moved into place with Up and Down.
    const rest = () => {
      list.append(this.row({ seconds: 30 }));
      this.update();
    };
    return h("fieldset", { class: "plan-routine", "data-routine": routine.slug },
      h("legend", { text: routine.title }), list,
      h("p", { class: "plan-add" }, h("label", { for: id, text: t("Add an exercise") }), picker,
        h("button", { class: "button", type: "button", onclick: add, text: t("Add") }),
        h("button", { class: "button", type: "button", onclick: rest, text: t("Add a rest") })));
  }

  /* One exercise (or explicit rest) with its fields. */
  row(step) {
    const b = this.library.bounds;
    const card = isCard(step) ? this.library.cards[step.exercise] : null;
    const title = card ? card.view.title : t("Rest");
    const fields = {};
    const parts = [];
    if (!card) {
      fields.rest = numberField("rest", step.seconds, b.rest);
      parts.push(fields.rest.label);
    } else {
      const d = step.dosage;
      const mode = d.reps !== null && d.reps !== undefined ? "reps" : "hold";
      fields[mode] = numberField(mode, d[mode], b[mode]);
      fields.sets = numberField("sets", d.sets, b.sets);
      fields.rest = numberField("rest", d.rest, b.rest);
      parts.push(fields[mode].label, fields.sets.label, fields.rest.label);
      if (d.sides === "both" || card.dosage.sides === "both") {
        fields.sides = h("select", { name: "sides" }, h("option", { value: "both", text: t("Left, then right") }), h("option", { value: "none", text: t("One side, no switch") }));
        fields.sides.value = d.sides;
        parts.push(h("label", { class: "plan-field" }, h("span", { text: t("Sides") }), fields.sides));
      }
    }
    const out = h("input", { type: "checkbox", name: "out" });
    parts.push(h("label", { class: "plan-out" }, out, " ", t("Leave out")));
    const li = h("li", { class: "plan-item" });
    const move = (delta) => {
      const other = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      if (delta < 0) other.before(li);
      else other.after(li);
      this.update();
    };
    li.append(h("fieldset", {},
      h("legend", { text: title }), ...parts,
      h("p", { class: "plan-move" },
        h("button", { class: "button", type: "button", "aria-label": t("Move {title} up", { title }), onclick: () => move(-1), text: t("Up") }),
        h("button", { class: "button", type: "button", "aria-label": t("Move {title} down", { title }), onclick: () => move(1), text: t("Down") }))));
    this.rows.set(li, { exercise: card ? step.exercise : undefined, title, fields, out });
    return li;
  }

  /* {items, problems} of one routine's section, in the order shown. */
  read(section) {
    const problems = [];
    const rows = [...section.querySelectorAll(":scope > ol > li")].map((li) => this.rows.get(li)).filter((r) => !r.out.checked);
    const values = rows.map((row) => {
      const v = {};
      for (const [name, field] of Object.entries(row.fields)) {
        if (name === "sides") {
          v.sides = field.value;
          continue;
        }
        const number = Number(field.input.value);
        const { low, high } = this.library.bounds[name];
        if (field.input.value.trim() === "" || !Number.isInteger(number) || number < low || number > high) {
          problems.push(t("{title}: {field} must be a whole number from {low} to {high}.", { title: row.title, field: FIELD_LABELS[name], low, high }));
        }
        v[name] = number;
      }
      return { row, v };
    });
    return { items: this.items(this.library.routines[section.dataset.routine], values), problems };
  }

  /* The plan's items: each card's changes from the step it will start from. */
  items(routine, values) {
    const written = new Map();
    for (const s of routine.steps) if (isCard(s)) written.set(s.exercise, [...(written.get(s.exercise) || []), s.dosage]);
    const seen = new Map();
    return values.map(({ row, v }) => {
      if (row.exercise === undefined) return { seconds: v.rest };
      const n = seen.get(row.exercise) || 0;
      seen.set(row.exercise, n + 1);
      const base = (written.get(row.exercise) || [])[n] || this.library.cards[row.exercise].dosage;
      const change = {};
      for (const name of ["hold", "reps", "sets", "rest", "sides"]) if (name in v && !same(base[name], v[name])) change[name] = v[name];
      return { exercise: row.exercise, change };
    });
  }

  unchanged(routine, items) {
    return items.length === routine.steps.length && items.every((item, i) => {
      const step = routine.steps[i];
      if (item.exercise === undefined) return !isCard(step) && step.seconds === item.seconds;
      return item.exercise === step.exercise && !Object.keys(item.change).length;
    });
  }

  /* The plan, or null while nothing is personal; problems stop the link. */
  plan() {
    const routines = {};
    const problems = [];
    for (const section of this.fieldset.querySelectorAll(".plan-routine")) {
      const read = this.read(section);
      problems.push(...read.problems);
      const routine = this.library.routines[section.dataset.routine];
      if (!this.unchanged(routine, read.items)) routines[routine.slug] = read.items;
    }
    const client = this.client.value.trim();
    const note = this.note.value.trim();
    const start = this.date && parseDay(this.date.value) ? this.date.value : "";
    if (!client && !note && !Object.keys(routines).length) return { plan: null, problems };
    const base = this.kind === "routine" ? this.library.routines[this.slug] : this.library.programs[this.slug];
    return { plan: { kind: this.kind, slug: this.slug, revision: base.revision, start, client, note, routines }, problems };
  }

  update() {
    const { plan, problems } = this.plan();
    this.problems.hidden = !problems.length;
    this.problems.textContent = problems.join(" ");
    const link = problems.length ? "" : plan ? `${this.base}#${encodePlan(plan)}` : null;
    this.share.setPlanLink(link);
    this.handout(plan && !problems.length ? plan : null, link === null ? this.share.link() : link);
  }

  /* The hand-out follows the link: the QR code, the client, start date, note and dosages. */
  handout(plan, link) {
    const qr = document.getElementById("plan-qr");
    const img = document.getElementById("qr");
    const drawn = plan || !img;
    if (img) img.hidden = !!drawn;
    qr.hidden = !drawn;
    const label = plan ? t("QR code that opens {name}", { name: planName(plan) }) : t("QR code that opens the routine");
    qr.replaceChildren(...(drawn && link ? [qrSvg(link, label)] : []));
    const client = document.getElementById("handout-client");
    client.hidden = !(plan && plan.client);
    client.textContent = plan && plan.client ? t("For {client}", { client: plan.client }) : "";
    const note = document.getElementById("handout-note");
    note.hidden = !(plan && plan.note);
    note.textContent = plan ? plan.note : "";
    if (plan) document.getElementById("handout-link").textContent = link;
    const start = document.getElementById("handout-start");
    if (start && plan) start.textContent = plan.start ? longDate(parseDay(plan.start), this.lang) : t("the day you first open the link");
    for (const [slug, html] of this.handouts) {
      const steps = document.querySelector(`.handout-routine[data-routine="${slug}"] .handout-steps`);
      if (!plan || !plan.routines[slug]) {
        if (steps.dataset.personal) {
          steps.innerHTML = html; // the server's own list, as it came
          delete steps.dataset.personal;
        }
        continue;
      }
      const mine = planRoutine(plan, this.library.routines[slug], this.library.cards).steps;
      steps.dataset.personal = "yes";
      steps.replaceChildren(h("ol", { class: "steps" }, mine.map((s) => (isCard(s)
        ? h("li", { class: "step" }, h("span", {}, this.library.cards[s.exercise].view.title, " ", h("span", { class: "meta", text: dosageText(s.dosage) })))
        : h("li", { class: "step rest" }, h("span", {}, t("Rest"), " ", h("span", { class: "meta", text: durationText(s.seconds) })))))));
    }
  }
}

const personalise = document.getElementById("personalise");
if (personalise && sharePage) {
  loadLibrary(personalise.dataset.library)
    .then((library) => new PlanForm(personalise, library, sharePage).start())
    .catch(() => {
      document.getElementById("plan-routines").replaceChildren(h("p", { class: "notice warning", text: t("The exercises couldn't be loaded, so this form can't be used. Reload the page.") }));
    });
}
