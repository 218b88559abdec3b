"""Personal plans: a studio's changes to one routine or program, for one client.

A plan is never stored on a server. It travels in a link (``hipapp/plan/link.py`` reads
and writes the format) and the client's browser applies it to the site's content with
``static/js/plans/expand.js``. This module is the reference that copy is tested against
(tests/browser/test_plan_expand.py feeds both the same random plans), so the rules below
are the only statement of what a plan means.

- A personalised routine is an ordered list of items: cards, each with the dosage fields
  the studio changed, and explicit rests. Order, leaving out and adding are all in the list.
- The ``n``-th item naming a card starts from the ``n``-th step of the routine that plays
  that card (routine overrides included); an item past the routine's own steps for that
  card starts from the card as written. The plan's fields then win over that base, so a
  card the studio edits later still plays the client's personal dosage, and the fields
  the studio left alone follow the library.
- A changed hold turns a rep card into a timed one and vice versa, as in routine files.
- An item naming a card the library no longer has is left out and reported.
- In a program, the personalised routine replaces the routine as written before the
  week's progression applies: personal values are the client's week 1.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from ..content.model import Dosage, Exercise, ExerciseStep, Program, RestStep, Routine, Sides, Step
from ..content.schedule import progressed_steps
from .programs import ProgramDay, day_routine

Kind = Literal["routine", "program"]


@dataclass(frozen=True)
class Change:
    """The dosage fields a studio set for one card; ``None`` keeps the base's value."""

    hold: int | None = None
    reps: int | None = None
    sets: int | None = None
    rest: int | None = None
    sides: Sides | None = None


@dataclass(frozen=True)
class CardItem:
    """A card in a personalised routine."""

    exercise: str
    change: Change = Change()


@dataclass(frozen=True)
class RestItem:
    """An explicit rest in a personalised routine."""

    seconds: int


Item = CardItem | RestItem


@dataclass(frozen=True)
class Plan:
    """One client's plan: the content it personalises and what it changes."""

    kind: Kind
    slug: str  # the routine or program
    revision: str = ""  # the content's revision when the plan was made ("" if unknown)
    start: date | None = None  # day 1 of a program plan
    client: str = ""
    note: str = ""
    # Personalised routines by slug; a routine missing here plays as written.
    routines: Mapping[str, tuple[Item, ...]] = field(default_factory=dict)


def revision(
    routines: tuple[Routine, ...], exercises: Mapping[str, Exercise], program: Program | None = None
) -> str:
    """Six capital hex digits that change whenever what a plan builds on changes.

    That is the routines' steps, the dosages of the cards they play and, for a program, its
    days, length and progression; titles and texts don't count. A link carries the
    revision it was made against, so the client's page can say the studio has since
    changed the routine.
    """
    used = sorted({s.exercise for r in routines for s in r.steps if isinstance(s, ExerciseStep)})
    parts: list[object] = [[(r.slug, r.steps) for r in routines]]
    parts += [(slug, exercises[slug].dosage) for slug in used if slug in exercises]
    if program is not None:
        parts.append((program.days, program.repeat, program.progression, program.rest_routine))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:6].upper()


def changed(dosage: Dosage, change: Change) -> Dosage:
    """``dosage`` with the studio's fields; a hold replaces reps and reps replace a hold."""
    hold, reps = dosage.hold, dosage.reps
    if change.hold is not None:
        hold, reps = change.hold, None
    elif change.reps is not None:
        hold, reps = None, change.reps
    return replace(
        dosage,
        hold=hold,
        reps=reps,
        sets=dosage.sets if change.sets is None else change.sets,
        rest=dosage.rest if change.rest is None else change.rest,
        sides=dosage.sides if change.sides is None else change.sides,
    )


def personal_steps(
    steps: tuple[Step, ...], items: tuple[Item, ...], exercises: Mapping[str, Exercise]
) -> tuple[tuple[Step, ...], tuple[str, ...]]:
    """A routine's ``steps`` as the plan's ``items`` have them, and the cards it lost.

    The second value names, once each, the cards the items play that ``exercises`` no
    longer has; those items are left out.
    """
    written: dict[str, list[Dosage]] = {}
    for step in steps:
        if isinstance(step, ExerciseStep):
            written.setdefault(step.exercise, []).append(step.dosage)
    seen: Counter[str] = Counter()
    out: list[Step] = []
    missing: list[str] = []
    for item in items:
        if isinstance(item, RestItem):
            out.append(RestStep(item.seconds))
            continue
        card = exercises.get(item.exercise)
        if card is None:
            missing.append(item.exercise)
            continue
        n = seen[item.exercise]
        seen[item.exercise] += 1
        bases = written.get(item.exercise, [])
        base = bases[n] if n < len(bases) else card.dosage
        out.append(ExerciseStep(item.exercise, changed(base, item.change)))
    return tuple(out), tuple(dict.fromkeys(missing))


def plan_routine(
    plan: Plan, routine: Routine, exercises: Mapping[str, Exercise]
) -> tuple[tuple[Step, ...], tuple[str, ...]]:
    """The routine's steps under ``plan`` (as written when the plan leaves it alone)."""
    items = plan.routines.get(routine.slug)
    if items is None:
        return routine.steps, ()
    return personal_steps(routine.steps, items, exercises)


def plan_day(
    plan: Plan,
    program: Program,
    routines: Mapping[str, Routine],
    exercises: Mapping[str, Exercise],
    number: int,
) -> tuple[ProgramDay, tuple[str, ...]]:
    """Day ``number`` of ``program`` under ``plan``: personal steps, then the progression.

    Raises ValueError outside the program, as ``day_routine`` does. The gentle routine of
    a rest day takes the plan's changes but, as in the program, no progression.
    """
    day = day_routine(program, routines, number)
    if day.routine is None or day.routine not in plan.routines:
        return day, ()
    steps, missing = plan_routine(plan, routines[day.routine], exercises)
    return replace(day, steps=progressed_steps(steps, day.change)), missing
