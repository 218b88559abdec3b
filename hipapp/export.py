"""Freeze the app into plain static files that any static host can serve.

The build is all or nothing: content is checked first, pages are frozen into a scratch
folder next to the destination, and only a complete build replaces the old one.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask_frozen import Freezer

from . import catalogue, create_app, headers
from .errors import BuildError
from .model import Program, Routine
from .programs import calendar

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
        for slug, program in cat.programs.items():
            yield from program_pages(slug, program, cat.routines)
        yield "programs.history", {}
        for slug in cat.pages:
            yield "site.page", {"slug": slug}
        for name in cat.media:
            yield "site.media", {"name": name}
        yield "pwa.favicon", {}
        for url in app.extensions["hipapp.assets"].values():
            yield "static", {"filename": url.removeprefix(f"{app.static_url_path}/")}

    return freezer


def program_pages(
    slug: str, program: Program, routines: Mapping[str, Routine]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every page of one program: overview, each day and its player, today, share, QR."""
    yield "programs.overview", {"slug": slug}
    for day in calendar(program, routines):
        yield "programs.day", {"slug": slug, "n": day.number}
        if day.routine:
            yield "programs.play", {"slug": slug, "n": day.number}
    yield "programs.today", {"slug": slug}
    yield "programs.share", {"slug": slug}
    yield "programs.qr", {"slug": slug}


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
        app.config.update(FREEZER_DESTINATION=str(scratch), FREEZER_REMOVE_EXTRA_FILES=False)
        with warnings.catch_warnings():
            # Frozen-Flask warns about endpoints it never froze; ours are all deliberate.
            warnings.filterwarnings("ignore", message="Nothing frozen for endpoints")
            make_freezer(app).freeze()
        finish(app, scratch)
        files = sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file())
        _replace(scratch, out)
    except BaseException as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(exc, Exception) and not isinstance(exc, BuildError):
            raise BuildError(f"build failed: {exc}") from exc
        raise
    return files


def finish(app: Flask, root: Path) -> None:
    """Files that are not pages: host headers."""
    (root / SIGNATURE).write_text(headers.netlify_headers(app.config["BASE_PATH"]), "utf-8")


def _replace(scratch: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    scratch.rename(out)
    shutil.rmtree(old, ignore_errors=True)
