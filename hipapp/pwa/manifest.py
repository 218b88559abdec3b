"""The web app manifest and the favicon, from the studio's site settings.

Pure: the caller says where each page and icon is (relative to the manifest), so the same
manifest serves a domain root, a subpath and the static export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import escape

from ..content.model import Routine, Site
from ..i18n import Words
from .icons import ART
from .theme import DEFAULT, contrast, parse_color

MANIFEST_TYPE = "application/manifest+json"


def initials(name: str) -> str:
    """Up to two initials for a studio name: "Hip Mobility Studio" → "HM"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "H"


def icon_svg(name: str, color: str) -> str:
    """A square icon: the studio's initials on its colour."""
    rgb = parse_color(color) or parse_color(DEFAULT) or (0, 0, 0)
    ink = "#fff" if contrast(rgb, (255, 255, 255)) >= contrast(rgb, (0, 0, 0)) else "#000"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="14" fill="{escape(color)}"/>'
        f'<text x="32" y="42" font-family="system-ui,sans-serif" font-size="26" '
        f'font-weight="700" text-anchor="middle" fill="{ink}">{escape(initials(name))}</text></svg>'
    )


def build_manifest(
    site: Site,
    routines: Iterable[Routine],
    words: Words,
    *,
    home: str,
    icon: Callable[[str], str],
    routine: Callable[[str], str],
    app_id: str | None,
) -> dict[str, Any]:
    """The manifest; ``home``, ``icon(name)`` and ``routine(slug)`` give relative URLs."""

    def picture(name: str, **extra: str) -> dict[str, str]:
        art = ART[name]
        size = f"{art.width}x{art.height}"
        return {"src": icon(name), "sizes": size, "type": "image/png", **extra}

    icons = [picture(f"icon-{s}", purpose="any") for s in (192, 512)]
    icons += [picture(f"maskable-{s}", purpose="maskable") for s in (192, 512)]
    body: dict[str, Any] = {"id": app_id} if app_id else {}
    label = words.gettext("%(studio)s: routines", studio=site.name)
    return body | {
        "name": site.name,
        "short_name": site.short_name or site.name,
        "description": site.description or site.name,
        "lang": words.lang,
        "dir": "ltr",
        # The home page sends "?launch=app" on to today's session when a program is running.
        "start_url": f"{home}?launch=app",
        "scope": home,
        "display": "standalone",
        # No "orientation": left out, the app turns with the phone (the player has a
        # landscape layout), and the player's first window is 9 bytes lighter.
        "theme_color": site.theme_color,
        "background_color": site.background_color,
        "categories": ["health", "fitness"],
        "icons": icons,
        "screenshots": [
            picture("screenshot-narrow", form_factor="narrow", label=label),
            picture("screenshot-wide", form_factor="wide", label=label),
        ],
        "shortcuts": [
            {
                "name": r.title,
                "description": words.gettext("Start %(routine)s", routine=r.title),
                "url": routine(r.slug),
                "icons": [picture("icon-192")],
            }
            for r in routines
        ],
    }
