"""Installability routes: favicon, manifest, icons, the offline page and the service worker."""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, render_template, url_for

from ..files import cache_folder
from ..paths import SW_PREVIEW, SW_SOURCE
from ..pwa.icons import ART, Brand, draw_kept
from ..pwa.manifest import MANIFEST_TYPE, build_manifest, icon_svg, initials
from ..pwa.precache import Precache, precache_of, worker_source
from .assets import gen_folder
from .sitemap import site_paths
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


def fetch_through(app: Flask) -> Callable[[str], bytes]:
    """Read a URL's bytes by asking the app itself (the server's way)."""

    def read(path: str) -> bytes:
        with app.test_client() as client, client.get(path) as response:
            if response.status_code != 200:
                raise RuntimeError(f"{path}: precached URL answered {response.status_code}")
            return response.get_data()

    return read


def precache(app: Flask, read: Callable[[str], bytes] | None = None) -> Precache:
    """Hash every precached URL's bytes, once per app.

    ``read`` gives a URL's bytes: by default through the app; the export passes a reader
    of the files it has just written, so the site is not rendered a second time.
    """
    cached: Precache | None = app.extensions.get("hipapp.precache")
    if cached is not None and not app.debug:
        return cached
    root = url_for("site.index")
    paths = site_paths(app, exclude=NOT_PRECACHED)
    result = precache_of(
        paths, read or fetch_through(app), lambda path: relative(path, root), SW_SOURCE
    )
    app.extensions["hipapp.precache"] = result
    return result


@bp.get("/favicon.svg")
def favicon() -> Response:
    site = catalogue(current_app).site
    return Response(icon_svg(site.name, site.theme_color), mimetype="image/svg+xml")


@bp.get("/manifest.webmanifest")
def manifest() -> Response:
    body = manifest_of(current_app, url_for("pwa.manifest"))
    return Response(json.dumps(body, indent=2, ensure_ascii=False), mimetype=MANIFEST_TYPE)


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


@bp.get("/offline/")
def offline() -> str:
    return render_template("offline.html")
