"""The page's strings table: what its scripts show and say, in the site's language.

Every bundle a page names goes through ``asset()`` (a ``<script src>``, the player's
``data-late``, the footer's extras), which notes it for the request. The table at the
end of ``base.html`` then carries the messages of exactly those bundles, as
``<script type="application/json" id="strings">`` for static/js/shared/i18n.js. It is
data, not script, so the CSP needs nothing for it. An English page carries no table.
"""

from __future__ import annotations

import json

from flask import Flask, current_app, request
from markupsafe import Markup

from ..files import cache_folder
from ..i18n.scripts import script_messages, strings
from ..paths import STATIC
from .assets import gen_folder
from .bundles import BUNDLES
from .state import words

# Characters that could end the script element or start markup inside it.
_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


# On the request, not on ``g``: the export renders every page inside one app context,
# and one page's bundles must not reach the next page's table.
_NOTED = "hipapp.bundles"


def note_bundle(name: str) -> None:
    """Remember that this request's page loads bundle ``name``."""
    bundles: list[str] = request.environ.setdefault(_NOTED, [])
    if name not in bundles:
        bundles.append(name)


def table_json(app: Flask, bundles: tuple[str, ...]) -> str:
    """The table for a page that loads ``bundles``, as JSON ("" when it would be empty)."""
    cached: dict[tuple[str, ...], str] = app.extensions.setdefault("hipapp.strings", {})
    key = tuple(sorted(bundles))
    if key not in cached or app.debug:  # under --debug a script edited on disk shows
        sources = [STATIC / src for name in key for src in BUNDLES[name] if src.endswith(".js")]
        kept = cache_folder(gen_folder(app), "strings")
        table = strings(words(app), script_messages(sources, kept))
        text = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        cached[key] = text.translate(_ESCAPES) if table else ""
    return cached[key]


def strings_table() -> Markup:
    """The ``<script id="strings">`` element for the bundles this page named so far."""
    text = table_json(current_app, tuple(request.environ.get(_NOTED, ())))
    if not text:
        return Markup("")
    return (
        Markup('<script type="application/json" id="strings">') + Markup(text) + Markup("</script>")
    )
