"""Parse and format the durations that content files use ("30", "45s", "1m30s")."""

from __future__ import annotations

import math
import re

_DURATION = re.compile(r"^(?:(?P<m>[0-9]+)\s*m(?:in)?)?\s*(?:(?P<s>[0-9]+)\s*s?)?$")
_WHOLE = re.compile(r"[0-9]+")
# More digits than this is never a sane number of seconds, and int() of a few thousand
# digits raises: report such a value as too big instead of converting it.
_DIGITS = 9
TOO_BIG = 1_000_000_000  # 10 ** _DIGITS


def parse_duration(value: object) -> int:
    """Whole seconds (≥ 0) for ``value``, or ``ValueError`` saying what to write.

    A number too long to be seconds comes back as ``TOO_BIG``, for the caller's bound.
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f'expected seconds like 30 or "45s", got {describe(value)}')
    if isinstance(value, int):
        return value
    text = value.strip().lower()
    match = _DURATION.match(text)
    if not text or not match or not (match["m"] or match["s"]):
        raise ValueError(f'expected seconds like 30 or "45s", got {describe(value)}')
    minutes = _number(match["m"] or "0")
    seconds = _number(match["s"] or "0")
    return min(minutes * 60 + seconds, TOO_BIG)


def _number(digits: str) -> int:
    """``int(digits)``, or ``TOO_BIG`` for a number longer than any bound here."""
    if not _WHOLE.fullmatch(digits):
        raise ValueError(digits)
    return int(digits) if len(digits.lstrip("0")) <= _DIGITS else TOO_BIG


def describe(value: object) -> str:
    """Show a YAML value the way the author wrote it, for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and abs(value) >= 10**30:
        # str() of a few thousand digits raises ValueError (and helps nobody read it).
        return f"a {math.floor(math.log10(abs(value))) + 1:,}-digit number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)


def format_long(seconds: int) -> str:
    """A long total in whole minutes, rounded up, for bound messages: 18600 → "5 h 10 min".

    Rounded up, so that a total just over a bound never reads as the bound itself.
    """
    hours, minutes = divmod(-(-seconds // 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours:,} h {minutes} min" if minutes else f"{hours:,} h"


_DELTA = re.compile(r"^(?P<sign>[+-])\s*(?P<rest>.+)$")


def parse_delta(value: object, *, seconds: bool) -> int:
    """A progression change such as "+15s", "-5s" or "+1"; returns a signed whole number."""
    example = "+15s or -5s" if seconds else "+1 or -1"
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    match = _DELTA.match(value.strip()) if isinstance(value, str) else None
    wrong = f"expected a change like {example}, got {describe(value)}"
    if not match:
        raise ValueError(wrong)
    rest = match["rest"].strip()
    try:
        amount = parse_duration(rest) if seconds else _number(rest)
    except ValueError:
        raise ValueError(wrong) from None
    return -amount if match["sign"] == "-" else amount
