"""Checks that need a whole program: progression order, reach, and the dosages it produces."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import Problem
from .fields import Fields
from .frontmatter import Document
from .model import ExerciseStep, Program, Progression, Routine
from .schedule import active, apply_change, length, week_of, weeks

# The smallest value each progressed field may reach, and how to say it.
FLOORS = {"hold": (1, "1 s"), "sets": (1, "1 set"), "reps": (1, "1 rep")}


def check_progression(
    program: Program,
    entries: list[tuple[int, Progression]],
    routines: Mapping[str, Routine],
    doc: Document,
    problems: list[Problem],
) -> None:
    """Report progression entries out of order, beyond the program, or shrinking a step to 0.

    ``entries`` pairs each parsed entry with its index in the file, for located messages.
    """
    at = {id(change): Fields(doc, problems, {}, ("progression", i)) for i, change in entries}
    previous: Progression | None = None
    for _, change in entries:
        f = at[id(change)]
        if previous is not None and change.from_week <= previous.from_week:
            f.report(
                "from_week",
                f"weeks must go up: week {change.from_week} comes after week "
                f"{previous.from_week}; list entries in the order they start",
            )
        elif change.from_week > weeks(program):
            # A warning, not an error: the entry is harmless (it never applies), and a studio
            # may shorten a program for a while without wanting to delete its later weeks.
            f.report(
                "from_week",
                f"never applies: the program has {weeks(program)} weeks ({length(program)} days)",
                "warning",
            )
        previous = change if previous is None else max(previous, change, key=_week)
    _check_dosages(program, routines, at)


def _week(change: Progression) -> int:
    return change.from_week


def _check_dosages(
    program: Program, routines: Mapping[str, Routine], at: dict[int, Fields]
) -> None:
    """Each entry applies to the days of the weeks it governs; check every step it changes."""
    reported: set[tuple[int, str]] = set()
    for number in range(1, length(program) + 1):
        slug = program.days[(number - 1) % len(program.days)]
        change = active(program.progression, week_of(number))
        if slug is None or change is None or slug not in routines:
            continue
        for step in routines[slug].steps:
            if not isinstance(step, ExerciseStep):
                continue
            after = apply_change(step.dosage, change)
            for field, (floor, words) in FLOORS.items():
                value = getattr(after, field)
                key = (id(change), field)
                if value is None or value >= floor or key in reported:
                    continue
                reported.add(key)
                shown = f"{value} s" if field == "hold" else str(value)
                at[id(change)].report(
                    field,
                    f'makes {field} of "{step.exercise}" in routine "{slug}" {shown} '
                    f"from week {change.from_week}; it must stay at least {words}",
                )
