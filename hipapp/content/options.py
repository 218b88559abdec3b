"""Field types for front matter, in the spirit of MkDocs' ``config_options``.

An option knows one field's type, bounds, default and whether it may be left empty, and
says what to write when a value is wrong. A :class:`Schema` subclass declares a kind's
fields once; the allowed keys, the reads and the messages all come from that declaration.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar, cast, overload

from ..errors import Severity
from .durations import TOO_BIG, describe, parse_delta, parse_duration
from .fields import SLUG, At, closest

T = TypeVar("T")
HOUR = 3600
BOOLEAN_WORDS = "YAML reads yes, no, true, false, on and off as true or false"


class Invalid(ValueError):
    """A value an option cannot take; the message says what to write instead."""


class Option(Generic[T]):
    """One field. ``required`` is the message when it is missing, ``missing`` its severity.

    A key written with no value (``rest:``) counts as left out, unless ``empty`` says why
    it can't be: an unquoted ``#c2410c`` is a YAML comment, so the colour is lost.
    """

    name = ""

    def __init__(
        self,
        default: T,
        *,
        required: str | None = None,
        missing: Severity = "error",
        empty: str | None = None,
    ) -> None:
        self.default = default
        self.required = required
        self.missing = missing
        self.empty = empty

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Option[T]: ...
    @overload
    def __get__(self, obj: Schema, owner: type) -> T: ...
    def __get__(self, obj: Schema | None, owner: type) -> Option[T] | T:
        if obj is None:
            return self
        value: T = obj.values[self.name]
        return value

    def read(self, at: At, data: Mapping[Any, Any]) -> T:
        value = data.get(self.name)
        if value is None:
            if self.name in data and at.reported(self.name):
                pass  # the parser said why the value is missing (an unquoted "#…", say)
            elif self.name in data and self.empty:
                at.report(self.name, self.empty.format(name=self.name))
            elif self.required:
                at.report(self.name, self.required, self.missing)
            return self.default
        try:
            return self.convert(value)
        except Invalid as exc:
            at.report(self.name, str(exc))
            return self.default

    def convert(self, value: object) -> T:
        """The value as content objects hold it, or ``Invalid``."""
        raise NotImplementedError


class Schema:
    """The fields of one mapping, read and checked once; each option reads as its value."""

    UNKNOWN: ClassVar[Severity] = "warning"  # what an unknown key is
    options: ClassVar[dict[str, Option[Any]]] = {}

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls.options = {}
        for klass in reversed(cls.__mro__):
            cls.options.update((k, v) for k, v in vars(klass).items() if isinstance(v, Option))

    def __init__(self, at: At, data: Mapping[Any, Any]) -> None:
        self.at = at
        self.data = data
        for key in data:
            if str(key) not in self.options:
                hint = closest(str(key)[:100], self.options)
                at.report(str(key) or '""', f"unknown key{hint}", self.UNKNOWN)
        self.values = {name: option.read(at, data) for name, option in self.options.items()}

    def given(self, name: str) -> bool:
        """Whether the file gives ``name`` a value (right or wrong)."""
        return self.data.get(name) is not None


def as_text(value: object, field: str) -> str:
    """Text as written: YAML turns ``title: 1.5`` into a number and a date into a date."""
    if isinstance(value, bool):
        raise Invalid(
            f"expected text, got {describe(value)}; {BOOLEAN_WORDS}, "
            f'so put it in quotes: {field}: "{"yes" if value else "no"}"'
        )
    if isinstance(value, str | int | float | datetime.date):
        try:
            return str(value).strip()
        except ValueError:  # an int of more digits than Python will print
            raise Invalid(f"expected text, got {describe(value)}; put it in quotes") from None
    raise Invalid(f"expected text, got {describe(value)}")


class Text(Option[str]):
    """A line of text; a required one must not be empty."""

    def __init__(self, default: str = "", **kw: Any) -> None:
        super().__init__(default, **kw)

    def convert(self, value: object) -> str:
        text = as_text(value, self.name)
        if not text and self.required:
            raise Invalid("must not be empty")
        return text


class Words(Option[tuple[str, ...]]):
    """A list of short words, such as targets or equipment; one word may stand alone."""

    def __init__(self) -> None:
        super().__init__(())

    def convert(self, value: object) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        try:
            if not isinstance(items, list):
                raise Invalid(self.name)
            words = [as_text(v, self.name) for v in items]
        except Invalid:
            raise Invalid(f"expected a list like [mat, band], got {describe(value)}") from None
        return tuple(w for w in words if w)


def amount(value: int, unit: str) -> str:
    """A bound in words: (3600, "s") → "1 hour (3600 s)", (1000, "reps") → "1,000 reps"."""
    if unit != "s":
        return f"{value:,} {unit}" if unit else f"{value:,}"
    if value and value % HOUR == 0:
        hours = value // HOUR
        return f"{hours} hour{'s' if hours > 1 else ''} ({value} s)"
    return "1 second" if value == 1 else f"{value:,} s"


class Duration(Option[int | None]):
    """Seconds, written 30, "45s", "1m" or "1m30s", from ``low`` up to ``high``."""

    def __init__(self, *, low: int = 1, high: int = HOUR, **kw: Any) -> None:
        super().__init__(None, **kw)
        self.low, self.high = low, high

    def convert(self, value: object) -> int:
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            raise Invalid(str(exc)) from None
        if seconds < self.low:
            floor = amount(self.low, "s") if self.low else "0"
            raise Invalid(f"must be at least {floor}, got {describe(value)}")
        if seconds > self.high:
            raise Invalid(f"must be at most {amount(self.high, 's')}, got {describe(value)}")
        return seconds


class Count(Option[T]):
    """A whole number from ``low`` to ``high`` (the bound is named in the message)."""

    @overload
    def __init__(self: Count[int], low: int, high: int, *, default: int, **kw: Any) -> None: ...
    @overload
    def __init__(self: Count[int | None], low: int, high: int, **kw: Any) -> None: ...
    def __init__(self, low: int, high: int, *, default: Any = None, **kw: Any) -> None:
        super().__init__(default, **kw)
        self.low, self.high = low, high

    def convert(self, value: object) -> T:
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            value = int(value.strip()) if len(value.strip()) < 10 else TOO_BIG
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"expected a whole number, got {describe(value)}")
        if not self.low <= value <= self.high:
            raise Invalid(f"must be between {self.low:,} and {self.high:,}, got {describe(value)}")
        return cast(T, value)


class Choice(Option[str | None]):
    """One word out of ``options``, in any case; ``hints`` answer YAML's true and false."""

    def __init__(self, options: tuple[str, ...], hints: Mapping[bool, str] | None = None) -> None:
        super().__init__(None)
        self.choices = options
        self.hints = dict(hints or {})

    def convert(self, value: object) -> str:
        allowed = " or ".join(self.choices)
        if isinstance(value, bool) and value in self.hints:
            raise Invalid(f"expected {allowed}; {self.hints[value]}")
        if isinstance(value, str) and value.strip().lower() in self.choices:
            return value.strip().lower()
        raise Invalid(f"expected {allowed}, got {describe(value)}")


