/* Every sentence the scripts show or say goes through t() or nt(), with the English text
   as its msgid, so a translator sees whole sentences and `make messages` extracts them
   (Babel's JavaScript extractor, keywords t and nt:1,2). Keep each msgid a literal.

   A page in another language (or with the studio's own phrases) carries its scripts'
   words as <script type="application/json" id="strings"> (hipapp/web/strings.py):
   {msgid: text}, and for nt() {singular: [form, ...]} in the order of the plural
   categories listed in table[""] ("one", "many", "other"...), so Intl.PluralRules picks
   the form the language needs. Without a table, or for a msgid it lacks, the English is
   used. {name} placeholders are filled from vars; numbers are written by Intl. */

let strings = {};
try {
  strings = JSON.parse(document.getElementById("strings").textContent);
} catch {
  // no table on this page (an English one): the msgids are the words
}

// A msgid the table lacks reads as undefined, or as an Object method, never as text:
// t() takes only strings, nt() only arrays.

/* The page's language, as <html lang> says it: the one place the scripts read it. Its tag
   was checked by site.yaml's rules, so Intl takes it as it is. */
export const lang = document.documentElement.lang || "en";

/* A number as the language writes it: 1234.5 is "1.234,5" in German. */
export const num = (n, options) => n.toLocaleString(lang, options);

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (vars && name in vars ? vars[name] : whole));
}

/* t("Set {n} of {total}", {n: 1, total: 3}) is "Set 1 of 3". */
export function t(msgid, vars) {
  const text = strings[msgid];
  return fill(typeof text === "string" ? text : msgid, vars);
}

/* nt("{n} day", "{n} days", n): the form the language's plural rule picks for n (French
   says "0 jour"); {n} is n as the language writes it. */
export function nt(singular, plural, n, vars) {
  const forms = strings[singular];
  const form = Array.isArray(forms) && forms[strings[""].indexOf(new Intl.PluralRules(lang).select(n))];
  return fill(form || (n === 1 ? singular : plural), { n: num(n), ...vars });
}
