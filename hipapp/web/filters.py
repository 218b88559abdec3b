"""The Jinja filters the templates use: dosages and durations in words, data for scripts."""

from __future__ import annotations

import json

from jinja2 import Environment
from markupsafe import Markup

from ..content.durations import format_duration, format_total
from ..content.model import Dosage
from .models import plain


def dosage_text(dosage: Dosage) -> str:
    """Dosage as people write it: "2 × 30 s each side", "10 reps"."""
    work = f"{dosage.reps} reps" if dosage.reps is not None else format_duration(dosage.hold or 0)
    text = f"{dosage.sets} × {work}" if dosage.sets > 1 else work
    if dosage.sides == "both":
        text += " each side"
    if dosage.sets > 1 and dosage.rest:
        text += f", {format_duration(dosage.rest)} rest between sets"
    return text


def data_json(value: object) -> Markup:
    """Compact JSON for a <script type="application/json"> block, safe inside HTML.

    Like Jinja's tojson (the same escapes, so "</script>" can't end the block), without
    the spaces: the player's data rides in the page and every byte counts.
    """
    text = json.dumps(plain(value), separators=(",", ":"), ensure_ascii=False)
    for raw, safe in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027")):
        text = text.replace(raw, safe)
    return Markup(text)


def register_filters(env: Environment) -> None:
    """The Jinja filters the templates use."""
    env.filters.update(
        dosage=dosage_text,
        duration=format_duration,
        total=format_total,
        data_json=data_json,
    )