class Flag(Option[bool | None]):
    """true or false (YAML's yes, no, on and off are the same)."""

    def __init__(self) -> None:
        super().__init__(None)

    def convert(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        raise Invalid(f"expected true or false, got {describe(value)}")


class Slug(Option[str | None]):
    """The slug (file name without .md) of another card or routine."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(None, **kw)

    def convert(self, value: object) -> str:
        if isinstance(value, str) and SLUG.match(value.strip()):
            return value.strip()
        hint = ""
        if isinstance(value, str):
            # A title where the file name goes: "Glute Bridge" is the card glute-bridge.md.
            guess = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            hint = f' (did you mean "{guess}"?)' if SLUG.match(guess) else ""
        raise Invalid(f"expected a slug like glute-bridge, got {describe(value)}{hint}")


class Change(Option[int]):
    """A progression change such as "+15s" or "+1", at most ``high`` either way."""

    def __init__(self, *, seconds: bool, high: int, unit: str) -> None:
        super().__init__(0)
        self.seconds, self.high, self.unit = seconds, high, unit

    def convert(self, value: object) -> int:
        try:
            change = parse_delta(value, seconds=self.seconds)
        except ValueError as exc:
            raise Invalid(str(exc)) from None
        if abs(change) > self.high:
            most = amount(self.high, self.unit)
            raise Invalid(f"can change by at most {most} either way, got {describe(value)}")
        return change


class Items(Option[list[Any]]):
    """A list of up to ``most`` entries, each read by the kind's reader.

    ``needs`` is the message for a required list that is missing, empty or not a list;
    ``wrong`` the one for an optional list that is not a list. ``owner`` and ``advice``
    word the bound: "a routine can have at most 200 steps, so split it into two".
    """

    def __init__(
        self,
        *,
        most: int,
        noun: str,
        owner: str,
        advice: str = "",
        needs: str = "",
        wrong: str = "",
    ) -> None:
        super().__init__([], required=needs or None)
        self.most, self.noun, self.owner, self.advice = most, noun, owner, advice
        self.wrong = wrong or needs

    def convert(self, value: object) -> list[Any]:
        if not isinstance(value, list) or (self.required and not value):
            raise Invalid(self.wrong)
        if len(value) > self.most:
            raise Invalid(
                f"has {len(value):,} {self.noun}; {self.owner} can have at most "
                f"{self.most:,} {self.noun}{self.advice}"
            )
        return value
