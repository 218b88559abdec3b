"""Build time: hipapp vs MkDocs on the same 1,000 cards, and growth from 1,000 to 2,000.

Run: .venv/bin/python bench/build_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, pip_install, print_table  # noqa: E402
from library import generate, mkdocs_project  # noqa: E402

BIN = Path(sys.executable).parent


def timed(cmd: list[str], repeat: int = 3) -> float:
    """Median wall time of a whole command, start-up included, over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def hipapp_build(content: Path, out: Path) -> float:
    return timed([str(BIN / "hipapp"), "build", "--content", str(content), "--out", str(out)])


def run(repeat: int = 3) -> list[Row]:
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        pip_install("mkdocs==1.6.1")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        one = generate(base / "c1000", 1000, 200)
        two = generate(base / "c2000", 2000, 400)
        t1000 = hipapp_build(one, base / "out1")
        t2000 = hipapp_build(two, base / "out2")
        project = mkdocs_project(one, base / "mk")
        mk = timed(
            [
                str(BIN / "mkdocs"),
                "build",
                "-q",
                "-f",
                str(project / "mkdocs.yml"),
                "-d",
                str(base / "mkout"),
            ],
            repeat,
        )
    print(
        f"hipapp 1,000 cards + 200 routines: {t1000:.2f} s; 2,000 + 400: {t2000:.2f} s; "
        f"MkDocs 1,000 pages: {mk:.2f} s"
    )
    return [
        Row("build: MkDocs time / hipapp time (1,000 cards)", mk / t1000, "×", 3.0, False),
        Row("build: 2,000 cards time / 1,000 cards time", t2000 / t1000, "×", 2.2),
    ]


if __name__ == "__main__":
    print_table(run())
