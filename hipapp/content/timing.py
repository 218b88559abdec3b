"""How long a routine takes: the timing defaults every stage shares, and the total they give.

The planner (``hipapp.plan.sequence``) expands steps into timed phases with these numbers,
the player reads them from its data, and the content checks bound a routine's length with
``routine_seconds``: so each number exists once, below everything that uses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Dosage, RestStep, Step

LEAD_IN = 5  # "get ready" before each exercise
SWITCH = 5  # "switch sides" between the left and the right of a two-sided set
DEFAULT_TEMPO = 3  # seconds per rep, for the estimate, when a card gives no tempo


def work_seconds(dosage: Dosage) -> int:
    """One side of one set: the hold, or reps at their tempo."""
    if dosage.reps is not None:
        return dosage.reps * (dosage.tempo or DEFAULT_TEMPO)
    return dosage.hold or 0


def step_seconds(step: Step, *, lead_in: int = LEAD_IN, switch: int = SWITCH) -> int:
    """The length of one routine step, as the planner expands it."""
    if isinstance(step, RestStep):
        return step.seconds
    d = step.dosage
    sides = 2 if d.sides == "both" else 1
    per_set = sides * work_seconds(d) + (sides - 1) * switch
    return lead_in + d.sets * per_set + (d.sets - 1) * d.rest


def routine_seconds(steps: Iterable[Step]) -> int:
    """A routine's length with the default lead-in and switch."""
    return sum(step_seconds(s) for s in steps)
