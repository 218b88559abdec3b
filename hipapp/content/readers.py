"""Build cards, routines and pages from their declared fields (``schema.py``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence

from .durations import format_long
from .fields import At, closest
from .frontmatter import Document
from .markdown import Rendered
from .model import Dosage, Exercise, ExerciseStep, Page, RestStep, Routine, Step
from .schema import (
    MAX_ROUTINE_SECONDS,
    MAX_ROUTINE_WORDS,
    CardFields,
    DosageFields,
    PageFields,
    RestFields,
    RoutineFields,
    StepFields,
)
from .timing import routine_seconds

# Page slugs become top-level URLs, so they must not shadow the app's own sections.
RESERVED = {"exercises", "routines", "programs", "media", "static", "history", "offline"}


def read_dosage(v: DosageFields, base: Dosage, *, card: bool) -> Dosage:
    """hold/reps/tempo/sides/sets/rest/wait over ``base`` (a card's dosage, or the defaults)."""
    if v.given("hold") and v.given("reps"):
        v.at.report("hold", "use either hold (seconds) or reps, not both")
    elif card and not v.given("hold") and not v.given("reps"):
        v.at.report(
            "hold",
            "required (or reps); add a line like 'hold: 30s' (seconds per side) or 'reps: 10'",
        )
    hold, reps = base.hold, base.reps
    if v.given("hold"):
        hold, reps = v.hold, None
    elif v.given("reps"):
        hold, reps = None, v.reps if v.reps is not None else base.reps
    wait = v.wait if v.wait is not None else base.wait
    if v.wait and reps is None:
        v.at.report("wait", "only reps can wait for Done; a hold counts down by itself")
    return Dosage(
        hold=hold,
        reps=reps,
        tempo=v.tempo if v.tempo is not None else base.tempo,
        sides=v.sides or base.sides,  # type: ignore[arg-type]
        sets=v.sets if v.sets is not None else base.sets,
        rest=v.rest if v.rest is not None else base.rest,
        # A routine that turns a waiting rep card into a hold plays a timed hold.
        wait=wait and reps is not None,
    )


def read_card(
    slug: str, doc: Document, at: At, rendered: Rendered, media: Sequence[str]
) -> Exercise:
    v = CardFields(at, doc.data)
    image = v.image or None
    if image and image not in media:
        at.report("image", f'no file "{image}" in media/{closest(image, media)}')
        image = None
    return Exercise(
        slug=slug,
        title=v.title or slug,
        dosage=read_dosage(v, Dosage(), card=True),
        body_html=rendered.html,
        summary=v.summary,
        cue=v.cue or rendered.first_cue,
        targets=v.targets,
        equipment=v.equipment,
        pain_limit=v.pain_limit,
        easier=v.easier,
        harder=v.harder,
        image=image,
        image_alt=v.image_alt,
        source=doc.rel,
    )


def check_links(cards: Mapping[str, Exercise], at: Callable[[Exercise], At]) -> None:
    """easier/harder may name any card, so check them once every card is read."""
    for card in cards.values():
        for field in ("easier", "harder"):
            target = getattr(card, field)
            if target == card.slug:
                at(card).report(field, "points to the card itself")
            elif target and target not in cards:
                others = [slug for slug in cards if slug != card.slug]
                at(card).report(field, f'unknown card "{target}"{closest(target, others)}')


def read_routine(
    slug: str, doc: Document, at: At, rendered: Rendered, cards: Mapping[str, Exercise]
) -> Routine:
    v = RoutineFields(at, doc.data)
    before = len(at.problems)
    steps = [
        step
        for index, item in enumerate(v.steps)
        if (step := read_step(at / "steps" / index, item, cards)) is not None
    ]
    if v.steps and not at.failed_since(before):
        if not any(isinstance(s, ExerciseStep) for s in steps):
            at.report("steps", "a routine needs at least one exercise, like '- glute-bridge'")
        elif (total := routine_seconds(steps)) > MAX_ROUTINE_SECONDS:
            at.report(
                "steps",
                f"the routine takes {format_long(total)}; a routine can take at most "
                f"{MAX_ROUTINE_WORDS}, so split it into shorter ones",
            )
    return Routine(slug, v.title or slug, tuple(steps), rendered.html, v.summary, doc.rel)


def routine_inputs(doc: Document, cards: Mapping[str, Exercise]) -> str | None:
    """What a routine is made from besides its file: the dosage of each card it names.

    A key for keeping the routine with its file's parse, so editing one card's text does
    not read every routine again; None (not kept) when a step names no card there is,
    whose message suggests the closest of all the cards.
    """
    steps = doc.data.get("steps")
    named = []
    for item in steps if isinstance(steps, list) else ():
        slug = item.get("exercise") if isinstance(item, dict) else item
        if slug is None or isinstance(item, dict) and "exercise" not in item:
            continue  # a rest, or not a step at all: the file alone says so
        # As read_step reads it (options.Slug): a card by its slug, spaces around it cut.
        card = cards.get(slug.strip()) if isinstance(slug, str) else None
        if card is None:
            return None
        named.append((card.slug, card.dosage))
    return hashlib.sha256(repr(named).encode("utf-8", "surrogatepass")).hexdigest()


def read_step(at: At, item: object, cards: Mapping[str, Exercise]) -> Step | None:
    """One step: a card slug, ``exercise: slug`` with overrides, or ``rest: 30s``."""
    if isinstance(item, str):
        item = {"exercise": item}
    if not isinstance(item, dict) or not ({"exercise", "rest"} & item.keys()):
        at.report(None, "expected a card slug, 'exercise: slug' with overrides, or 'rest: 30s'")
        return None
    if "rest" in item and "exercise" not in item:
        seconds = RestFields(at, item).rest
        return RestStep(seconds) if seconds else None
    v = StepFields(at, item)
    if v.exercise is None:
        return None
    card = cards.get(v.exercise)
    if card is None:
        where = "exercise" if len(item) > 1 else None
        at.report(where, f'unknown card "{v.exercise}"{closest(v.exercise, cards)}')
        return None
    return ExerciseStep(v.exercise, read_dosage(v, card.dosage, card=False))


def read_page(slug: str, doc: Document, at: At, rendered: Rendered) -> Page:
    v = PageFields(at, doc.data)
    if slug in RESERVED:
        at.report(None, f'"{slug}" is a reserved address; rename the file')
    return Page(slug, v.title or slug, rendered.html, v.summary, doc.rel)
