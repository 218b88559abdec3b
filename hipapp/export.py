"""Freeze the app into plain static files that any static host can serve.

The build is all or nothing: content is checked first, pages are frozen into a scratch
folder next to the destination, and only a complete build replaces the old one.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask_frozen import Freezer

from . import catalogue, create_app, headers
from .errors import BuildError
from .freeze import freeze_urls

# A file only hipapp writes; its presence means "this folder is ours to replace".
SIGNATURE = "_headers"


def base_path(base_url: str | None) -> str:
    """The path part of a public base URL, with one trailing slash: "/hips/"."""
    path = urlsplit(base_url or "").path.strip("/")
    return f"/{path}/" if path else "/"


def make_freezer(app: Flask) -> Freezer:
    """A freezer that emits every page, card image and bundle, and nothing else from static/."""
    freezer = Freezer(app, with_static_files=False)
    cat = catalogue(app)

    @freezer.register_generator  # type: ignore[untyped-decorator]
    def pages() -> Iterator[tuple[str, dict[str, Any]]]:
        for slug in cat.exercises:
            yield "site.exercise", {"slug": slug}
        for slug in cat.routines:
            yield "site.routine", {"slug": slug}
            yield "site.play", {"slug": slug}
        for slug in cat.programs:
            yield "site.program", {"slug": slug}
        for slug in cat.pages:
            yield "site.page", {"slug": slug}
        for name in cat.media:
            yield "site.media", {"name": name}
        yield "pwa.favicon", {}
        for url in app.extensions["hipapp.assets"].values():
            yield "static", {"filename": url.removeprefix(f"{app.static_url_path}/")}

    return freezer


def site_urls(app: Flask) -> list[str]:
    """Every URL of the site, in order, once: the export and the precache list use this."""
    return list(dict.fromkeys(make_freezer(app).all_urls()))


def build(
    content: Path | None = None,
    out: Path = Path("build"),
    *,
    base_url: str | None = None,
    strict: bool = False,
) -> list[str]:
    """Check ``content`` and write the static site to ``out``; return the files written."""
    out = Path(out).resolve()
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / SIGNATURE).exists():
        raise BuildError(
            f"{out}: refusing to replace a folder that is not empty and is not a hipapp build"
        )
    config = {"BASE_URL": base_url or "", "BASE_PATH": base_path(base_url)}
    app = create_app(content, strict=strict, config=config)  # raises ContentError first
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        freeze_urls(app, site_urls(app), scratch)
        (scratch / SIGNATURE).write_text(headers.netlify_headers(config["BASE_PATH"]), "utf-8")
        files = sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file())
        _replace(scratch, out)
    except BaseException as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(exc, Exception) and not isinstance(exc, BuildError):
            raise BuildError(f"build failed: {exc}") from exc
        raise
    return files


def _replace(scratch: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    scratch.rename(out)
    shutil.rmtree(old, ignore_errors=True)
