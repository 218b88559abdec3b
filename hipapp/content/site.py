"""Read ``site.yaml``: the studio's name, colours, address, contact and language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from ..errors import Problem
from .fields import At, closest
from .frontmatter import Document, parse_yaml, read_text
from .model import Site
from .schema import SiteFields
from .walk import unusable

# The logo formats the app icons can be drawn from (Pillow cannot draw SVG); hipapp.pwa
# draws the icons and imports this, so the warning and the drawing always agree.
DRAWABLE_LOGOS = (".png", ".jpg", ".jpeg", ".webp", ".gif")


def read_site(path: Path, rel: str, problems: list[Problem], media: Sequence[str]) -> Site:
    """The site settings, with every value validated and normalised; defaults when absent."""
    if not path.exists() and not path.is_symlink():
        return Site()
    if (why := unusable(path)) is not None:  # a folder or a dangling link named site.yaml
        problems.append(Problem(rel, 0, "", why))
        return Site()
    text = read_text(path, rel, problems)
    data, lines = parse_yaml(text, rel, problems) if text is not None else (None, {})
    if data is None:
        return Site()
    at = At(Document(rel, data, lines), problems)
    v = SiteFields(at, data)
    logo = v.logo or None
    if logo and logo not in media:
        at.report("logo", f'no file "{logo}" in media/{closest(logo, media)}')
        logo = None
    elif logo and PurePosixPath(logo).suffix.lower() not in DRAWABLE_LOGOS:
        at.report(
            "logo",
            "app icons are drawn from PNG, JPEG, WebP or GIF logos; "
            f'"{logo}" is not one, so they show the initials instead',
            "warning",
        )
    return Site(
        name=v.name or Site.name,
        short_name=v.short_name,
        description=v.description,
        theme_color=v.theme_color,
        background_color=v.background_color,
        lang=v.lang,
        logo=logo,
        url=v.url,
        contact=v.contact,
        disclaimer=v.disclaimer,
        phrases=v.phrases,
        pain_check=v.pain_check or Site.pain_check,  # type: ignore[arg-type]
    )
