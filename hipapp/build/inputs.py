"""What each URL of the site is made from, as one hash: the build manifest's input side.

A page's input hash covers the content objects it shows (a card page: the card, its
easier and harder cards, the routines it is used in; a program day: the program, its
routines and their cards) plus the site-wide key: hipapp's own code, templates and
catalogues, the build's settings, the bundles, ``site.yaml`` and the slug and title of
everything (which navigation, links and lists show). Pages not listed here (the home
page, the lists, the manifest) depend on the whole catalogue. An object's Markdown body
shows only on its own page, so it counts there only (``Shown.shown`` in the content
model hashes the rest, and the parse cache keeps that hash). So editing one card's fields
re-renders that card's page, the routines and program days that use it, the lists and
the worker's manifest; editing its text re-renders its page and the worker; editing
hipapp re-renders everything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from flask import Flask

from ..content.model import Catalogue, ExerciseStep, Program, Routine, Shown
from ..files import code_digest
from ..web.state import catalogue

Entry = tuple[str, str, dict[str, Any]]  # path, endpoint, values
Group = Callable[[str, str, Callable[[], Iterable[object]]], str]  # kind, slug, its inputs


def input_keys(app: Flask, entries: Iterable[Entry]) -> dict[str, str]:
    """Each path's input hash."""
    cat = catalogue(app)
    site = _site_key(app, cat)
    show = _Shown()
    whole = _digest(site, *map(show, _everything(cat)))
    groups: dict[tuple[str, str], str] = {}

    def group(kind: str, slug: str, items: Callable[[], Iterable[object]]) -> str:
        # A routine's inputs count on its page, player and share page, a program's on
        # each of its days: hash each set once.
        if (kind, slug) not in groups:
            groups[kind, slug] = _digest(kind, *map(show, items()))
        return groups[kind, slug]

    keys = {}
    for path, endpoint, values in entries:
        parts = _parts(cat, endpoint, values, group)
        keys[path] = whole if parts is None else _digest(site, endpoint, path, *map(show, parts))
    return keys


# Settings that change how a build runs, not what it makes (HIPAPP_BUILD_WORKERS).
_HOW_NOT_WHAT = frozenset({"BUILD_WORKERS"})


def build_key(app: Flask) -> str:
    """One hash of everything the whole site is made from: equal, nothing can differ.

    The site-wide key (hipapp's code, bundles, site.yaml, the skeleton), every setting
    (HIPAPP_PRECACHE_ALL_BELOW shows only in the worker, say), the bytes of every content
    file and each picture's size and time.
    """
    cat = catalogue(app)
    sources: dict[str, str] = app.extensions["hipapp.sources"]
    media = [(name, _stat(cat.media_dir / name)) for name in cat.media]
    settings = sorted((k, repr(v)) for k, v in app.config.items() if k not in _HOW_NOT_WHAT)
    return _digest(_site_key(app, cat), *map(repr, (settings, sorted(sources.items()), media)))


class _Shown:
    """What each object shows on other pages than its own, worked out once.

    That is everything but its Markdown body (``body_html``), which only its own page
    shows (``_parts`` adds it there). A card shows on many pages: its own, its routines'
    pages, their players and share pages, the program days that play them, the lists.
    """

    def __init__(self) -> None:
        # Keyed by id, holding the object, so no id is reused while this lives.
        self.seen: dict[int, tuple[object, str]] = {}

    def __call__(self, item: object) -> str:
        kept = self.seen.get(id(item))
        if kept is None:
            # Its hash, not its repr: each page's key then hashes a few short strings.
            kept = self.seen[id(item)] = (item, _digest(_shown(item)))
        return kept[1]


def _shown(item: object) -> str:
    if isinstance(item, Shown):
        return item.shown  # kept with the object in the parse cache
    # A body is hashed as it is (its repr would copy and escape all of it first); a
    # picture's name, size and time by their repr.
    return item if isinstance(item, str) else repr(item)


def _parts(
    cat: Catalogue, endpoint: str, values: dict[str, Any], group: Group
) -> list[object] | None:
    """The page's own inputs, or None for "the whole catalogue"."""
    if endpoint in ("static", "pwa.icon"):
        # A bundle's name carries the hash of its bytes; icons and screenshots are drawn
        # from site.yaml, the logo and the routines' titles, all in the site-wide key.
        return []
    if endpoint == "site.media":
        return [_stat(cat.media_dir / values["name"])]
    # A body shows on its own page only (exercise.html, routine.html, program.html,
    # page.html): editing a card's text re-renders its page, not the lists or routines.
    if endpoint == "site.page":
        page = cat.pages[values["slug"]]
        return [page, page.body_html]
    if endpoint == "site.exercise":
        card = cat.exercises[values["slug"]]
        near = [cat.exercises[s] for s in (card.easier, card.harder) if s]
        return [card, card.body_html, *near, *cat.used_in.get(card.slug, ())]
    if endpoint in ("site.routine", "site.play", "plans.routine_share"):
        routine = cat.routines[values["slug"]]
        own = [routine.body_html] if endpoint == "site.routine" else []
        return [group("routine", routine.slug, lambda: _routine_inputs(cat, [routine])), *own]
    if endpoint.startswith("programs.") and "slug" in values:
        program = cat.programs[values["slug"]]
        own = [program.body_html] if endpoint == "programs.overview" else []

        def inputs() -> list[object]:
            return [program, *_routine_inputs(cat, _routines(cat, program))]

        return [group("program", program.slug, inputs), *own]
    return None


def _routines(cat: Catalogue, program: Program) -> list[Routine]:
    slugs = dict.fromkeys(s for s in (*program.days, program.rest_routine) if s)
    return [cat.routines[s] for s in slugs if s in cat.routines]


def _routine_inputs(cat: Catalogue, routines: list[Routine]) -> Iterator[object]:
    """The routines, each card they play, and those cards' easier and harder cards."""
    yield from routines
    cards = dict.fromkeys(
        s.exercise for r in routines for s in r.steps if isinstance(s, ExerciseStep)
    )
    for slug in cards:
        card = cat.exercises[slug]
        yield card
        yield from (cat.exercises[s] for s in (card.easier, card.harder) if s)


def _everything(cat: Catalogue) -> Iterator[object]:
    for kind in (cat.exercises, cat.routines, cat.programs, cat.pages):
        yield from kind.values()
    for name in cat.media:
        yield (name, _stat(cat.media_dir / name))


def _site_key(app: Flask, cat: Catalogue) -> str:
    """What every page depends on."""
    skeleton = [
        (kind, slug, getattr(item, "title", ""))
        for kind, items in (
            ("exercise", cat.exercises),
            ("routine", cat.routines),
            ("program", cat.programs),
            ("page", cat.pages),
        )
        for slug, item in items.items()
    ]
    settings = {k: app.config.get(k) for k in ("BASE_URL", "BASE_PATH", "META_CSP", "DEBUG")}
    logo = cat.media_dir / cat.site.logo if cat.site.logo else None
    return _digest(
        code_digest(),
        repr(settings),
        repr(sorted(app.extensions["hipapp.assets"].items())),
        repr(cat.site),
        repr(skeleton),
        _stat(logo) if logo else "",
    )


def _stat(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return ""
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _digest(*parts: str) -> str:
    # Each part ends in a NUL; one encode and one update for all (asked ~45,000 times
    # at 10,000 cards).
    text = "\0".join((*parts, "")) if parts else ""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

