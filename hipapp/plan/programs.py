"""Expand a program into its days, with the week's progression applied to every step.

Pure functions only: the day pages, the player data, the calendar and the content checks
all read what this returns, so "what does day 17 look like" is answered in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.model import Program, Progression, Routine, Step
from ..content.schedule import active, length, progressed_steps, week_of


@dataclass(frozen=True)
class ProgramDay:
    """One day of a program: its routine (progressed) or a rest day."""

    number: int
    week: int
    routine: str | None  # the routine to play; on a rest day, the optional gentle routine
    title: str
    steps: tuple[Step, ...]
    rest: bool
    change: Progression | None  # the progression entry in force, if any


def day_routine(program: Program, routines: Mapping[str, Routine], number: int) -> ProgramDay:
    """Day ``number`` (1-based) of ``program``; raises ValueError outside the program.

    The gentle routine offered on rest days is played as written: it is optional recovery,
    not training, so it does not progress.
    """
    if not 1 <= number <= length(program):
        raise ValueError(f"day {number} is outside the program's {length(program)} days")
    week = week_of(number)
    slug = program.days[(number - 1) % len(program.days)]
    if slug is None:
        gentle = routines.get(program.rest_routine or "")
        return ProgramDay(
            number,
            week,
            gentle.slug if gentle else None,
            "Rest day",
            gentle.steps if gentle else (),
            True,
            None,
        )
    routine = routines[slug]
    change = active(program.progression, week)
    steps = progressed_steps(routine.steps, change)
    return ProgramDay(number, week, slug, routine.title, steps, False, change)


def calendar(program: Program, routines: Mapping[str, Routine]) -> list[ProgramDay]:
    """Every day of the program, in order."""
    return [day_routine(program, routines, n) for n in range(1, length(program) + 1)]


def _amount(value: int, one: str, many: str) -> str:
    return f"{abs(value)} {one if abs(value) == 1 else many}"


def describe_change(change: Progression) -> str:
    """A progression entry in words: "holds 15 s longer, 1 more set and 2 more reps"."""
    parts = []
    if change.hold:
        parts.append(f"holds {abs(change.hold)} s {'longer' if change.hold > 0 else 'shorter'}")
    if change.sets:
        word = "more" if change.sets > 0 else "fewer"
        parts.append(f"{_amount(change.sets, 'set', 'sets').replace(' ', f' {word} ', 1)}")
    if change.reps:
        word = "more" if change.reps > 0 else "fewer"
        parts.append(f"{_amount(change.reps, 'rep', 'reps').replace(' ', f' {word} ', 1)}")
    if not parts:
        return "the same as week 1"
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return text + " than in week 1"
