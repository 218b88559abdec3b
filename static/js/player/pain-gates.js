/* Indices of steps that end an exercise with a pain limit: the pain check follows them. */
export function painGates(steps, cards) {
  const out = [];
  steps.forEach((s, i) => {
    const card = s.exercise && cards[s.exercise];
    const next = steps[i + 1];
    if (card && card.pain_limit != null && (!next || next.exercise !== s.exercise)) out.push(i);
  });
  return out;
}
