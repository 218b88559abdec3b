"""Parse and format the durations that content files use ("30", "45s", "1m30s")."""

from __future__ import annotations

import re

_DURATION = re.compile(r"^(?:(?P<m>\d+)\s*m(?:in)?)?\s*(?:(?P<s>\d+)\s*s?)?$")


def parse_duration(value: object, *, allow_zero: bool = False) -> int:
    """Return whole seconds for ``value`` or raise ``ValueError`` with a readable reason."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f'expected seconds like 30 or "45s", got {describe(value)}')
    if isinstance(value, int):
        seconds = value
    else:
        text = value.strip().lower()
        match = _DURATION.match(text)
        if not text or not match or not (match["m"] or match["s"]):
            raise ValueError(f'expected seconds like 30 or "45s", got {describe(value)}')
        seconds = int(match["m"] or 0) * 60 + int(match["s"] or 0)
    if seconds < 0 or (seconds == 0 and not allow_zero):
        floor = "0" if allow_zero else "1 second"
        raise ValueError(f"must be at least {floor}, got {describe(value)}")
    return seconds


def describe(value: object) -> str:
    """Show a YAML value the way the author wrote it, for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)


def format_duration(seconds: int) -> str:
    """Human dosage text: 30 → "30 s", 90 → "1 min 30 s", 600 → "10 min"."""
    minutes, secs = divmod(int(seconds), 60)
    if not minutes:
        return f"{secs} s"
    return f"{minutes} min {secs} s" if secs else f"{minutes} min"


def format_total(seconds: int) -> str:
    """Approximate total time, rounded to whole minutes once past one minute."""
    if seconds < 60:
        return f"{seconds} s"
    return f"{round(seconds / 60)} min"


_DELTA = re.compile(r"^(?P<sign>[+-])\s*(?P<rest>.+)$")


def parse_delta(value: object, *, seconds: bool) -> int:
    """A progression change such as "+15s", "-5s" or "+1"; returns a signed whole number."""
    example = "+15s or -5s" if seconds else "+1 or -1"
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    match = _DELTA.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"expected a change like {example}, got {describe(value)}")
    try:
        amount = parse_duration(match["rest"]) if seconds else int(match["rest"])
    except ValueError:
        raise ValueError(f"expected a change like {example}, got {describe(value)}") from None
    return -amount if match["sign"] == "-" else amount
