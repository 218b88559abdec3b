"""Read the nested values cards, routines and programs share: a dosage, a progression."""

from __future__ import annotations

from .durations import parse_delta
from .fields import Fields
from .model import Dosage, Progression


def read_dosage(f: Fields, base: Dosage, *, card: bool) -> Dosage:
    """Read hold/reps/tempo/sides/sets/rest over ``base`` (a card's, or the defaults)."""
    if f.has("hold") and f.has("reps"):
        f.report("hold", "use either hold (seconds) or reps, not both")
    elif card and not f.has("hold") and not f.has("reps"):
        f.report(None, "needs hold (seconds per side, like 30s) or reps (like 10)")
    hold, reps = base.hold, base.reps
    if f.has("hold"):
        hold, reps = f.duration("hold"), None
    elif f.has("reps"):
        hold, reps = None, f.integer("reps", default=base.reps or 1, low=1, high=1000)
    return Dosage(
        hold=hold,
        reps=reps,
        tempo=f.duration("tempo", default=base.tempo),
        sides=f.choice("sides", ("both", "none"), base.sides),  # type: ignore[arg-type]
        sets=f.integer("sets", default=base.sets, low=1, high=100),
        rest=f.duration("rest", default=base.rest, allow_zero=True) or 0,
    )


def read_progression(f: Fields, entry: object) -> Progression | None:
    """One ``- from_week: 3`` entry of a program's progression, or None if unusable."""
    if not isinstance(entry, dict):
        f.report(None, "expected 'from_week: N' with hold/sets/reps changes like +15s")
        return None
    f.data = entry
    f.unknown(("from_week", "hold", "sets", "reps"), "error")
    week = f.integer("from_week", default=0, low=1, high=520)
    if not f.has("from_week"):
        f.report("from_week", "required; the week this change starts, like 3")
    deltas = {}
    for key in ("hold", "sets", "reps"):
        if f.has(key):
            try:
                deltas[key] = parse_delta(entry[key], seconds=key == "hold")
            except ValueError as exc:
                f.report(key, str(exc))
    return Progression(week, **deltas) if week else None
