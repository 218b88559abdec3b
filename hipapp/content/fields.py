"""Where a value sits in a content file, and how a problem with it is reported."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import Problem, Severity
from .frontmatter import Document, Key, label

# \Z, not $: "$" also matches before a final newline, and a file name may end in one.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


@dataclass(frozen=True)
class At:
    """A place in one document (``("steps", 2)`` is the third step) that records problems."""

    doc: Document
    problems: list[Problem]
    key: Key = ()

    def __truediv__(self, part: str | int) -> At:
        """The place one level down: ``at / "steps" / 0`` is the first step."""
        return At(self.doc, self.problems, (*self.key, part))

    def name(self, field: str | None = None) -> str:
        """The field as people count: ``steps[1].hold`` is the first step's hold."""
        return label((*self.key, field) if field is not None else self.key)

    def report(self, field: str | None, message: str, severity: Severity = "error") -> None:
        key = (*self.key, field) if field is not None else self.key
        self.problems.append(
            Problem(self.doc.rel, self.doc.line(key), self.name(field), message, severity)
        )

    def reported(self, field: str) -> bool:
        """Whether an error about ``field`` is already in (the parser may name a value)."""
        name = self.name(field)
        return any(
            p.field == name and p.path == self.doc.rel and p.severity == "error"
            for p in self.problems
        )

    def failed_since(self, count: int) -> bool:
        """Whether an error was reported after the first ``count`` problems."""
        return any(p.severity == "error" for p in self.problems[count:])


def closest(word: str, options: Iterable[str]) -> str:
    """A ' (did you mean "x"?)' hint, or nothing."""
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""
