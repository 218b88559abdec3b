"""Checks that need a whole program: progression order, reach, and the dosages it produces."""

from __future__ import annotations

from collections.abc import Mapping

from .durations import format_long
from .fields import At
from .model import ExerciseStep, Program, Progression, Routine
from .options import amount
from .schedule import active, apply_change, length, progressed_steps, week_of, weeks
from .schema import MAX_HOLD, MAX_REPS, MAX_ROUTINE_SECONDS, MAX_ROUTINE_WORDS, MAX_SETS
from .timing import routine_seconds

# The range each progressed field must stay in, and how to say its ends.
RANGES = {
    "hold": (1, "1 s", MAX_HOLD, amount(MAX_HOLD, "s")),
    "sets": (1, "1 set", MAX_SETS, amount(MAX_SETS, "sets")),
    "reps": (1, "1 rep", MAX_REPS, amount(MAX_REPS, "reps")),
}


def check_progression(
    program: Program,
    entries: list[tuple[int, Progression]],
    routines: Mapping[str, Routine],
    at: At,
) -> None:
    """Report progression entries out of order, beyond the program, or out of bounds.

    ``entries`` pairs each parsed entry with its index in the file, for located messages.
    """
    where = {id(change): at / "progression" / i for i, change in entries}
    previous: Progression | None = None
    for _, change in entries:
        f = where[id(change)]
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
    _check_dosages(program, routines, where)


def _week(change: Progression) -> int:
    return change.from_week


def _check_dosages(program: Program, routines: Mapping[str, Routine], at: dict[int, At]) -> None:
    """Each entry applies to the days of the weeks it governs; check every step it changes."""
    reported: set[tuple[int, str]] = set()
    seen: set[tuple[int, str]] = set()
    for number in range(1, length(program) + 1):
        slug = program.days[(number - 1) % len(program.days)]
        change = active(program.progression, week_of(number))
        if slug is None or change is None or slug not in routines or (id(change), slug) in seen:
            continue
        seen.add((id(change), slug))  # the same routine under the same entry: checked once
        routine = routines[slug]
        steps = [s for s in routine.steps if isinstance(s, ExerciseStep)]
        for step in steps:
            after = apply_change(step.dosage, change)
            for field, (low, low_words, high, high_words) in RANGES.items():
                value = getattr(after, field)
                key = (id(change), field)
                if value is None or low <= value <= high or key in reported:
                    continue
                reported.add(key)
                shown = f"{value} s" if field == "hold" else str(value)
                bound = f"at least {low_words}" if value < low else f"at most {high_words}"
                at[id(change)].report(
                    field,
                    f'makes {field} of "{step.exercise}" in routine "{slug}" {shown} '
                    f"from week {change.from_week}; it must stay {bound}",
                )
        total = routine_seconds(progressed_steps(routine.steps, change))
        key = (id(change), "total")
        if total > MAX_ROUTINE_SECONDS and key not in reported:
            reported.add(key)
            at[id(change)].report(
                None,
                f'makes routine "{slug}" take {format_long(total)} from week '
                f"{change.from_week}; a routine can take at most "
                f"{MAX_ROUTINE_WORDS}",
            )
