"""Immutable content objects: the catalogue that every other module reads."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

Sides = Literal["both", "none"]
# When the discomfort check comes: once at the end of a session, or after each exercise.
PainCheck = Literal["end", "after_each"]
PAIN_CHECKS: tuple[PainCheck, ...] = ("end", "after_each")


class Shown:
    """An object with a Markdown body that other pages than its own show too.

    A card shows on its routines' pages and players, the program days that play it and
    the lists; all but its body, which only its own page shows.
    """

    @cached_property
    def shown(self) -> str:
        """A hash of every field but ``body_html``: what the build compares to know
        whether the pages that show this object, other than its own, changed."""
        own = fields(self)  # type: ignore[arg-type]  # each subclass is a dataclass
        kept = [(f.name, getattr(self, f.name)) for f in own if f.name != "body_html"]
        text = repr((type(self).__name__, kept)).encode("utf-8", "surrogatepass")
        return hashlib.sha256(text).hexdigest()[:32]

    def __getstate__(self) -> dict[str, Any]:
        # Pickled with its hash: an object kept in the parse cache (cards, routines and
        # pages) is not worked out again on every rebuild (~25 ms for 1,000 cards).
        state = self.__dict__
        state["shown"] = self.shown  # where the cached_property keeps it anyway
        return state


@dataclass(frozen=True)
class Site:
    """Studio branding and contact details from ``site.yaml``."""

    name: str = "hipapp"
    short_name: str = ""  # the name under the home-screen icon; the name when empty
    description: str = ""
    theme_color: str = "#1f6f5c"
    background_color: str = "#ffffff"
    lang: str = "en"
    logo: str | None = None
    url: str = ""
    contact: str = ""
    disclaimer: str = ""
    phrases: Mapping[str, str] = field(default_factory=dict)  # key → the studio's wording
    pain_check: PainCheck = "end"


@dataclass(frozen=True)
class Dosage:
    """How much of an exercise to do: a hold or a number of reps, per side, per set."""

    hold: int | None = None
    reps: int | None = None
    tempo: int | None = None
    sides: Sides = "none"
    sets: int = 1
    rest: int = 0
    # Reps that can't be paced: the player waits for Done instead of counting them.
    wait: bool = False


@dataclass(frozen=True)
class Exercise(Shown):
    """An exercise card."""

    slug: str
    title: str
    dosage: Dosage
    body_html: str = ""
    summary: str = ""
    cue: str = ""
    targets: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    pain_limit: int = 2
    easier: str | None = None
    harder: str | None = None
    image: str | None = None
    image_alt: str = ""
    source: str = ""


@dataclass(frozen=True)
class ExerciseStep:
    """A routine step that plays a card, with the routine's overrides applied."""

    exercise: str
    dosage: Dosage


@dataclass(frozen=True)
class RestStep:
    """An explicit rest written into a routine."""

    seconds: int


Step = ExerciseStep | RestStep


@dataclass(frozen=True)
class Routine(Shown):
    """A routine: an ordered list of steps."""

    slug: str
    title: str
    steps: tuple[Step, ...]
    body_html: str = ""
    summary: str = ""
    source: str = ""


@dataclass(frozen=True)
class Progression:
    """From ``from_week`` on, every exercise step changes by these amounts."""

    from_week: int
    hold: int = 0
    sets: int = 0
    reps: int = 0


@dataclass(frozen=True)
class Program(Shown):
    """A multi-week program: a list of days, each a routine slug or ``None`` for rest."""

    slug: str
    title: str
    days: tuple[str | None, ...]
    repeat: int = 1
    progression: tuple[Progression, ...] = ()
    rest_routine: str | None = None
    body_html: str = ""
    summary: str = ""
    source: str = ""


@dataclass(frozen=True)
class Page(Shown):
    """A free-form page such as About."""

    slug: str
    title: str
    body_html: str
    summary: str = ""
    source: str = ""


@dataclass(frozen=True)
class Catalogue:
    """Everything loaded from one content folder, checked and cross-referenced."""

    root: Path
    site: Site
    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    programs: dict[str, Program] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    media: tuple[str, ...] = ()

    @property
    def media_dir(self) -> Path:
        return self.root / "media"

    @cached_property
    def used_in(self) -> dict[str, tuple[Routine, ...]]:
        """The routines each card appears in, computed once (card pages list them)."""
        index: dict[str, list[Routine]] = {}
        for routine in self.routines.values():
            for slug in dict.fromkeys(
                s.exercise for s in routine.steps if isinstance(s, ExerciseStep)
            ):
                index.setdefault(slug, []).append(routine)
        return {slug: tuple(routines) for slug, routines in index.items()}
