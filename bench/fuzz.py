"""The long fuzzer: thousands of hostile folders, every distinct symptom with its smallest case.

Run: PYTHONPATH=. .venv/bin/python bench/fuzz.py [--examples N] [--seed S] [--shrink]

The strategies and the judge are the normal suite's (tests/support/hostile/fuzzing.py and
tests/support/hostile/harness.py); here the budget is large, the seed changes from run to run
unless given, and failures are collected instead of stopping the run. With --shrink it
stops at the first failure and lets Hypothesis shrink it to a minimal folder. Exit status
1 when anything failed. Not part of `make bench`: its figure is a count of bugs, not a
speed against a budget.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import seed as seed_of  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.support.hostile.fuzzing import file_trees, front_matters  # noqa: E402
from tests.support.hostile.harness import judge_folder  # noqa: E402
from tests.support.hostile.report import symptom  # noqa: E402
from tests.support.hostile.samples import BASE  # noqa: E402
from tests.support.hostile.tree import Entry  # noqa: E402


def run(examples: int, seed: int, shrink: bool) -> int:
    found: dict[str, tuple[int, dict[str, Entry], list[str]]] = {}
    count = 0

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.one_of(front_matters(), file_trees()))
    def fuzz(files: dict[str, Entry]) -> None:
        nonlocal count
        count += 1
        with tempfile.TemporaryDirectory(prefix="hipapp-fuzz-") as tmp:
            failures = judge_folder(Path(tmp), {**BASE, **files}).failures
        if not failures:
            return
        if shrink:
            raise AssertionError(f"{files!r}\n" + "\n".join(failures))
        key = symptom(failures[0])
        size = len(repr(files))
        if key not in found or size < found[key][0]:
            found[key] = (size, files, failures)

    start = time.perf_counter()
    seed_of(seed)(fuzz)()
    print(f"{count} folders in {time.perf_counter() - start:.0f} s (seed {seed}); ", end="")
    print(f"{len(found)} distinct symptoms")
    for key, (_, files, failures) in sorted(found.items()):
        print(f"\n== {key}\n{files!r}\n  " + "\n  ".join(failures[:4]))
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=random.randrange(2**32))
    parser.add_argument("--shrink", action="store_true", help="stop at, and shrink, the first")
    args = parser.parse_args()
    return run(args.examples, args.seed, args.shrink)


if __name__ == "__main__":
    sys.exit(main())
