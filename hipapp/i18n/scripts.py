"""The messages the browser's scripts use: found in their source, sent in the page's language.

The scripts call ``t(msgid, vars)`` and ``nt(singular, plural, n, vars)``
(static/js/shared/i18n.js). Babel's javascript extractor finds those calls, the same way
``make messages`` does, so each bundle's messages are known without a hand-kept list, and
a page carries only the ones its bundles need.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import babel
from babel.core import Locale
from babel.messages.extract import extract

from ..files import keep
from . import Words
from .catalogues import SOURCE, read_catalogue

KEYWORDS = {"t": None, "nt": (1, 2)}
OPTIONS = {"parse_template_string": "true"}
# The order in which Babel numbers plural forms (babel.plural.to_gettext), so the browser
# can map Intl.PluralRules' category to a catalogue's msgstr[i].
_ORDER = ("zero", "one", "two", "few", "many", "other")

Message = str | tuple[str, str]


@cache
def _file_messages(path: Path, mtime: float, kept: Path | None) -> tuple[Message, ...]:
    data = path.read_bytes()
    # Babel's lexer takes ~20 ms a script, for every script a build's pages load: keep
    # what it found by the script's bytes (and Babel's version), beside the bundles.
    name = hashlib.sha256(f"{babel.__version__}\0".encode() + data).hexdigest()[:32]
    file = kept / f"{name}.json" if kept else None
    if file is not None:
        with contextlib.suppress(OSError, ValueError):
            found = json.loads(file.read_text("utf-8"))
            if isinstance(found, list):
                return tuple(m if isinstance(m, str) else (m[0], m[1]) for m in found)
    lexed = extract("javascript", io.BytesIO(data), keywords=KEYWORDS, options=OPTIONS)
    messages = tuple(m if isinstance(m, str) else (m[0], m[1]) for _, m, _, _ in lexed)
    if file is not None:
        with contextlib.suppress(OSError):
            keep(file, json.dumps(messages).encode())
    return messages


def script_messages(paths: Iterable[Path], kept: Path | None = None) -> tuple[Message, ...]:
    """The messages that the scripts at ``paths`` ask for, each once, in order.

    With a ``kept`` folder, what each script asks for is kept there between runs.
    """
    seen: dict[Message, None] = {}
    for path in paths:
        seen.update(dict.fromkeys(_file_messages(path, path.stat().st_mtime, kept)))
    return tuple(seen)


def plural_categories(locale: Locale) -> list[str]:
    """The CLDR plural categories of a language, in the order of its msgstr[i] forms."""
    tags = set(locale.plural_form.tags) | {"other"}
    return [tag for tag in _ORDER if tag in tags]


def strings(words: Words, messages: Iterable[Message]) -> dict[str, str | list[str]]:
    """What the scripts read from ``<script type="application/json" id="strings">``.

    ``{msgid: text}``, and ``{singular: [form, …]}`` for plurals, in the order of
    ``strings[""]``: the plural categories. A message that reads as its msgid is left out
    (the scripts fall back to the msgid), so an English page carries almost nothing.
    """
    out: dict[str, str | list[str]] = {}
    for message in messages:
        if isinstance(message, str):
            text = words.translate(message)
            if text != message:
                out[message] = text
        elif words.catalogue != SOURCE:  # the msgids are English: no forms to look up
            # Parsed when first needed (~20 ms): an English page's table never needs it.
            entry = read_catalogue(words.catalogue).get(message[0])
            forms = (
                list(entry.string) if entry is not None and isinstance(entry.string, tuple) else []
            )
            if any(forms):
                out[message[0]] = forms
    if any(isinstance(v, list) for v in out.values()):
        out[""] = plural_categories(words.locale)
    return out
