"""The Jinja filters the templates use: dosages and durations in words, data for scripts."""

from __future__ import annotations

import json
import re

from flask import current_app
from jinja2 import Environment
from markupsafe import Markup

from ..content.model import Dosage
from ..i18n import Words
from .models import fields_of
from .state import words


def dosage_text(dosage: Dosage, w: Words) -> str:
    """Dosage as people write it: "2 × 30 s each side", "10 reps"."""
    if dosage.reps is not None:
        work = w.ngettext("%(num)s rep", "%(num)s reps", dosage.reps)
    else:
        work = w.duration(dosage.hold or 0)
    text = (
        w.gettext("%(sets)s × %(work)s", sets=dosage.sets, work=work) if dosage.sets > 1 else work
    )
    if dosage.sides == "both":
        text = w.gettext("%(dosage)s each side", dosage=text)
    if dosage.sets > 1 and dosage.rest:
        text = w.gettext(
            "%(dosage)s, %(rest)s rest between sets", dosage=text, rest=w.duration(dosage.rest)
        )
    return text


def data_json(value: object) -> Markup:
    """Compact JSON for a <script type="application/json"> block, safe inside HTML.

    Like Jinja's tojson (the same escapes, so "</script>" can't end the block), without
    the spaces: the player's data rides in the page and every byte counts.
    """
    # Dataclasses reach ``default`` only; the C encoder does the rest (dicts, tuples,
    # strings), several times faster than walking the model in Python first.
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=fields_of)
    for raw, safe in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027")):
        text = text.replace(raw, safe)
    return Markup(text)


def register_filters(env: Environment) -> None:
    """The Jinja filters the templates use; words come from the app's language."""
    written: dict[Dosage, str] = {}  # a card's dosage shows on many pages: write it once

    def dosage(value: Dosage) -> str:
        found = written.get(value)
        if found is None:
            if len(written) >= 10_000:
                written.clear()
            found = written[value] = unbroken(dosage_text(value, words(current_app)))
        return found

    def duration(seconds: int) -> str:
        return unbroken(words(current_app).duration(seconds))

    env.filters.update(
        dosage=dosage,
        duration=duration,
        # Totals are exact ("1 min 45 s"): a week's progression shows, even by seconds.
        total=duration,
        data_json=data_json,
    )


def unbroken(text: str) -> str:
    """A number kept on one line with the word after it ("30 s", "4 min", "2 ×"): at
    large text, "1" ending one line and "s" starting the next reads as something else."""
    return _NUMBER_SPACE.sub(f"\\1{NBSP}", text)


NBSP = "\u00a0"
_NUMBER_SPACE = re.compile(r"(\d) (?=\S)")
