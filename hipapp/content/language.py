"""site.yaml's language fields: ``lang`` should have a catalogue, ``phrases`` known keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..i18n import PSEUDO, catalogue_for, languages
from ..i18n.phrases import PHRASES
from .durations import describe
from .fields import At, closest
from .options import Invalid, Option, as_text
from .site_options import Language


class SiteLanguage(Language):
    """A language tag; one without a catalogue is a warning, since its pages read English."""

    def read(self, at: At, data: Mapping[Any, Any]) -> str:
        lang = super().read(at, data)
        if lang != PSEUDO and catalogue_for(lang) is None:
            at.report(
                self.name,
                f'no catalogue for "{lang}", so the app\'s words are English '
                f"(have: {', '.join(languages())}); see Languages in the README to add one",
                "warning",
            )
        return lang


class Phrases(Option[dict[str, str]]):
    """The studio's own wording by phrase key (hipapp/i18n/phrases.py).

    An unknown key is a warning with the closest known one, like an unknown field.
    """

    def __init__(self) -> None:
        super().__init__({})

    def read(self, at: At, data: Mapping[Any, Any]) -> dict[str, str]:
        raw = data.get(self.name)
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            at.report(
                self.name,
                f'expected a mapping like "start_routine: Let\'s go", got {describe(raw)}',
            )
            return {}
        inner = at / self.name
        phrases = {}
        for key, value in raw.items():
            name = str(key)
            if name not in PHRASES:
                hint = closest(name, PHRASES) or f" (known: {', '.join(sorted(PHRASES))})"
                inner.report(name, f"unknown phrase{hint}", "warning")
                continue
            try:
                text = as_text(value, name) if value is not None else ""
            except Invalid as exc:
                inner.report(name, str(exc))
                continue
            if text:
                phrases[name] = text
        return phrases
