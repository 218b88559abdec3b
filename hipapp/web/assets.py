"""The CSS and JS bundles' URLs: built by flask-assets (bundler.py), kept between runs.

Checking the bundles means importing webassets, which loads every filter it has. When
no source, no theme colour and no hipapp code changed since the last run, and every
built file is still there, the URLs kept from that run are used without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask

from ..files import cache_folder, code_digest, keep
from ..paths import GEN, STATIC
from .bundles import BUNDLES

if TYPE_CHECKING:
    from flask_assets import Environment


def gen_folder(app: Flask) -> Path:
    """Where bundles are built and work is kept; served at /static/gen/.

    ``GEN_DIR`` (HIPAPP_GEN_DIR) moves it: to that folder if it is called "gen", else to
    a "gen" folder inside it. The bundles' URLs carry the folder's name, so a folder of
    any other name would be linked where nothing serves it.
    """
    folder = Path(app.config.get("GEN_DIR") or GEN).resolve()
    return folder if folder.name == GEN.name else folder / GEN.name


def bundle_urls(app: Flask, theme_color: str) -> tuple[dict[str, str], Environment | None]:
    """Each bundle's hashed URL by name, and flask-assets' environment if it was asked.

    Under ``--debug`` the environment is always made: it rebuilds a bundle on each
    request after its source changed.
    """
    kept = None if app.debug else _kept_file(app, theme_color)
    if kept is not None:
        urls = _read_kept(app, kept)
        if urls is not None:
            return urls, None
    from .bundler import asset_urls, init_assets

    env = init_assets(app, theme_color)
    urls = asset_urls(env)
    if kept is not None:
        with contextlib.suppress(OSError):
            keep(kept, json.dumps(urls, sort_keys=True).encode())
    return urls, env


def _kept_file(app: Flask, theme_color: str) -> Path | None:
    """Where this run's URLs are kept: named by everything that goes into the bundles."""
    folder = cache_folder(gen_folder(app), "assets")
    if folder is None:
        return None
    digest = hashlib.sha256(f"{code_digest()}\0{theme_color}\0{gen_folder(app)}".encode())
    digest.update(f"\0{app.static_url_path}\0{sorted(BUNDLES.items())!r}".encode())
    for source in sorted({s for sources in BUNDLES.values() for s in sources}):
        try:
            stat = os.stat(STATIC / source)
        except OSError:
            return None  # a missing source: flask-assets says which
        digest.update(f"\0{source}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return folder / f"{digest.hexdigest()[:32]}.json"


def _read_kept(app: Flask, kept: Path) -> dict[str, str] | None:
    """The kept URLs, if they name every bundle and each built file is still there."""
    try:
        urls = json.loads(kept.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(urls, dict) or set(urls) != set(BUNDLES):
        return None
    gen = gen_folder(app)
    prefix = f"{app.static_url_path}/{gen.name}/"
    for url in urls.values():
        if not isinstance(url, str) or not url.startswith(prefix):
            return None
        if not (gen / url.removeprefix(prefix)).is_file():
            return None
    # In BUNDLES' order, as flask-assets gives them: the worker lists the bundles in
    # this order, and a first build must write the same sw.js as the next one.
    return {name: urls[name] for name in BUNDLES}
