"""The studio's language: every word the client reads, from one gettext catalogue per language.

A leaf package (it imports only ``paths`` and ``files``): content checks, plan
descriptions, the manifest and the web views all take their words from a ``Words``
object, and the web app keeps exactly one of them per app (``hipapp.web.state.words``),
made from ``site.lang``. Each language's compiled catalogue is made once per process.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.support import Translations

from .catalogues import (
    PSEUDO,
    SOURCE,
    catalogue_for,
    languages,
    translations,
)

__all__ = ["N_", "PSEUDO", "SOURCE", "Words", "catalogue_for", "languages", "words_for"]


# CLDR's minimumGroupingDigits, which Babel does not read: these languages leave a
# four-digit number ungrouped, as Chromium's ICU does (tests/browser/test_wording.py).
_GROUPS_FROM_FIVE_DIGITS = frozenset({"bg", "es", "et", "hu", "it", "lv", "pl", "sl", "pt_PT"})


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (gettext's N_)."""
    return message


@dataclass(frozen=True)
class Words:
    """One language's messages and formats: gettext, plurals, numbers, durations, lists."""

    lang: str  # the site's language tag, as written in <html lang> and the manifest
    catalogue: str  # the catalogue that serves it ("de" for "de-AT")
    translations: Translations
    locale: Locale
    overrides: Mapping[str, str] = field(default_factory=dict)  # msgid → the studio's words
    # Numbers and durations already written: Babel's formatting costs ~40 µs, and a large
    # library's pages write the same few dozen (sets, seconds) tens of thousands of times.
    _written: dict[tuple[Any, float], str] = field(default_factory=dict, compare=False, repr=False)

    def translate(self, message: str) -> str:
        """``message`` as this site says it: the studio's phrase, else the catalogue's."""
        found = self.overrides.get(message)
        return found if found is not None else str(self.translations.gettext(message))

    def gettext(self, message: str, **values: Any) -> str:
        """``message`` in this language, with %(name)s placeholders filled from ``values``."""
        text = self.translate(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        """The form of a message for ``n``; ``%(num)s`` is ``n`` written as a number."""
        text: str = self.translations.ngettext(singular, plural, n)
        return text % {"num": self.number(n), **values}

    def number(self, n: float) -> str:
        """A number as the language writes it, as the browser's Intl does: 1000 is
        "1.000" in German but "1000" in Spanish, which groups from five digits."""
        return self._kept(type(n), n, lambda: self._number(n))

    def _number(self, n: float) -> str:
        grouped = not (_GROUPS_FROM_FIVE_DIGITS & {self.locale.language, str(self.locale)})
        grouped = grouped or abs(n) >= 10_000
        return str(format_decimal(n, locale=self.locale, group_separator=grouped))

    def duration(self, seconds: int) -> str:
        """A dosage's time: 30 → "30 s", 90 → "1 min 30 s", 600 → "10 min"."""
        return self._kept(Words.duration, int(seconds), lambda: self._duration(int(seconds)))

    def _kept(self, kind: Any, value: float, write: Callable[[], str]) -> str:
        key = (kind, value)  # 1 and 1.0 are equal keys, but may not be written alike
        found = self._written.get(key)
        if found is None:
            if len(self._written) >= 10_000:  # a bound: the values come from content and input
                self._written.clear()
            found = self._written[key] = write()
        return found

    def _duration(self, seconds: int) -> str:
        minutes, secs = divmod(seconds, 60)
        if not minutes:
            return self.gettext("%(seconds)s s", seconds=self.number(secs))
        if not secs:
            return self.gettext("%(minutes)s min", minutes=self.number(minutes))
        return self.gettext(
            "%(minutes)s min %(seconds)s s", minutes=self.number(minutes), seconds=self.number(secs)
        )

    def join(self, items: Sequence[str]) -> str:
        """ "a, b and c" as the language joins a list."""
        return str(format_list(list(items), locale=self.locale))


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE)


def words_for(lang: str, overrides: Mapping[str, str] | None = None) -> Words:
    """The words of ``lang`` (English when it has no catalogue), with the studio's overrides.

    ``overrides`` maps msgids to the studio's own wording (site.yaml ``phrases``).
    """
    catalogue = catalogue_for(lang or SOURCE) or SOURCE
    locale = _locale(SOURCE if catalogue == PSEUDO else lang or SOURCE)
    return Words(lang or SOURCE, catalogue, translations(catalogue), locale, dict(overrides or {}))
