"""Installability: the favicon, and (with the PWA work) manifest, icons and service worker."""

from __future__ import annotations

from flask import Blueprint, Response, current_app
from markupsafe import escape

from . import catalogue
from .theme import contrast, parse_color

bp = Blueprint("pwa", __name__)


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


@bp.get("/favicon.svg")
def favicon() -> Response:
    site = catalogue(current_app).site
    return Response(icon_svg(site.name, site.theme_color), mimetype="image/svg+xml")
