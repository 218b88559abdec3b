"""What a program's days, weeks and progression entries mean: the rules every stage shares.

The loader checks progressions with these, the planner expands program days with them, so
"which entry applies in week 3" is answered in one place.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Dosage, ExerciseStep, Program, Progression, Step

WEEK = 7


def length(program: Program) -> int:
    """How many days the program runs: its day list times ``repeat``."""
    return len(program.days) * program.repeat


def weeks(program: Program) -> int:
    """How many (possibly partial) weeks the program spans."""
    return -(-length(program) // WEEK)


def week_of(day: int) -> int:
    """The week a day falls in: days 1-7 are week 1, days 8-14 week 2, and so on."""
    if day < 1:
        raise ValueError(f"days count from 1, got {day}")
    return (day - 1) // WEEK + 1


def active(progression: tuple[Progression, ...], week: int) -> Progression | None:
    """The entry in force in ``week``: the one with the greatest ``from_week`` ≤ ``week``.

    Entries are cumulative (each says how far from week 1 the dosage has moved), never summed.
    """
    due = [p for p in progression if p.from_week <= week]
    return max(due, key=lambda p: p.from_week) if due else None


def apply_change(dosage: Dosage, change: Progression | None) -> Dosage:
    """The dosage moved by one progression entry; holds and reps change only where they exist."""
    if change is None:
        return dosage
    return replace(
        dosage,
        hold=dosage.hold + change.hold if dosage.hold is not None else None,
        reps=dosage.reps + change.reps if dosage.reps is not None else None,
        sets=dosage.sets + change.sets,
    )


def progressed_steps(steps: tuple[Step, ...], change: Progression | None) -> tuple[Step, ...]:
    """A routine's steps with one progression entry applied to every exercise step."""
    if change is None:
        return steps
    return tuple(
        ExerciseStep(s.exercise, apply_change(s.dosage, change))
        if isinstance(s, ExerciseStep)
        else s
        for s in steps
    )
