"""The hostile-content corpus (issue #13): every bad folder gets a clear, located answer.

Each case in tests/support/hostile/cases/ is laid out in a throwaway folder, then checked
and built in this process; tests/support/hostile/harness.py says what a good answer is. To
see every failure at once, grouped by class: ``python -m tests.support.hostile.report``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .support.hostile.cases import CASES, Case


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    failures = case.judge(tmp_path).failures
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
