"""The gettext catalogues: read from the committed .po files, compiled in memory, cached.

No .mo file is committed or written: a catalogue is read with Babel and turned into a
gettext ``Translations`` object when a process first needs it (a few milliseconds).

``xx`` is the pseudo-locale the tests use: every message of ``messages.pot`` wrapped as
``⟦…⟧``, so a page rendered in it shows at a glance which text did not come from the
catalogue.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from ..paths import LOCALES

SOURCE = "en"  # the language the msgids are written in
PSEUDO = "xx"
DOMAIN = "messages"


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
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang)


@cache
def read_template() -> Catalog:
    """The parsed ``messages.pot``."""
    with template_path().open("rb") as f:
        return read_po(f)


def pseudo(template: Catalog) -> Catalog:
    """Every message wrapped as ⟦…⟧, placeholders kept, with English plural rules."""
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
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
