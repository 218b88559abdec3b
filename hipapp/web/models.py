"""View models: the one typed contract for every JSON document the browser reads.

Each page that runs a script embeds one as ``<script type="application/json">`` (the
``data_json`` filter), and the scripts read nothing else from the server. By element id:

``player-data`` (``PlayerData``; play pages of routines and program days)
    ``title``, ``total`` (seconds, rep steps at their pace), ``timing`` (the defaults a
    person may change in Settings: ``lead_in``, ``switch``, ``rep_pace``), ``steps``
    (hipapp.plan.sequence.Timed, with empty fields left out), ``cards`` (slug →
    ``CardView``: the session's cards and their easier and harder cards), ``swaps``
    (slug → the timed steps of an easier or harder card as written, played in place of
    the session's card when the person accepts the offer), ``pain_check`` ("end" or
    "after_each"), ``program`` (``ProgramRef``, or null on a routine's player; ``next``
    is the following day, or null) and ``plan`` (``PlanRef``; null except on a personal
    plan's player, whose page builds this document from the plan and the library).
``program-data`` (``TodayData``; a program's today page)
    ``slug``, ``title``, ``length``, ``days`` (``DayView`` for each day, in order), ``plan``
    (the personal plan page) and ``studio`` (for calendar events).
``programs-data`` (slug → ``ProgramSummary``; the home page's "continue" card)
``history-data`` (``HistoryData``; the history page: studio, contact, programs, card titles)
``plan/library.json`` (``PlanLibrary``; fetched by the plan pages and the share forms)
    What a personal plan builds on: every card (dosage and ``CardView``), routine and
    program with its ``revision``, the dosage ``bounds``, the ``timing`` rules and the
    studio's name. Its links are relative to the JSON file; the others' to their page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, is_dataclass
from typing import Any
from urllib.parse import quote

from ..content.model import Dosage, Exercise, PainCheck, Progression, Step
from ..content.schema import MAX_HOLD, MAX_REPS, MAX_REST, MAX_SETS
from ..content.timing import DEFAULT_TEMPO, LEAD_IN, SWITCH
from ..plan.link import MAX_CLIENT, MAX_NOTE
from ..plan.sequence import Timed, expand_exercise, total_seconds


@dataclass(frozen=True)
class Timing:
    """The player's defaults for the parts a person may retime: each number exists once."""

    lead_in: int = LEAD_IN
    switch: int = SWITCH
    rep_pace: int = DEFAULT_TEMPO


@dataclass(frozen=True)
class CardView:
    """What the player shows and offers for one card of the session."""

    title: str
    cue: str
    image: str | None
    image_alt: str
    pain_limit: int
    easier: str | None
    easier_title: str | None
    easier_url: str | None
    # The harder card is offered by its own card's title (it comes along in ``cards``) and
    # never linked, so it needs only its slug: every byte here is on the first screen.
    harder: str | None


@dataclass(frozen=True)
class NextDay:
    """The program day after a session's, for the summary: "Tomorrow: Hip strength, 18 min"."""

    n: int
    title: str
    rest: bool
    total: int  # seconds; 0 on a rest day with no gentle routine


@dataclass(frozen=True)
class ProgramRef:
    """The program day a session belongs to, for the log and the summary."""

    slug: str
    title: str
    day: int
    days: int
    next: NextDay | None = None


@dataclass(frozen=True)
class PlanRef:
    """The personal plan a session belongs to, for the log and the resume offer."""

    id: str  # the link's check: the same link is the same plan
    title: str  # "Anna's plan", as the history shows it
    # Where the player keeps this session (in place of location.pathname): one player
    # page serves every plan and day, and each must resume only its own session.
    pathname: str


@dataclass(frozen=True)
class PlayerData:
    """Everything a play page's script reads."""

    title: str
    total: int
    timing: Timing
    steps: list[dict[str, Any]]
    cards: dict[str, CardView]
    swaps: dict[str, list[dict[str, Any]]]
    pain_check: PainCheck = "end"
    program: ProgramRef | None = None
    plan: PlanRef | None = None


@dataclass(frozen=True)
class Bound:
    """The allowed whole numbers of one dosage field."""

    low: int
    high: int


@dataclass(frozen=True)
class PlanBounds:
    """The bounds content files have, for the studio's form and the client's link."""

    hold: Bound = Bound(1, MAX_HOLD)
    reps: Bound = Bound(1, MAX_REPS)
    sets: Bound = Bound(1, MAX_SETS)
    rest: Bound = Bound(0, MAX_REST)
    client: int = MAX_CLIENT  # characters
    note: int = MAX_NOTE


@dataclass(frozen=True)
class PlanCard:
    """A card as a plan builds on it: its dosage as written, and what the player shows."""

    slug: str
    dosage: Dosage
    view: CardView


