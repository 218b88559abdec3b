"""Relative links, so that one export works at a domain root or under any subpath."""

from __future__ import annotations

from typing import Any

from flask import current_app, request, url_for

LINK_BASE = "hipapp.link_base"


def relative(target: str, current: str) -> str:
    """The link from page ``current`` to ``target``; both are absolute paths.

    Segment by segment rather than with posixpath.relpath: every page computes a dozen of
    these, and a large library renders thousands of pages.
    """
    if "://" in target or not target.startswith("/"):
        return target
    path, _, fragment = target.partition("#")
    here = current.split("/")[1:-1]  # the folders the current page sits in
    there = path.split("/")[1:]  # the target's folders, then its file name ("" for a folder)
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    rel = "../" * (len(here) - shared) + "/".join(there[shared:])
    return (rel or "./") + (f"#{fragment}" if fragment else "")


def link(target: str) -> str:
    """Make an absolute app path usable from the page being rendered.

    Pages link relatively. The static 404 page cannot (it is served at any depth), so it
    sets a link base (the deployment's base path) on the request and links absolutely.
    The flag lives on the request, not on ``g``: a freezer reuses one app context.
    """
    here = request._get_current_object()  # type: ignore[attr-defined]  # one lookup, not three
    base = here.environ.get(LINK_BASE)
    if isinstance(base, str):
        return base.rstrip("/") + target
    return relative(target, here.script_root + here.path)


def url(endpoint: str, **values: Any) -> str:
    """``url_for``, made relative to the current page."""
    return link(built(endpoint, **values))


BUILT = "hipapp.url_table"
_MOST = 100_000  # a bound, so no request can grow the table without end


def built(endpoint: str, **values: Any) -> str:
    """``url_for(endpoint, **values)``, built once per app and mount point.

    A page links about thirty URLs, most of them on every other page too (the header,
    the bundles); werkzeug's URL builder is the costly part of each.
    """
    if endpoint.startswith(".") or any(k.startswith("_") for k in values):
        return url_for(endpoint, **values)  # relative to a blueprint, or external
    table: dict[tuple[Any, ...], str] = current_app.extensions.setdefault(BUILT, {})
    key = (request.script_root, endpoint, *sorted(values.items()))
    found = table.get(key)
    if found is None:
        if len(table) >= _MOST:
            table.clear()
        found = table[key] = url_for(endpoint, **values)
    return found
