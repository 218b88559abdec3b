"""Installability: favicon, manifest, icons, the offline page and the service worker.

The service worker is ``static/sw.js`` with a generated header in front of it: the list of
URLs to precache and a version that hashes every precached byte. Any change to the site
changes the worker's bytes, which is what makes a browser install the new version.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, render_template, url_for
from flask.blueprints import BlueprintSetupState
from markupsafe import escape

from . import catalogue
from .assets import cache_folder
from .errors import Problem
from .icons import ART, Brand, draw_kept, usable_logo
from .sitemap import site_paths
from .theme import contrast, parse_color
from .urls import relative

# Python's mimetypes may not know it (it depends on the machine's mime.types); the
# manifest must be served as this, by Flask, by Frozen-Flask's check and by http.server.
MANIFEST_TYPE = "application/manifest+json"
mimetypes.add_type(MANIFEST_TYPE, ".webmanifest")
mimetypes.add_type("text/javascript", ".js")

# Never precached: the worker itself (the browser fetches it to look for updates) and the
# static host's 404 page (offline, unknown pages get the offline page instead).
NOT_PRECACHED = frozenset({"pwa.service_worker", "site.not_found_page", "site.robots"})
SW_SOURCE = Path(__file__).resolve().parent.parent / "static" / "sw.js"

bp = Blueprint("pwa", __name__)


@bp.record_once
def _check_logo(state: BlueprintSetupState) -> None:
    """Warn, once per app, when the logo cannot be drawn into the PNG icons."""
    app = state.app
    assert isinstance(app, Flask)
    cat = catalogue(app)
    if cat.site.logo and usable_logo(Path(cat.site.logo)) is None:
        app.extensions["hipapp.warnings"].append(
            Problem(
                f"{cat.root.name}/site.yaml",
                0,
                "logo",
                "app icons are drawn from PNG, JPEG, WebP or GIF logos; "
                f'"{cat.site.logo}" is not one, so they show the initials instead',
                "warning",
            )
        )


def initials(name: str) -> str:
    """Up to two initials for a studio name: "Hip Mobility Studio" → "HM"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "H"


def icon_svg(name: str, color: str) -> str:
    """A square icon: the studio's initials on its colour."""
    rgb = parse_color(color) or (31, 111, 92)
    ink = "#fff" if contrast(rgb, (255, 255, 255)) >= contrast(rgb, (0, 0, 0)) else "#000"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="14" fill="{escape(color)}"/>'
        f'<text x="32" y="42" font-family="system-ui,sans-serif" font-size="26" '
        f'font-weight="700" text-anchor="middle" fill="{ink}">{escape(initials(name))}</text></svg>'
    )


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
        cache[name] = draw_kept(brand(app), ART[name], cache_folder(app, "icons"))
    return cache[name]


def build_manifest(app: Flask, here: str) -> dict[str, Any]:
    """The web app manifest; every URL is relative to ``here``, the manifest's own path."""
    site = catalogue(app).site

    def rel(endpoint: str, **values: Any) -> str:
        return relative(url_for(endpoint, **values), here)

    def picture(name: str, **extra: str) -> dict[str, str]:
        art = ART[name]
        size = f"{art.width}x{art.height}"
        return {"src": rel("pwa.icon", name=name), "sizes": size, "type": "image/png", **extra}

    icons = [picture(f"icon-{s}", purpose="any") for s in (192, 512)]
    icons += [picture(f"maskable-{s}", purpose="maskable") for s in (192, 512)]
    home = rel("site.index")
    body: dict[str, Any] = {"id": identity} if (identity := app_id(app)) else {}
    return body | {
        "name": site.name,
        "short_name": site.short_name or site.name,
        "description": site.description or site.name,
        "lang": site.lang or "en",
        "dir": "ltr",
        # The home page sends "?launch=app" on to today's session when a program is running.
        "start_url": f"{home}?launch=app",
        "scope": home,
        "display": "standalone",
        "orientation": "any",
        "theme_color": site.theme_color,
        "background_color": site.background_color,
        "categories": ["health", "fitness"],
        "icons": icons,
        "screenshots": [
            picture("screenshot-narrow", form_factor="narrow", label=f"{site.name}: routines"),
            picture("screenshot-wide", form_factor="wide", label=f"{site.name}: routines"),
        ],
        "shortcuts": [
            {
                "name": routine.title,
                "url": rel("site.routine", slug=routine.slug),
                "icons": [picture("icon-192")],
            }
            for routine in catalogue(app).routines.values()
        ],
    }


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


@dataclass(frozen=True)
class Precache:
    """What the service worker stores: URLs relative to its own folder, and their hash."""

    version: str
    urls: tuple[str, ...]


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
    read = read or fetch_through(app)
    digest = hashlib.sha256(SW_SOURCE.read_bytes())
    for path in paths:
        digest.update(f"\0{path}\0".encode())
        digest.update(read(path))
    urls = tuple(relative(path, root) for path in paths)
    result = app.extensions["hipapp.precache"] = Precache(digest.hexdigest()[:16], urls)
    return result


def service_worker_source(app: Flask) -> str:
    """``static/sw.js`` with its version and precache list in front."""
    pre = precache(app)
    header = (
        "// Generated by hipapp/pwa.py: the version hashes every precached URL's bytes.\n"
        f"const VERSION = {json.dumps(pre.version)};\n"
        f"const PRECACHE = {json.dumps(list(pre.urls), indent=0)};\n"
    )
    return header + SW_SOURCE.read_text(encoding="utf-8")


@bp.get("/favicon.svg")
def favicon() -> Response:
    site = catalogue(current_app).site
    return Response(icon_svg(site.name, site.theme_color), mimetype="image/svg+xml")


@bp.get("/manifest.webmanifest")
def manifest() -> Response:
    body = build_manifest(current_app, url_for("pwa.manifest"))
    return Response(json.dumps(body, indent=2, ensure_ascii=False), mimetype=MANIFEST_TYPE)


@bp.get("/icons/<name>.png")
def icon(name: str) -> Response:
    if name not in ART:
        abort(404)
    return Response(image(current_app, name), mimetype="image/png")


@bp.get("/sw.js")
def service_worker() -> Response:
    # Served from the site root so its scope is the whole site; always revalidated.
    response = Response(service_worker_source(current_app), mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/offline/")
def offline() -> str:
    return render_template("offline.html")
