"""Hypothesis over front matter and file trees, with a fixed seed and a small budget.

The same judge as the corpus, asking only for the invariants (no traceback or hang,
located messages, check and build agreeing, nothing outside the output touched). The
long run lives in bench/fuzz.py; shrinking is left to it, since a shrink here could
replay a hang dozens of times.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from .support.hostile.fuzzing import file_trees, front_matters
from .support.hostile.harness import judge_folder
from .support.hostile.samples import BASE
from .support.hostile.tree import Entry

SMALL = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def judge(files: dict[str, Entry]) -> None:
    with tempfile.TemporaryDirectory(prefix="hipapp-fuzz-") as tmp:
        failures = judge_folder(Path(tmp), {**BASE, **files}).failures
    if failures:
        shown = {path: entry if len(repr(entry)) < 400 else "…" for path, entry in files.items()}
        pytest.fail(f"{shown!r}\n" + "\n".join(failures), pytrace=False)


@SMALL
@given(front_matters())
def test_fuzzed_front_matter(files: dict[str, Entry]) -> None:
    judge(files)


@SMALL
@given(file_trees())
def test_fuzzed_file_trees(files: dict[str, Entry]) -> None:
    judge(files)
