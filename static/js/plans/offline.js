/* A plan offline: on a library too large to store whole, the service worker stores only
   the shell and what a client follows. A plan lives in its link, which the worker never
   sees, so the plan page tells it what the plan plays: the library the plan reads, every
   card of every session, with the easier and harder cards the player may offer, and
   their pictures. */
import { programLength } from "./expand.js";
import { planSession } from "./session.js";

/* The absolute URLs of the library and of the card pages and pictures a plan can play. */
export function planUrls(plan, library) {
  const days = plan.kind === "routine" ? 1 : programLength(library.programs[plan.slug]);
  const slugs = new Set();
  for (let n = 1; n <= days; n++) {
    const session = planSession(plan, library, n);
    for (const step of (session && session.steps) || []) {
      const card = step.exercise !== undefined && library.cards[step.exercise];
      if (!card) continue;
      slugs.add(step.exercise);
      for (const near of [card.view.easier, card.view.harder]) if (near && library.cards[near]) slugs.add(near);
    }
  }
  const urls = [library.href];
  for (const slug of slugs) {
    urls.push(new URL(`${encodeURIComponent(slug)}/`, library.exercises).href);
    const image = library.cards[slug].view.image;
    if (image) urls.push(image);
  }
  return urls;
}

/* Ask the worker to store them; resolves to its report ({ok, total}), or null when no
   worker runs (the studio's preview, a browser without one). Never rejects. */
export function keepOffline(urls) {
  if (!("serviceWorker" in navigator) || document.querySelector('meta[name="hipapp-preview"]')) return Promise.resolve(null);
  return navigator.serviceWorker.ready
    .then((registration) => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      registration.active.postMessage({ type: "KEEP", urls }, [channel.port2]);
    }))
    .catch(() => null);
}
