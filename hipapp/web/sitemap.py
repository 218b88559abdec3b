"""Every URL of the site in one list: the export freezes it, the service worker knows it.

Keeping one list is what makes "works offline" true: a page the export writes but the
service worker forgets would be missing on a flight, and vice versa. ``storage_plan``
says which of them a phone stores when.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from flask import Flask, url_for

from ..content.model import ExerciseStep, Program, Routine
from ..plan.programs import calendar
from ..pwa.icons import ART
from .render import site_request
from .state import catalogue

Endpoint = tuple[str, dict[str, Any]]


def site_urls(app: Flask) -> Iterator[Endpoint]:
    """Each page, image, icon and bundle as ``(endpoint, values)``.

    Routes without arguments (the index, the offline page, the manifest...) are picked up
    from the URL map, so a new one is exported and precached without editing this list.
    """
    cat = catalogue(app)
    for endpoint in plain_endpoints(app):
        yield endpoint, {}
    for slug in cat.exercises:
        yield "site.exercise", {"slug": slug}
    for slug in cat.routines:
        yield "site.routine", {"slug": slug}
        yield "site.play", {"slug": slug}
        yield "plans.routine_share", {"slug": slug}
    for slug, program in cat.programs.items():
        yield from program_pages(slug, program, cat.routines)
    for slug in cat.pages:
        yield "site.page", {"slug": slug}
    for name in cat.media:
        yield "site.media", {"name": name}
    for name in ART:
        yield "pwa.icon", {"name": name}
    for url in app.extensions["hipapp.assets"].values():
        yield "static", {"filename": url.removeprefix(f"{app.static_url_path}/")}


def plain_endpoints(app: Flask) -> list[str]:
    """The endpoints of routes without arguments, in the order of their rules."""
    rules = sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
    return [
        r.endpoint
        for r in rules
        if r.endpoint != "static" and not r.arguments and "GET" in (r.methods or ())
    ]


def program_pages(
    slug: str, program: Program, routines: Mapping[str, Routine]
) -> Iterator[Endpoint]:
    """Every page of one program: overview, each day and its player, today, share, QR."""
    yield "programs.overview", {"slug": slug}
    for day in calendar(program, routines):
        yield "programs.day", {"slug": slug, "n": day.number}
        if day.routine:
            yield "programs.play", {"slug": slug, "n": day.number}
    yield "programs.today", {"slug": slug}
    yield "programs.share", {"slug": slug}
    yield "programs.qr", {"slug": slug}


def site_paths(app: Flask, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The site's URLs as absolute paths ("/", "/exercises/"), minus ``exclude``d endpoints."""
    return [path for path, _, _ in site_entries(app, exclude)]


def site_entries(
    app: Flask, exclude: frozenset[str] = frozenset()
) -> list[tuple[str, str, dict[str, Any]]]:
    """``(path, endpoint, values)`` for each URL, each path once, minus ``exclude``."""
    entries = {path: (e, values) for path, e, values in _every(app) if e not in exclude}
    return [(path, endpoint, values) for path, (endpoint, values) in entries.items()]


def _every(app: Flask) -> list[tuple[str, str, dict[str, Any]]]:
    """``(path, endpoint, values)`` for each of ``site_urls``, built once per app.

    The export asks three times (its pages, the worker's list, the storage plan), and a
    large library has tens of thousands of URLs: each is built by the request's URL map
    adapter, as url_for does in the end, without its per-call lookups (2.4× faster). The
    app has no URL defaults for url_for to add.
    """
    every: list[tuple[str, str, dict[str, Any]]] | None = app.extensions.get("hipapp.urls")
    if every is None:
        assert not app.url_default_functions, "URL defaults need url_for"
        with site_request(app) as ctx:
            build = ctx.url_adapter.build  # type: ignore[union-attr]
            every = [(build(e, values), e, values) for e, values in site_urls(app)]
        app.extensions["hipapp.urls"] = every
    return every


SHELL = frozenset({"pwa.icon", "static"})
# Plain pages a client may never need: every card of the library, for personal plans (the
# plan page asks the worker to store it with the plan's cards, static/js/plans/offline.js),
# and the lists of every routine and program (the home page shows the first ones,
# views.HOME_TILES). So a client who only follows a program never downloads them, nor
# again on each update; one opened is stored on first view, as any page.
NOT_SHELL = frozenset({"plans.library", "site.routines", "programs.index"})


def storage_plan(app: Flask) -> tuple[set[str], dict[str, list[str]]]:
    """What a phone stores: the shell, and the pages of each program or routine followed.

    The shell is every page without arguments (home, lists, history, offline, manifest)
    but the plans' library, and the icons and the bundles. Following a program stores
    each of its days and players, the cards they play (with their easier and harder
    cards) and their pictures; a routine, its page, its player and the same for its
    cards. Keyed by the URL they live under ("/programs/weeks/"), which the worker
    matches against what the client opens.
    """
    cat = catalogue(app)
    shell: set[str] = set()
    groups: dict[str, list[str]] = {}
    # Every URL here is one of the site's, already built: look it up.
    known = {(e, *sorted(values.items())): path for path, e, values in _every(app)}

    def path_of(endpoint: str, **values: Any) -> str:
        return known.get((endpoint, *sorted(values.items()))) or url_for(endpoint, **values)

    card_url = cache(lambda slug: path_of("site.exercise", slug=slug))
    media_url = cache(lambda name: path_of("site.media", name=name))
    with site_request(app):
        plain = set(plain_endpoints(app))
        for path, endpoint, _ in _every(app):
            if endpoint in SHELL or (endpoint in plain and endpoint not in NOT_SHELL):
                shell.add(path)

        def cards(routines: Iterable[str]) -> Iterator[str]:
            for slug in routines:
                for step in cat.routines[slug].steps:
                    if isinstance(step, ExerciseStep):
                        card = cat.exercises[step.exercise]
                        for near in (
                            card,
                            *(cat.exercises[s] for s in (card.easier, card.harder) if s),
                        ):
                            yield card_url(near.slug)
                            if near.image:
                                yield media_url(near.image)

        for slug, program in cat.programs.items():
            used = [
                s for s in dict.fromkeys((*program.days, program.rest_routine)) if s in cat.routines
            ]
            pages = [path_of(e, **v) for e, v in program_pages(slug, program, cat.routines)]
            groups[path_of("programs.overview", slug=slug)] = [*pages, *cards(used)]
        for slug in cat.routines:
            pages = [path_of("site.routine", slug=slug), path_of("site.play", slug=slug)]
            groups[pages[0]] = [*pages, *cards([slug])]
    return shell, groups
