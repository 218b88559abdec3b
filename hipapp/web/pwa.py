"""Installability routes: favicon, manifest, icons, the offline page and the service worker."""

from __future__ import annotations

import json
import mimetypes
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, render_template, url_for

from ..files import cache_folder
from ..paths import SW_PREVIEW, SW_SOURCE
from ..pwa.icons import ART, Brand, draw_kept
from ..pwa.manifest import MANIFEST_TYPE, build_manifest, icon_svg, initials
from ..pwa.precache import Precache, precache_of, revision_of, worker_source
from .assets import gen_folder
from .render import served
from .sitemap import site_paths, storage_plan
from .state import catalogue, words
from .urls import relative

# Python's mimetypes may not know it (it depends on the machine's mime.types); the
# manifest must be served as this, by Flask and by http.server over the export.
mimetypes.add_type(MANIFEST_TYPE, ".webmanifest")
mimetypes.add_type("text/javascript", ".js")

# Never precached: the worker itself (the browser fetches it to look for updates) and the
# static host's 404 page (offline, unknown pages get the offline page instead).
NOT_PRECACHED = frozenset({"pwa.service_worker", "site.not_found_page", "site.robots"})

bp = Blueprint("pwa", __name__)


def brand(app: Flask) -> Brand:
    """What the icons and screenshots are drawn from."""
    cat = catalogue(app)
    site = cat.site
    return Brand(
        name=site.name,
        initials=initials(site.name),
        color=site.theme_color,
        background=site.background_color,
        logo=cat.media_dir / site.logo if site.logo else None,
        lines=tuple(r.title for r in cat.routines.values()),
    )


def image(app: Flask, name: str) -> bytes:
    """A generated PNG, drawn once per app."""
    cache: dict[str, bytes] = app.extensions.setdefault("hipapp.icons", {})
    if name not in cache:
        folder = cache_folder(gen_folder(app), "icons")
        cache[name] = draw_kept(brand(app), ART[name], folder)
    return cache[name]


def manifest_of(app: Flask, here: str) -> dict[str, Any]:
    """The web app manifest; every URL is relative to ``here``, the manifest's own path."""
    cat = catalogue(app)

    def rel(endpoint: str, **values: Any) -> str:
        return relative(url_for(endpoint, **values), here)

    return build_manifest(
        cat.site,
        cat.routines.values(),
        words(app),
        home=rel("site.index"),
        icon=lambda name: rel("pwa.icon", name=name),
        routine=lambda slug: rel("site.routine", slug=slug),
        app_id=app_id(app),
    )


def app_id(app: Flask) -> str | None:
    """The manifest ``id``: the site's absolute path, or None when it is not known.

    Browsers resolve ``id`` against the origin, not the manifest, so "./" would make every
    site on an origin the same app. Flask knows its path; an export knows it only from
    ``--base-url``, and without it the id is left out (it then defaults to start_url).
    """
    if "BASE_PATH" not in app.config:
        return url_for("site.index")
    base: str = app.config["BASE_PATH"]
    return base if app.config.get("BASE_URL") else None


Revision = Callable[[str], str]  # a URL's revision
Size = Callable[[str], int]  # a URL's size in bytes, asked after its revision

# Below this many bytes in all, the worker stores the whole site on install.
EVERYTHING_BELOW = 2_000_000


def fetch_through(app: Flask) -> tuple[Revision, Size]:
    """A URL's revision and size, from its bytes as the app serves them (the server's way)."""
    sizes: dict[str, int] = {}

    def revision(path: str) -> str:
        status, data = served(app, path)
        if status != "200 OK":
            raise RuntimeError(f"{path}: precached URL answered {status}")
        sizes[path] = len(data)
        return revision_of(data)

    return revision, sizes.__getitem__


def precache(app: Flask, revision: Revision | None = None, size: Size | None = None) -> Precache:
    """Every URL the worker may store, with its revision, once per app.

    ``revision`` and ``size`` describe a URL's bytes: by default the bytes the app
    serves; the export passes the revisions it has just recorded and the sizes of the
    files it wrote, so the site is not rendered twice.
    """
    cached: Precache | None = app.extensions.get("hipapp.precache")
    if cached is not None and not app.debug:
        return cached
    # One at a time: after a restart, every client asks for sw.js, and each thread of a
    # worker rendering the whole site at once would make them all wait several times.
    with app.extensions.setdefault("hipapp.precache-lock", threading.RLock()):
        again: Precache | None = app.extensions.get("hipapp.precache")
        if again is not None and not app.debug:
            return again
        result = _plan(app, (revision, size) if revision and size else fetch_through(app))
        app.extensions["hipapp.precache"] = result
        return result


def _plan(app: Flask, bytes_of: tuple[Revision, Size]) -> Precache:
    root = url_for("site.index")
    revision, size = bytes_of
    files = [(p, revision(p)) for p in site_paths(app, exclude=NOT_PRECACHED)]
    shell, groups = storage_plan(app)
    return precache_of(
        files,
        shell,
        groups,
        size=size,
        everything_below=int(app.config.get("PRECACHE_ALL_BELOW", EVERYTHING_BELOW)),
        # A card's page is in every group that plays it: work each link out once.
        relative=cache(lambda path: relative(path, root)),
        source=SW_SOURCE,
    )


@bp.get("/favicon.svg")
def favicon() -> Response:
    site = catalogue(current_app).site
    return Response(icon_svg(site.name, site.theme_color), mimetype="image/svg+xml")


@bp.get("/manifest.webmanifest")
def manifest() -> Response:
    body = manifest_of(current_app, url_for("pwa.manifest"))
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")), mimetype=MANIFEST_TYPE
    )


@bp.get("/icons/<name>.png")
def icon(name: str) -> Response:
    if name not in ART:
        abort(404)
    return Response(image(current_app, name), mimetype="image/png")


@bp.get("/sw.js")
def service_worker() -> Response:
    # Served from the site root so its scope is the whole site; always revalidated. The
    # preview's worker removes any worker and cache, so each reload shows the last edit.
    if current_app.debug:
        source = SW_PREVIEW.read_text(encoding="utf-8")
    else:
        source = worker_source(precache(current_app), SW_SOURCE)
    response = Response(source, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/sw-parts/<name>.json")
def worker_part(name: str) -> Response:
    # A part of the worker's list (hipapp/pwa/precache.py), named by a hash of its bytes.
    part = precache(current_app).parts.get(name)
    if part is None or current_app.debug:
        abort(404)
    return Response(part, mimetype="application/json")


@bp.get("/offline/")
def offline() -> str:
    return render_template("offline.html")
