/* A card played in another's place: the session's steps with the swaps taken on the ready
   screen (swap-offers.js makes the offers). Pure; in the first bundle, as a session resumed
   after a reload replays its swaps at once. */

/* The session's steps with each taken swap ({from: to}) in the card's place: every run of
   the card's steps (from its lead-in) becomes the other card's steps as written. */
export function swappedSteps(steps, taken, swaps) {
  const out = [];
  steps.forEach((step, i) => {
    const to = step.exercise && taken[step.exercise];
    if (!to) {
      out.push(step);
    } else if (step.kind === "lead-in" || !i || steps[i - 1].exercise !== step.exercise) {
      out.push(...swaps[to]);
    }
  });
  return out;
}
