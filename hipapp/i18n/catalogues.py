"""The gettext catalogues: read from the committed .po files, compiled in memory, cached.

No .mo file is committed: a catalogue is read with Babel and turned into a gettext
``Translations`` object when a process first needs it. Reading a .po file costs ~7 ms
(25 ms for the first), and a content load asks for every language's (a German card may
say "## Hinweise"), so the compiled .mo bytes are kept in the cache folder an app names
(``keep_compiled_in``), keyed by the .po file's bytes and Babel's version: loading one
then costs ~1 ms, and an edited catalogue is compiled again.

``xx`` is the pseudo-locale the tests use: every message of ``messages.pot`` wrapped as
``⟦…⟧``, so a page rendered in it shows at a glance which text did not come from the
catalogue.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import babel
from babel.support import Translations

from ..files import keep
from ..paths import LOCALES

if TYPE_CHECKING:
    # Babel's reader and writer are imported when a catalogue is compiled: a process
    # that finds every catalogue it needs kept never loads them.
    from babel.messages.catalog import Catalog

SOURCE = "en"  # the language the msgids are written in
PSEUDO = "xx"
DOMAIN = "messages"

_kept: list[Path | None] = [None]  # where compiled catalogues are kept, if anywhere


def keep_compiled_in(folder: Path | None) -> None:
    """Keep compiled catalogues in ``folder`` from now on (None: compile them each time).

    Every entry is named by what it was compiled from, so any folder serves any app.
    """
    _kept[0] = folder


def po_path(lang: str, root: Path = LOCALES) -> Path:
    """Where the catalogue of ``lang`` lives."""
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path(root: Path = LOCALES) -> Path:
    """The extracted template every catalogue is updated from."""
    return root / f"{DOMAIN}.pot"


def languages(root: Path = LOCALES) -> tuple[str, ...]:
    """The languages that have a catalogue, in name order (not the pseudo-locale)."""
    return tuple(sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def catalogue_for(lang: str) -> str | None:
    """The catalogue that serves a language tag: "de-AT" → "de"; None when there is none."""
    tag = lang.replace("_", "-")
    if tag == PSEUDO:
        return PSEUDO
    have = languages()
    for candidate in (tag, tag.split("-")[0].lower()):
        if candidate in have:
            return candidate
    return None


@cache
def read_catalogue(lang: str) -> Catalog:
    """The parsed catalogue of ``lang`` (the pseudo-locale is made from the template)."""
    if lang == PSEUDO:
        return pseudo(read_template())
    return _parse(po_path(lang).read_bytes(), lang)


@cache
def translations(lang: str) -> Translations:
    """The compiled catalogue of ``lang``: kept between processes, by its source's bytes."""
    if lang == PSEUDO:  # the tests' only: made from the template by hipapp's own code
        return compiled(read_catalogue(lang))
    source = po_path(lang).read_bytes()
    folder = _kept[0]
    # The .mo bytes depend on the .po's and on the Babel that wrote them, nothing else.
    key = hashlib.sha256(f"{DOMAIN}\0{lang}\0{babel.__version__}\0".encode() + source)
    kept = folder / f"{key.hexdigest()[:32]}.mo" if folder is not None else None
    if kept is not None:
        with contextlib.suppress(Exception):  # missing, or not a catalogue: compile it
            return _load(kept.read_bytes())
    data = _mo(_parse(source, lang))
    if kept is not None:
        with contextlib.suppress(OSError):  # a read-only folder: compiled again next time
            keep(kept, data)
    return _load(data)


@cache
def read_template() -> Catalog:
    """The parsed ``messages.pot``."""
    return _parse(template_path().read_bytes(), None)


def _parse(source: bytes, lang: str | None) -> Catalog:
    from babel.messages.pofile import read_po

    return read_po(io.BytesIO(source), locale=lang)


def pseudo(template: Catalog) -> Catalog:
    """Every message wrapped as ⟦…⟧, placeholders kept, with English plural rules."""
    from babel.messages.catalog import Catalog

    out = Catalog(locale=SOURCE, domain=DOMAIN)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            out.add(tuple(message.id), tuple(f"⟦{form}⟧" for form in message.id))
        else:
            out.add(message.id, f"⟦{message.id}⟧")
    return out


def compiled(catalog: Catalog) -> Translations:
    """A gettext Translations object for ``catalog``, compiled in memory (no .mo file)."""
    return _load(_mo(catalog))


def _mo(catalog: Catalog) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _load(data: bytes) -> Translations:
    return Translations(io.BytesIO(data), domain=DOMAIN)
