"""Expand a program into its days, with the week's progression applied to every step.

Pure functions only: the day pages, the player data, the calendar and the content checks
all read what this returns, so "what does day 17 look like" is answered in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.model import Program, Progression, Routine, Step
from ..content.schedule import active, length, progressed_steps, week_of
from ..i18n import N_, SOURCE, Words, words_for

REST_DAY = N_("Rest day")  # a rest day's title; the web views pass it translated


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


def day_routine(
    program: Program, routines: Mapping[str, Routine], number: int, *, rest_title: str = REST_DAY
) -> ProgramDay:
    """Day ``number`` (1-based) of ``program``; raises ValueError outside the program.

    ``rest_title`` names rest days in the site's language (web/programs.py passes it).

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
            rest_title,
            gentle.steps if gentle else (),
            True,
            None,
        )
    routine = routines[slug]
    change = active(program.progression, week)
    steps = progressed_steps(routine.steps, change)
    return ProgramDay(number, week, slug, routine.title, steps, False, change)


def calendar(
    program: Program, routines: Mapping[str, Routine], *, rest_title: str = REST_DAY
) -> list[ProgramDay]:
    """Every day of the program, in order."""
    return [
        day_routine(program, routines, n, rest_title=rest_title)
        for n in range(1, length(program) + 1)
    ]


def describe_change(change: Progression, w: Words | None = None) -> str:
    """A progression entry in words: "holds 15 s longer, 1 more set, and 2 more reps"."""
    w = w or words_for(SOURCE)
    parts = []
    if change.hold > 0:
        parts.append(w.gettext("holds %(duration)s longer", duration=w.duration(change.hold)))
    elif change.hold < 0:
        parts.append(w.gettext("holds %(duration)s shorter", duration=w.duration(-change.hold)))
    if change.sets > 0:
        parts.append(w.ngettext("%(num)s more set", "%(num)s more sets", change.sets))
    elif change.sets < 0:
        parts.append(w.ngettext("%(num)s fewer set", "%(num)s fewer sets", -change.sets))
    if change.reps > 0:
        parts.append(w.ngettext("%(num)s more rep", "%(num)s more reps", change.reps))
    elif change.reps < 0:
        parts.append(w.ngettext("%(num)s fewer rep", "%(num)s fewer reps", -change.reps))
    if not parts:
        return w.gettext("the same as week 1")
    return w.gettext("%(changes)s than in week 1", changes=w.join(parts))
