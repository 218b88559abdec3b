/* plan/library.json: the site's cards, routines and programs as plans build on them
   (hipapp/web/models.py: PlanLibrary), and the checks a plan must pass against it. */

/* The library, with every link in it made absolute (they are relative to the file), and
   its own address in `href`. */
export async function loadLibrary(href) {
  const url = new URL(href, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`library: ${response.status}`);
  const library = await response.json();
  const abs = (link) => (link ? new URL(link, url).href : link);
  library.exercises = abs(library.exercises);
  library.href = url.href;
  for (const card of Object.values(library.cards)) {
    for (const key of ["image", "easier_url", "harder_url"]) card.view[key] = abs(card.view[key]);
  }
  return library;
}

function within(value, bound) {
  return Number.isInteger(value) && value >= bound.low && value <= bound.high;
}

/* What is wrong with a decoded plan on this site, for the console: [] when it can play.
   The same bounds as content files (PlanBounds), so a hand-edited link can't ask for a
   ten-hour hold. */
export function planProblems(plan, library) {
  const out = [];
  const bases = plan.kind === "routine" ? library.routines : library.programs;
  if (!Object.hasOwn(bases, plan.slug)) out.push(`no ${plan.kind} "${plan.slug}"`);
  const b = library.bounds;
  for (const items of Object.values(plan.routines)) {
    for (const item of items) {
      if (item.exercise === undefined) {
        if (!within(item.seconds, b.rest)) out.push(`rest ${item.seconds} out of bounds`);
        continue;
      }
      for (const name of ["hold", "reps", "sets", "rest"]) {
        const value = item.change[name];
        if (value !== undefined && !within(value, b[name])) out.push(`${name} ${value} out of bounds`);
      }
    }
  }
  return out;
}
