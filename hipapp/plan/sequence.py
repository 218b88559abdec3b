"""Expand a routine into the explicit timed steps that the player plays.

Pure functions only: the player in the browser plays exactly what this returns, so the
timing rules live (and are tested) in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..content.model import Dosage, RestStep, Step
from ..content.timing import LEAD_IN, SWITCH, work_seconds

Kind = Literal["lead-in", "hold", "switch", "rest", "reps"]
Side = Literal["left", "right"]


@dataclass(frozen=True)
class Timed:
    """One timed phase of a session."""

    kind: Kind
    seconds: int
    exercise: str | None = None
    side: Side | None = None
    set: int = 0
    sets: int = 0
    reps: int | None = None
    tempo: int | None = None
    # True on a rep phase that waits for Done (the card's ``wait: true``); None, and so
    # left out of the player's JSON, everywhere else.
    wait: bool | None = None


def expand_step(step: Step, *, lead_in: int = LEAD_IN, switch: int = SWITCH) -> list[Timed]:
    """The timed phases of one routine step."""
    if isinstance(step, RestStep):
        return [Timed("rest", step.seconds)]
    return expand_exercise(step.exercise, step.dosage, lead_in=lead_in, switch=switch)


def expand_exercise(
    slug: str, dosage: Dosage, *, lead_in: int = LEAD_IN, switch: int = SWITCH
) -> list[Timed]:
    """Lead-in, then each set (left, switch, right for two-sided cards), rest between sets."""
    out = [Timed("lead-in", lead_in, slug, set=1, sets=dosage.sets)] if lead_in else []
    sides: tuple[Side | None, ...] = ("left", "right") if dosage.sides == "both" else (None,)
    for number in range(1, dosage.sets + 1):
        for index, side in enumerate(sides):
            if index and switch:
                out.append(Timed("switch", switch, slug, side, number, dosage.sets))
            out.append(_work(slug, dosage, side, number))
        if number < dosage.sets and dosage.rest:
            out.append(Timed("rest", dosage.rest, slug, set=number, sets=dosage.sets))
    return out


def _work(slug: str, dosage: Dosage, side: Side | None, number: int) -> Timed:
    seconds = work_seconds(dosage)
    if dosage.reps is not None:
        wait = True if dosage.wait else None
        return Timed(
            "reps", seconds, slug, side, number, dosage.sets, dosage.reps, dosage.tempo, wait
        )
    return Timed("hold", seconds, slug, side, number, dosage.sets)


def expand(steps: Iterable[Step], *, lead_in: int = LEAD_IN, switch: int = SWITCH) -> list[Timed]:
    """Every timed phase of a routine, in order."""
    return [t for step in steps for t in expand_step(step, lead_in=lead_in, switch=switch)]


def total_seconds(timed: Iterable[Timed]) -> int:
    """The session's length; rep phases count at their tempo estimate."""
    return sum(t.seconds for t in timed)
