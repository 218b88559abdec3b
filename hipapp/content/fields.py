"""Typed access to front-matter fields that records a located problem for each bad value."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from ..errors import Problem, Severity
from .durations import describe, parse_duration
from .frontmatter import Document, Key

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Fields:
    """Reads values from one mapping in a document, reporting problems as it goes."""

    def __init__(
        self, doc: Document, problems: list[Problem], data: dict[str, Any], key: Key = ()
    ) -> None:
        self.doc = doc
        self.problems = problems
        self.data = data
        self.key = key

    def name(self, field: str | int | None = None) -> str:
        parts = [*self.key, field] if field is not None else list(self.key)
        text = ""
        for part in parts:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def report(self, field: str | None, message: str, severity: Severity = "error") -> None:
        key = (*self.key, field) if field is not None else self.key
        self.problems.append(
            Problem(self.doc.rel, self.doc.line(key), self.name(field), message, severity)
        )

    def has(self, field: str) -> bool:
        return field in self.data and self.data[field] is not None

    def text(self, field: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(field)
        if value is None:
            if required:
                self.report(field, "required; add a line like 'title: Glute bridge'")
            return default
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = str(value).strip()
            if text or not required:
                return text
            self.report(field, "must not be empty")
            return default
        self.report(field, f"expected text, got {describe(value)}")
        return default

    def duration(
        self, field: str, *, default: int | None = None, allow_zero: bool = False
    ) -> int | None:
        if not self.has(field):
            return default
        try:
            return parse_duration(self.data[field], allow_zero=allow_zero)
        except ValueError as exc:
            self.report(field, str(exc))
            return default

    def integer(self, field: str, *, default: int, low: int, high: int = 10_000) -> int:
        if not self.has(field):
            return default
        value = self.data[field]
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(field, f"expected a whole number, got {describe(value)}")
            return default
        if not low <= value <= high:
            self.report(field, f"must be between {low} and {high}, got {value}")
            return default
        return value

    def choice(self, field: str, options: tuple[str, ...], default: str) -> str:
        if not self.has(field):
            return default
        value = self.data[field]
        if value not in options:
            allowed = " or ".join(options)
            self.report(field, f"expected {allowed}, got {describe(value)}")
            return default
        return str(value)

    def strings(self, field: str) -> tuple[str, ...]:
        if not self.has(field):
            return ()
        value = self.data[field]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            self.report(field, f"expected a list like [mat, band], got {describe(value)}")
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())

    def slug(self, field: str) -> str | None:
        if not self.has(field):
            return None
        value = self.data[field]
        if not isinstance(value, str) or not SLUG.match(value):
            self.report(field, f"expected a slug like glute-bridge, got {describe(value)}")
            return None
        return value

    def unknown(self, allowed: Iterable[str], severity: Severity = "warning") -> None:
        known = set(allowed)
        for field in self.data:
            if field not in known:
                hint = closest(str(field), known)
                self.report(str(field), f"unknown key{hint}", severity)


def closest(word: str, options: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' hint, or nothing."""
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""