@dataclass(frozen=True)
class PlanRoutine:
    """A routine's steps (``ExerciseStep`` as {exercise, dosage}, ``RestStep`` as {seconds})."""

    slug: str
    title: str
    revision: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class PlanProgram:
    """A program's days (routine slugs, null for rest), length and progression."""

    slug: str
    title: str
    revision: str
    days: tuple[str | None, ...]
    repeat: int
    progression: tuple[Progression, ...]
    rest_routine: str | None


@dataclass(frozen=True)
class PlanLibrary:
    """``plan/library.json``: the site's content as personal plans read it."""

    studio: str
    exercises: str  # where the card pages are, so a plan's cards can be stored for offline
    timing: Timing
    bounds: PlanBounds
    cards: dict[str, PlanCard]
    routines: dict[str, PlanRoutine]
    programs: dict[str, PlanProgram]


@dataclass(frozen=True)
class DayView:
    """One day of a program as the today page and the home card show it."""

    n: int
    title: str
    rest: bool
    url: str
    play: str | None
    total: int


@dataclass(frozen=True)
class TodayData:
    """A program's today page: which day is today is worked out on the device."""

    slug: str
    title: str
    length: int
    days: list[DayView]
    plan: str  # the personal plan page, which opens instead when the client has a plan
    studio: str  # for the calendar events' titles


@dataclass(frozen=True)
class ProgramSummary:
    """A program for the home page's "continue your program" card."""

    title: str
    today: str
    days: list[str]


@dataclass(frozen=True)
class HistoryProgram:
    """A program as the history page counts adherence to it."""

    title: str
    length: int
    workdays: list[int]
    today: str


@dataclass(frozen=True)
class HistoryData:
    """The history page: who to send a summary to, the programs to count, and each card's
    title (slug → title) for sessions saved before entries kept their own titles."""

    studio: str
    contact: str
    programs: dict[str, HistoryProgram]
    cards: dict[str, str]


def fields_of(value: Any) -> dict[str, Any]:
    """A view model's fields, for ``json.dumps(default=fields_of)``.

    ``vars()``, not ``asdict()``: asdict deep-copies every field, and play pages are many.
    """
    if is_dataclass(value) and not isinstance(value, type):
        return vars(value)
    raise TypeError(f"{type(value).__name__} is not a view model")


def player_data(
    title: str,
    timed: list[Timed],
    exercises: Mapping[str, Exercise],
    *,
    media_url: str,
    exercise_url: str,
    pain_check: PainCheck = "end",
    program: ProgramRef | None = None,
) -> PlayerData:
    """The player's data for a session of ``timed`` phases.

    ``media_url`` and ``exercise_url`` are the relative prefixes of images and card pages
    from the play page; each card names its easier and harder variations by title and
    link, and those variations come along whole (card and steps), so the player can
    offer one in a card's place without a second request, offline too.
    """
    # The session's own cards, in the order they first come up: looking each one up
    # (rather than filtering the whole library) keeps a play page's cost independent of
    # how many cards the studio has.
    used = dict.fromkeys(t.exercise for t in timed if t.exercise)
    own = {slug: card for slug in used if (card := exercises.get(slug)) is not None}
    variations = {
        slug: card
        for c in own.values()
        for slug in (c.easier, c.harder)
        if slug and slug not in own and (card := exercises.get(slug)) is not None
    }
    cards = {
        slug: card_view(card, exercises, media_url, exercise_url)
        for slug, card in {**own, **variations}.items()
    }
    swaps = {
        slug: steps_json(expand_exercise(slug, card.dosage))
        for c in own.values()
        for slug in (c.easier, c.harder)
        if slug and (card := exercises.get(slug)) is not None
    }
    return PlayerData(
        title=title,
        total=total_seconds(timed),
        timing=Timing(),
        steps=steps_json(timed),
        cards=cards,
        swaps=swaps,
        pain_check=pain_check,
        program=program,
    )


def steps_json(timed: list[Timed]) -> list[dict[str, Any]]:
    """Timed phases as the player reads them: empty fields are left out, every byte counts."""
    return [{k: v for k, v in vars(t).items() if v is not None} for t in timed]


def card_view(
    card: Exercise, exercises: Mapping[str, Exercise], media_url: str, exercise_url: str
) -> CardView:
    """One card for the player, with its easier variation's title and link."""

    def variation(slug: str | None) -> tuple[str | None, str | None]:
        other = exercises.get(slug) if slug else None
        return (other.title, f"{exercise_url}{slug}/") if other else (None, None)

    easier_title, easier_url = variation(card.easier)
    return CardView(
        title=card.title,
        cue=card.cue,
        image=f"{media_url}{quote(card.image)}" if card.image else None,
        image_alt=card.image_alt,
        pain_limit=card.pain_limit,
        easier=card.easier,
        easier_title=easier_title,
        easier_url=easier_url,
        harder=card.harder,
    )
