/* Every sentence the scripts show or say goes through t() or nt(), with the English text
   as its msgid, so a translator sees whole sentences and a later step can extract them
   (Babel's JavaScript extractor, keywords t and nt:1,2). Keep each msgid a literal.

   A page may carry its translations as <script type="application/json" id="strings">:
   {msgid: translation}, and for nt() {singular msgid: [singular, plural]}. Without one,
   or for a msgid it lacks, the English is used. {name} placeholders are filled from vars. */

let strings = null;

function translation(msgid) {
  if (!strings) {
    try {
      strings = JSON.parse(document.getElementById("strings").textContent) || {};
    } catch {
      strings = {}; // no table on this page (or a broken one): English
    }
  }
  return Object.hasOwn(strings, msgid) ? strings[msgid] : null;
}

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (vars && name in vars ? vars[name] : whole));
}

/* t("Set {n} of {total}", {n: 1, total: 3}) is "Set 1 of 3". */
export function t(msgid, vars) {
  const text = translation(msgid);
  return fill(typeof text === "string" ? text : msgid, vars);
}

/* nt("{n} day", "{n} days", n): the singular form when n is 1, else the plural; {n} is n. */
export function nt(singular, plural, n, vars) {
  const forms = translation(singular);
  const text = (Array.isArray(forms) ? forms : [singular, plural])[n === 1 ? 0 : 1];
  return fill(typeof text === "string" ? text : n === 1 ? singular : plural, { n, ...vars });
}
