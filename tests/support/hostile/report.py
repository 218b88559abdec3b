"""Run the whole corpus and print what fails, grouped by class and symptom.

    PYTHONPATH=. python -m tests.support.hostile.report [--verbose] [substring ...]

The same cases and judge as tests/test_hostile.py, without pytest: a table for a commit
message or an issue, and with --verbose each failing case and its first failure.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from .cases import CASES

SYMPTOMS = [
    (r"hung", "hangs"),
    (r"crashed with a traceback: (\w+)", "traceback ({})"),
    (r"accepted bad content", "accepted (exit 0)"),
    (r"check and build disagree: check passed", "check OK, build fails"),
    (r"check and build disagree: check failed", "check fails, build OK"),
    (r"refused good content", "refuses good content"),
    (r"changed the folder", "files changed or lost"),
    (r"printed jargon", "parser jargon in the message"),
    (r"not path:line", "message not located"),
    (r"no warning", "warning missing"),
    (r"no error at", "message missing, misplaced or without the fix"),
    (r"printed a false error", "false cascaded errors"),
    (r"published|holds a file from outside", "publishes what it must not"),
    (r"leads nowhere|is missing from the export", "broken link or missing file in export"),
    (r"unsafe link|payload", "unsafe markup in export"),
    (r"no error anywhere", "build does not refuse"),
]


def symptom(failure: str) -> str:
    for pattern, label in SYMPTOMS:
        match = re.search(pattern, failure)
        if match:
            return label.format(*match.groups())
    return failure[:60]


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    cases = [c for c in CASES if not wanted or any(w in c.id for w in wanted)]
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    failing = 0
    start = time.perf_counter()
    slow: list[tuple[float, str]] = []
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            began = time.perf_counter()
            verdict = case.judge(Path(tmp))
            slow.append((time.perf_counter() - began, case.id))
        if not verdict.failures:
            continue
        failing += 1
        # A case's main symptom: the first failure, which the others usually follow from.
        table[(case.cls, case.owner)][symptom(verdict.failures[0])] += 1
        if verbose:
            print(f"{case.id}: {verdict.failures[0][:300]}")
    print(f"\n{failing} of {len(cases)} cases fail ({time.perf_counter() - start:.1f} s)\n")
    print("| class | owner | failing | symptoms |")
    print("| --- | --- | --- | --- |")
    for (cls, owner), counts in sorted(table.items()):
        total = sum(counts.values())
        words = "; ".join(f"{label} ×{n}" for label, n in counts.most_common())
        print(f"| {cls} | {owner} | {total} | {words} |")
    if verbose:
        print("\nslowest:", ", ".join(f"{name} {s:.1f}s" for s, name in sorted(slow)[-8:]))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
