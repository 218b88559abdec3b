"""Every front-matter field of every kind, declared once: type, bounds, default, message.

The readers (``readers.py``, ``programs.py``, ``site.py``) build content objects from these;
the allowed keys and every "expected …" message come from here. The bounds fit an
exercise app: nobody holds a stretch for a day, and a session page must stay small.
"""

from __future__ import annotations

from typing import ClassVar

from ..errors import Severity
from . import model
from .language import Phrases, SiteLanguage
from .options import (
    HOUR,
    Change,
    Choice,
    Count,
    Duration,
    Flag,
    Items,
    Schema,
    Slug,
    Text,
    Words,
)
from .site_options import Color, Contact, Url

TITLE = "required; add a line like 'title: Glute bridge'"
MAX_ROUTINE_SECONDS = 4 * HOUR
MAX_ROUTINE_WORDS = f"{MAX_ROUTINE_SECONDS // HOUR} hours"
MAX_STEPS = 200
MAX_PROGRAM_DAYS = 366
MAX_WEEK = 520
# The ceilings of the dosage fields, which progression changes must respect too.
MAX_HOLD = HOUR
MAX_SETS = 100
MAX_REPS = 1000
MAX_REST = HOUR

SIDES = Choice(
    ("both", "none"),
    hints={
        True: '"sides: yes" (or on, or true) is YAML for true, so write "sides: both"',
        False: '"sides: no" (or off, or false) is YAML for false, so write "sides: none"',
    },
)


class Titled(Schema):
    """What every Markdown kind has: the title people see and a one-line summary."""

    title = Text(required=TITLE)
    summary = Text()


class DosageFields(Schema):
    """How much: on a card, and as a routine step's overrides (unset means "as the card")."""

    hold = Duration(high=MAX_HOLD)
    reps = Count(1, MAX_REPS)
    tempo = Duration(high=HOUR)
    sides = SIDES
    sets = Count(1, MAX_SETS)
    rest = Duration(low=0, high=MAX_REST)
    wait = Flag()  # reps that can't be paced wait for Done


class CardFields(Titled, DosageFields):
    """An exercise card, ``exercises/*.md``."""

    cue = Text()
    targets = Words()
    equipment = Words()
    pain_limit = Count(0, 10, default=model.Exercise.pain_limit)
    easier = Slug()
    harder = Slug()
    image = Text()
    image_alt = Text()


class StepFields(DosageFields):
    """A routine step that plays a card: ``- exercise: slug`` with any dosage overrides."""

    exercise = Slug(required="required; the slug of a card, like glute-bridge")


class RestFields(Schema):
    """A routine step that rests: ``- rest: 30s``. Anything else beside it is a mistake."""

    UNKNOWN: ClassVar[Severity] = "error"
    rest = Duration(high=HOUR, required='expected seconds like 30 or "45s", got nothing')


class RoutineFields(Titled):
    """A routine, ``routines/*.md``."""

    steps = Items(
        most=MAX_STEPS,
        noun="steps",
        owner="a routine",
        advice=", so split it into two",
        needs="a routine needs a list of steps, like '- glute-bridge'",
    )


class ProgramFields(Titled):
    """A program, ``programs/*.md``."""

    days = Items(
        most=MAX_PROGRAM_DAYS,
        noun="days",
        owner="a program",
        needs="a program needs a list of days, like [daily-hips, rest]",
    )
    repeat = Count(1, 52, default=model.Program.repeat)
    rest_routine = Slug()
    progression = Items(
        most=MAX_WEEK,
        noun="entries",
        owner="a program's progression",
        wrong="expected a list of '- from_week: 3' entries",
    )


class ProgressionFields(Schema):
    """One ``- from_week: 3`` entry of a program's progression."""

    UNKNOWN: ClassVar[Severity] = "error"
    from_week = Count(1, MAX_WEEK, required="required; the week this change starts, like 3")
    hold = Change(seconds=True, high=MAX_HOLD, unit="s")
    sets = Change(seconds=False, high=MAX_SETS, unit="sets")
    reps = Change(seconds=False, high=MAX_REPS, unit="reps")


class PageFields(Titled):
    """A free page, ``pages/*.md``: a title, a summary and its Markdown."""


class SiteFields(Schema):
    """The studio's ``site.yaml``."""

    name = Text(
        default=model.Site.name,
        required=f'missing, so the studio is called "{model.Site.name}"; '
        "add a line like 'name: Hip Mobility Studio'",
        missing="warning",
    )
    short_name = Text()
    description = Text()
    theme_color = Color(model.Site.theme_color)
    background_color = Color(model.Site.background_color)
    lang = SiteLanguage(model.Site.lang)
    logo = Text()
    url = Url()
    contact = Contact()
    disclaimer = Text()
    phrases = Phrases()
    pain_check = Choice(model.PAIN_CHECKS)
