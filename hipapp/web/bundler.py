"""Build the CSS and JS bundles with flask-assets: concatenated, minified, content-hashed.

Imported only when a bundle may have to be built (assets.py keeps the URLs between
runs): webassets loads every filter it has on import, ~50 ms of each build.
"""

from __future__ import annotations

import hashlib
import re
from typing import IO, Any

from flask import Flask
from flask_assets import Bundle, Environment
from webassets.filter import Filter, register_filter

from ..paths import STATIC
from ..pwa.theme import theme_css
from .assets import gen_folder
from .bundles import BUNDLES

_IMPORT = re.compile(
    r"^\s*import\s[^;]*?from\s+['\"](?:\./|(?:\.\./)+)(?:[\w-]+/)*[\w.-]+\.js['\"];?\s*$", re.M
)
_EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?(?:const|let|function|class)\b)", re.M)


class ModuleConcat(Filter):
    """Join ES modules into one: drop their relative imports and ``export`` words.

    The sources stay real modules (the timer is unit-tested on its own in the browser);
    the bundle is a single module, so a page loads one hashed file instead of a waterfall.
    """

    name = "esm-concat"  # type: ignore[assignment]

    def input(self, _in: IO[str], out: IO[str], **kw: Any) -> None:
        out.write(_EXPORT.sub("", _IMPORT.sub("", _in.read())))


register_filter(ModuleConcat)  # type: ignore[no-untyped-call]


def init_assets(app: Flask, theme_color: str) -> Environment:
    """Register the bundles, with the studio's theme first in the site CSS.

    Sources are read from static/, outputs written to the gen folder, which may live
    outside the checkout; its parent stands for static/ in the bundles' relative names.
    """
    env = Environment(app)
    gen = gen_folder(app)
    env.directory = str(gen.parent)
    env.url = f"{app.static_url_path}"
    env.load_path = [str(STATIC), str(gen.parent)]
    theme = theme_css(theme_color)
    digest = hashlib.sha256(theme.encode()).hexdigest()[:12]
    theme_file = f"{gen.name}/src/theme-{digest}.css"
    target = gen / "src" / f"theme-{digest}.css"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(theme, encoding="utf-8")
    env.versions = "hash"
    env.url_expire = False
    # The manifest maps each output name to its content hash; names carry a digest of the
    # bundle's file list, theme file included, so two content folders with different
    # colours never share an entry.
    env.manifest = f"json:{gen.name}/manifest.json"
    env.cache = False
    env.auto_build = True
    for name, sources in BUNDLES.items():
        themed = name in ("site_css", "player_css")
        files = (theme_file, *sources) if themed else sources
        css = name.endswith("_css")
        filters = "rcssmin" if css else "esm-concat,rjsmin"
        # webassets rebuilds when a source is newer than the output, so a bundle that gains
        # an older file would keep serving its old output: name outputs by their file list.
        recipe = hashlib.sha256("\n".join(files).encode()).hexdigest()[:8]
        stem = f"{name.replace('_', '-')}-{recipe}"
        output = f"{gen.name}/{stem}.%(version)s.{'css' if css else 'js'}"
        env.register(name, Bundle(*files, filters=filters, output=output))
    return env


def asset_urls(env: Environment) -> dict[str, str]:
    """Build every bundle now and return its hashed URL by name."""
    return {name: env[name].urls()[0] for name in BUNDLES}
