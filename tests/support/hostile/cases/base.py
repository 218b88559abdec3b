"""The hostile-content corpus of issue #13: a few hundred malformed studio folders.

Each case is a small tree laid over ``BASE`` (one card, one routine, and a secret file
outside the content folder), and what hipapp must answer: either the content is fine
(``errors`` empty) or every expected ``path:line: ... message`` is printed by both
``check`` and ``build``. A message's pattern names the fix, not just the fault.

``owner`` says which part of hipapp has to answer the case: ``yaml`` the front-matter
parser, ``tree`` the loader's walk over files, ``media`` the media policy, ``schema`` the
field readers and their bounds, ``export`` the build's output folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..harness import Expect, Verdict, judge_folder
from ..samples import (
    BASE,
    fm,
)
from ..tree import Entry, Tree


@dataclass(frozen=True)
class Case:
    """One hostile folder and the answer it must get."""

    id: str
    cls: str
    owner: str
    files: Tree
    errors: tuple[Expect, ...] = ()
    warnings: tuple[Expect, ...] = ()
    forbid: tuple[str, ...] = ()
    exported: tuple[str, ...] = ()
    not_exported: tuple[str, ...] = ()
    out: str = "out"
    build_only: bool = False  # the content is fine; only the build must refuse

    @property
    def ok(self) -> bool:
        return not self.errors and not self.build_only

    def tree(self) -> dict[str, Entry]:
        return {**BASE, **self.files}

    def judge(self, tmp: Path) -> Verdict:
        """Lay the case out under ``tmp``, run check and build, and list what went wrong."""
        return judge_folder(
            tmp,
            self.tree(),
            errors=self.errors,
            warnings=self.warnings,
            forbid=self.forbid,
            exported=self.exported,
            not_exported=self.not_exported,
            out=self.out,
            agree=not self.build_only,
            expect_ok=self.ok if not self.build_only else None,
            build_errors=self.errors if self.build_only else (),
        )


CASES: list[Case] = []


def add(id: str, cls: str, owner: str, files: Tree, *errors: Expect, **options: object) -> None:
    assert all(c.id != id for c in CASES), id
    CASES.append(Case(id, cls, owner, files, tuple(errors), **options))  # type: ignore[arg-type]


def E(rel: str, line: int, text: str) -> Expect:  # noqa: N802 - reads like the table it fills
    """An error at ``content/<rel>:<line>`` matching ``text``."""
    return Expect(f"content/{rel}" if rel else "content", line, text)


def W(rel: str, line: int, text: str) -> Expect:  # noqa: N802
    return Expect(f"content/{rel}", line, text, "warning")


def anywhere(text: str) -> Expect:
    return Expect("", 0, text)


CARD_X = "exercises/x.md"
ROUTINE_R = "routines/r.md"
PROGRAM_P = "programs/p.md"


def card(*lines: str, body: str = "Body.\n") -> dict[str, Entry]:
    return {f"content/{CARD_X}": fm(*lines, body=body)}


def routine(*lines: str) -> dict[str, Entry]:
    return {f"content/{ROUTINE_R}": fm("title: R", *lines)}


def program(*lines: str) -> dict[str, Entry]:
    return {f"content/{PROGRAM_P}": fm("title: P", *lines)}
