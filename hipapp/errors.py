"""The exception tree, the problem records that ``hipapp check`` prints, and the warnings.

Every warning, wherever it is raised, goes through :func:`warn` to the ``hipapp`` logger;
:func:`collect_warnings` gathers them (MkDocs counts its warnings the same way), so the
CLI prints them all and ``--strict`` counts them all, whichever stage found them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{what}"


class HipappError(Exception):
    """Base for every error hipapp reports to a person rather than a developer."""


class ContentError(HipappError):
    """The content folder has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(HipappError):
    """The static export could not be written."""


LOG = logging.getLogger("hipapp")
# A library does not print on its own: without a collector, warnings go nowhere (each
# caller that wants them collects them, or reads the list load_catalogue returns).
LOG.addHandler(logging.NullHandler())


def warn(problem: Problem) -> None:
    """Report a warning to every collector that is listening."""
    LOG.warning("%s", problem, extra={"problem": problem})


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, "problem", None)
        if not isinstance(problem, Problem):
            problem = Problem("", 0, "", record.getMessage(), "warning")
        self.problems.append(problem)


@contextmanager
def collect_warnings() -> Iterator[list[Problem]]:
    """Gather every warning raised inside the block, in the order they come."""
    handler = _Collector()
    LOG.addHandler(handler)
    try:
        yield handler.problems
    finally:
        LOG.removeHandler(handler)
