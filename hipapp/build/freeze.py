"""Freeze a list of URLs to files, split across forked worker processes for large sites.

Pages are independent, so a big library freezes on every core under ``hipapp build``.
Workers are forked after the catalogue is loaded, so they share it instead of loading it
again.

Each URL is dispatched straight into the app inside one app context (web/render.py): no
test client, no response wrapping, no per-URL freezer bookkeeping, which matters for a
studio with thousands of cards.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import brotli
from flask import Flask

from ..errors import BuildError
from ..files import cache_folder, keep
from ..processes import fork_batches
from ..pwa.precache import revision_of
from ..web.assets import gen_folder
from ..web.render import served
from .outdir import write_file

PER_PROCESS = 100  # below this many URLs per process, forking costs more than it saves
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".webmanifest", ".txt", ".xml"}


@dataclass(frozen=True)
class Frozen:
    """One URL as written: its bytes' hash, its files (twins too), whether any changed."""

    revision: str
    files: tuple[str, ...]
    wrote: bool


def freeze_urls(
    app: Flask, urls: list[str], destination: Path, known: Mapping[str, str] | None = None
) -> list[Frozen]:
    """Write every URL under ``destination`` (a bundle with its twins), if it changed.

    ``known`` maps a URL to the revision a finished build wrote there: a file whose new
    bytes hash the same is left as it is, mtime and all, so the host's ETag and
    Last-Modified survive and browsers revalidate it with a 304. Without a record, the
    file on disk is compared. Under ``hipapp build`` (hipapp/processes.py) a large site
    is split over processes.
    """
    work = partial(_freeze_chunk, app, destination=destination, known=known or {})
    return fork_batches(work, urls, least=PER_PROCESS)


def files_of(app: Flask, path: str) -> tuple[str, ...]:
    """The files URL ``path`` may be written to: its file, and a bundle's twins."""
    name = file_of(path)
    return (name, f"{name}.gz", f"{name}.br") if is_bundle(app, path) else (name,)


def is_bundle(app: Flask, path: str) -> bool:
    """Whether ``path`` is a hashed bundle (/static/gen/…), the only files with twins.

    By its place, not its name: a page or card that happens to be called "gen" is a page
    like any other.
    """
    prefix: str | None = app.extensions.get("hipapp.gen-url")
    if prefix is None:  # Flask works static_url_path out anew on each call
        prefix = app.extensions["hipapp.gen-url"] = f"{app.static_url_path}/gen/"
    return path.startswith(prefix)


def file_of(path: str) -> str:
    """Where a URL path is written: "/a/" → "a/index.html", "/my%20pose.png" → "my pose.png".

    A static host decodes the URL it is asked for and serves the file of that name.
    """
    rel = unquote(path).lstrip("/")
    return rel + "index.html" if not rel or rel.endswith("/") else rel


def render(app: Flask, path: str) -> bytes:
    """The body ``app`` serves at ``path``; anything but a 200 is a build error."""
    status, data = served(app, path)
    if status != "200 OK":
        raise BuildError(f"{path}: the app answered {status} instead of a page")
    return data


def _freeze_chunk(
    app: Flask, urls: list[str], destination: Path, known: Mapping[str, str]
) -> list[Frozen]:
    bundles = cache_folder(gen_folder(app), "brotli")
    done = []
    with app.app_context():
        for path in urls:
            data = render(app, path)
            done.append(
                put(destination, path, data, known.get(path), is_bundle(app, path), bundles)
            )
    return done


def put(
    destination: Path,
    path: str,
    data: bytes,
    known: str | None = None,
    bundle: bool = False,
    bundles: Path | None = None,
) -> Frozen:
    """Write ``data`` as URL ``path``, unless the file already holds it.

    ``known`` is the revision a finished build recorded there; a ``bundle`` also gets its
    compressed twins, the brotli one kept between builds in ``bundles``.
    """
    name = file_of(path)
    revision = revision_of(data)
    twins = twin_names(name, data) if bundle else []
    target = destination / name
    same = (known == revision and target.is_file()) or holds(target, data)
    if same and all((destination / twin).is_file() for twin in twins):
        return Frozen(revision, (name, *twins), False)
    write_file(target, data)
    for twin in twins:
        packed = _brotli(data, bundles) if twin.endswith(".br") else _gzip(data)
        write_file(destination / twin, packed)
    return Frozen(revision, (name, *twins), True)


def holds(target: Path, data: bytes) -> bool:
    """Whether ``target`` already holds exactly ``data``."""
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def twin_names(name: str, data: bytes) -> list[str]:
    """The .gz and .br twins a bundle gets, for nginx's gzip_static and brotli_static.

    Only the hashed bundles (/static/gen/…) get them: few, shared by every page, and
    cached forever, they are worth brotli's best ratio (~50x gzip's CPU). Pages are
    compressed by the host as it serves them (Netlify, Cloudflare, GitHub Pages, nginx's
    gzip): twins of every page would double the files a large library writes and uploads.
    """
    if Path(name).suffix not in COMPRESSIBLE or len(data) < 512:
        return []
    return [f"{name}.gz", f"{name}.br"]


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, 9, mtime=0)


def _brotli(data: bytes, cache: Path | None) -> bytes:
    """``data`` brotli-compressed; ``cache`` keeps the result between builds, by its bytes."""
    kept = cache / f"{hashlib.sha256(data).hexdigest()[:32]}.br" if cache else None
    if kept and kept.is_file():
        return kept.read_bytes()
    packed: bytes = brotli.compress(data, quality=11)
    if kept and kept.parent.is_dir():
        keep(kept, packed)
    return packed
