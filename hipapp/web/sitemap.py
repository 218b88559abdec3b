"""Every URL of the site in one list: the export freezes it, the service worker precaches it.

Keeping one list is what makes "works offline" true: a page the export writes but the
service worker forgets would be missing on a flight, and vice versa.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from flask import Flask, url_for

from ..content.model import Program, Routine
from ..plan.programs import calendar
from ..pwa.icons import ART
from .state import catalogue

Endpoint = tuple[str, dict[str, Any]]


def site_urls(app: Flask) -> Iterator[Endpoint]:
    """Each page, image, icon and bundle as ``(endpoint, values)``.

    Routes without arguments (the index, the offline page, the manifest...) are picked up
    from the URL map, so a new one is exported and precached without editing this list.
    """
    cat = catalogue(app)
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint != "static" and not rule.arguments and "GET" in (rule.methods or ()):
            yield rule.endpoint, {}
    for slug in cat.exercises:
        yield "site.exercise", {"slug": slug}
    for slug in cat.routines:
        yield "site.routine", {"slug": slug}
        yield "site.play", {"slug": slug}
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
    with app.test_request_context():
        entries = {
            url_for(endpoint, **values): (endpoint, values)
            for endpoint, values in site_urls(app)
            if endpoint not in exclude
        }
    return [(path, endpoint, values) for path, (endpoint, values) in entries.items()]
