/* The plan link: a personal plan in the URL fragment (after #), which no server sees.

   The browser's copy of hipapp/plan/link.py (the reference, and the README documents
   the format); tests check that each reads what the other writes.

     P1/<kind><slug>:<revision>:<start>/<routines>/<client>/<note>/<check>

   A plan here is {kind: "routine" | "program", slug, revision, start: "YYYY-MM-DD" | "",
   client, note, routines: {slug: [item]}}, item {exercise, change: {hold, reps, sets,
   rest, sides}} or {seconds} (an explicit rest). */

export const LINK_VERSION = 1;
export const MAX_CLIENT = 40;
export const MAX_NOTE = 280;
const FIELD_LETTERS = { hold: "H", reps: "N", sets: "S", rest: "R" };
const LETTER_FIELDS = { H: "hold", N: "reps", S: "sets", R: "rest" };
const LINK_SLUG = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const LINK_FIELD = /\+([HNSR])([0-9]{1,4})|\+([BO])/g;

let crcTable = null;

/* CRC-32 of the text's UTF-8 bytes (as zlib computes it), as 8 capital hex digits. */
export function checksum(text) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).toUpperCase().padStart(8, "0");
}

/* A plan link failure: reason "newer" (made by a newer app) or "damaged". */
export class LinkError extends Error {
  constructor(reason, detail) {
    super(detail);
    this.reason = reason;
  }
}

function writeItem(item) {
  if (item.exercise === undefined || item.exercise === null) return `+R${item.seconds}`;
  const change = item.change || {};
  let out = item.exercise.toUpperCase();
  for (const [name, letter] of Object.entries(FIELD_LETTERS)) {
    if (change[name] !== undefined && change[name] !== null) out += `+${letter}${change[name]}`;
  }
  if (change.sides) out += change.sides === "both" ? "+B" : "+O";
  return out;
}

/* The fragment (without #) for a plan. */
export function encodePlan(plan) {
  const kind = plan.kind === "routine" ? "R" : "P";
  const start = (plan.start || "").replaceAll("-", "");
  const head = `${kind}${plan.slug.toUpperCase()}:${(plan.revision || "").toUpperCase()}:${start}`;
  const sections = Object.entries(plan.routines || {}).map(([slug, items]) => {
    const name = plan.kind === "routine" && slug === plan.slug ? "" : slug.toUpperCase();
    return `${name}$${items.map(writeItem).join(".")}`;
  });
  const body = [`P${LINK_VERSION}`, head, sections.join("*"), encodeURIComponent(plan.client || ""), encodeURIComponent(plan.note || "")].join("/");
  return `${body}/${checksum(body)}`;
}

const damaged = (detail) => new LinkError("damaged", detail);

function readSlug(text, what) {
  if (!LINK_SLUG.test(text)) throw damaged(`${what}: expected a name like GLUTE-BRIDGE, got "${text.slice(0, 40)}"`);
  return text.toLowerCase();
}

function readItem(text) {
  const plus = text.indexOf("+");
  const slug = plus < 0 ? text : text.slice(0, plus);
  const fields = plus < 0 ? "" : text.slice(plus);
  if (fields.replace(LINK_FIELD, "") !== "") throw damaged(`item "${text.slice(0, 40)}": unreadable fields`);
  const found = [...fields.matchAll(LINK_FIELD)];
  if (!slug) {
    if (found.length !== 1 || found[0][1] !== "R") throw damaged(`item "${text.slice(0, 40)}": a rest is written +R<seconds>`);
    return { seconds: Number(found[0][2]) };
  }
  const change = {};
  for (const [, letter, number, side] of found) {
    const name = letter ? LETTER_FIELDS[letter] : "sides";
    if (name in change) throw damaged(`item "${text.slice(0, 40)}": ${name} given twice`);
    change[name] = letter ? Number(number) : side === "B" ? "both" : "none";
  }
  return { exercise: readSlug(slug, "card"), change };
}

function readDay(text) {
  if (!/^[0-9]{8}$/.test(text)) throw damaged(`unreadable start date "${text.slice(0, 12)}"`);
  const [y, m, d] = [text.slice(0, 4), text.slice(4, 6), text.slice(6)].map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw damaged(`unreadable start date "${text}"`);
  }
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
}

/* The plan in a fragment (with or without #); throws LinkError. Bounds are checked by
   the caller, against the site's own (the page data's bounds). */
export function decodePlan(fragment) {
  const parts = fragment.replace(/^#/, "").split("/");
  const version = /^P([0-9]+)$/.exec(parts[0]);
  if (!version) throw damaged("not a plan link");
  if (Number(version[1]) > LINK_VERSION) throw new LinkError("newer", `made by a newer version (format ${version[1]})`);
  if (parts.length !== 6) throw damaged("incomplete: parts are missing");
  const [, head, sections, clientRaw, noteRaw, check] = parts;
  let client;
  let note;
  try {
    [client, note] = [decodeURIComponent(clientRaw), decodeURIComponent(noteRaw)];
  } catch {
    throw damaged("a text field is not UTF-8");
  }
  const body = [...parts.slice(0, 3), encodeURIComponent(client), encodeURIComponent(note)].join("/");
  if (check !== checksum(body)) throw damaged("the check does not match: the link was changed or cut short");
  const [name, revision, start, ...extra] = head.split(":");
  if (extra.length || start === undefined || !name || !"RP".includes(name[0]) || !/^[0-9A-Z]{0,12}$/.test(revision)) {
    throw damaged(`unreadable head "${head.slice(0, 40)}"`);
  }
  const kind = name[0] === "R" ? "routine" : "program";
  const slug = readSlug(name.slice(1), "plan");
  const routines = {};
  for (const section of sections ? sections.split("*") : []) {
    const dollar = section.indexOf("$");
    if (dollar < 0) throw damaged(`routine "${section.slice(0, 40)}" has no '$'`);
    const own = section.slice(0, dollar);
    const items = section.slice(dollar + 1);
    const key = own ? readSlug(own, "routine") : slug;
    if (Object.hasOwn(routines, key)) throw damaged(`routine "${key}" given twice`);
    routines[key] = items ? items.split(".").map(readItem) : [];
  }
  if ([...client].length > MAX_CLIENT || [...note].length > MAX_NOTE) throw damaged("a text field is too long");
  return { kind, slug, revision, start: start ? readDay(start) : "", client, note, routines };
}
