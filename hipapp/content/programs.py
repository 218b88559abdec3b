"""Build programs and their progression entries from their declared fields (``schema.py``)."""

from __future__ import annotations

from collections.abc import Mapping

from .checks import check_progression
from .fields import SLUG, At, closest
from .frontmatter import Document
from .markdown import Rendered
from .model import Program, Progression, Routine
from .schema import MAX_PROGRAM_DAYS, ProgramFields, ProgressionFields


def read_program(
    slug: str, doc: Document, at: At, rendered: Rendered, routines: Mapping[str, Routine]
) -> Program:
    v = ProgramFields(at, doc.data)
    days: list[str | None] = []
    for index, day in enumerate(v.days):
        if isinstance(day, str) and day.strip().lower() == "rest":
            days.append(None)
        elif not isinstance(day, str) or not SLUG.match(day):
            (at / "days" / index).report(None, "expected a routine slug or rest")
        elif day not in routines:
            hint = closest(day, routines)
            (at / "days" / index).report(None, f'unknown routine "{day}"{hint}')
        else:
            days.append(day)
    repeat = v.repeat
    if len(v.days) * repeat > MAX_PROGRAM_DAYS:
        at.report(
            "repeat",
            f"makes the program {len(v.days) * repeat:,} days long ({len(v.days):,} days × "
            f"{repeat}); a program can be at most {MAX_PROGRAM_DAYS} days",
        )
        repeat = 1  # checked no further: its errors are enough
    entries = [
        (index, change)
        for index, entry in enumerate(v.progression)
        if (change := read_progression(at / "progression" / index, entry)) is not None
    ]
    rest_routine = v.rest_routine
    if rest_routine and rest_routine not in routines:
        hint = closest(rest_routine, routines)
        at.report("rest_routine", f'unknown routine "{rest_routine}"{hint}')
    program = Program(
        slug,
        v.title or slug,
        tuple(days),
        repeat,
        tuple(change for _, change in entries),
        rest_routine,
        rendered.html,
        v.summary,
        doc.rel,
    )
    if days:
        check_progression(program, entries, routines, at)
    return program


def read_progression(at: At, entry: object) -> Progression | None:
    """One ``- from_week: 3`` entry, or None if it can't be used."""
    if not isinstance(entry, dict):
        at.report(None, "expected 'from_week: N' with hold/sets/reps changes like +15s")
        return None
    v = ProgressionFields(at, entry)
    if v.from_week is None:
        return None
    return Progression(v.from_week, hold=v.hold, sets=v.sets, reps=v.reps)
