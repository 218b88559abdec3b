"""Build time against MkDocs and Hugo on the same 1,000 cards: cold, no change, one edit.

Run: .venv/bin/python bench/build_speed.py

Each figure is the median wall time of the whole command (3 runs, 5 for the rebuilds,
whose half second is closer to this machine's noise), start-up included, with
hipapp's bytecode compiled as an installed package has it. "Cold" is a new output folder
(hipapp's kept compiled templates, brotli bundles and parsed content in static/gen/cache
stay, as they do on a studio's machine; the first of the runs has none); "no change"
builds the same content into the same folder again; "one-card edit" changes one card's
text first. Hugo (Debian's /usr/bin/hugo) renders the same cards as plain content pages
with a one-line layout, so it does less per page than hipapp does. Peak memory is the
build process's own maximum resident set (forked workers not counted, for either).
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Row, apt_install, pip_install, print_table  # noqa: E402
from library import generate, hugo_project, mkdocs_project  # noqa: E402

BIN = Path(sys.executable).parent


def run_once(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{cmd[0]} failed with exit code {proc.returncode}")
    return elapsed, usage.ru_maxrss


def timed(cmd: list[str], repeat: int, before: Callable[[], None] = lambda: None) -> float:
    """Median wall time over ``repeat`` runs, calling ``before`` ahead of each."""
    times = []
    for _ in range(repeat):
        before()
        times.append(run_once(cmd)[0])
    return statistics.median(times)


def edit(card: Path) -> Callable[[], None]:
    """Change one card's text a little differently each time."""
    count = [0]

    def change() -> None:
        count[0] += 1
        text = card.read_text().rstrip("\n").rsplit("\n<!-- edit", 1)[0]
        card.write_text(f"{text}\n<!-- edit {count[0]} -->\n")

    return change


def cold(command: Callable[[Path], list[str]], base: Path, repeat: int) -> tuple[float, Path]:
    """Median wall time of ``repeat`` builds, each into a new folder; and the last folder.

    None is deleted until the temporary folder goes: deleting the last run's thousands of
    files just before a run makes the file system finish that work during it (about
    0.5 s here for hipapp's 2,000 files, less for Hugo's 1,000), which no real cold build
    pays.
    """
    folders = [base.with_name(f"{base.name}-{n}") for n in range(repeat)]
    times = [run_once(command(folder))[0] for folder in folders]
    return statistics.median(times), folders[-1]


def compiled() -> None:
    """hipapp's bytecode, as an installed package has it: with PYTHONDONTWRITEBYTECODE
    set (as on CI machines), an editable checkout would compile every module on each
    build, about a second that a studio's machine never pays after the first run."""
    compileall.compile_dir(str(ROOT / "hipapp"), quiet=1)


def run(repeat: int = 3) -> list[Row]:
    compiled()
    if not shutil.which("mkdocs"):
        try:
            import mkdocs  # noqa: F401
        except ImportError:
            pip_install("mkdocs==1.6.1")
    hugo = apt_install("hugo", "hugo")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        one = generate(base / "c1000", 1000, 200, 5)
        two = generate(base / "c2000", 2000, 400, 10)

        def hipapp(content: Path, out: Path) -> list[str]:
            return [str(BIN / "hipapp"), "build", "--content", str(content), "--out", str(out)]

        cold_time, out = cold(lambda folder: hipapp(one, folder), base / "out1", repeat)
        memory = run_once(hipapp(one, base / "mem"))[1]
        # Rebuilds take half a second, where this machine's noise is a tenth: more runs.
        quick = 2 * repeat - 1
        same = timed(hipapp(one, out), quick)
        edited = timed(hipapp(one, out), quick, edit(one / "exercises" / "exercise-7.md"))
        # Cold as the 1,000 cards' median is: a new output folder, the parse cache kept.
        run_once(hipapp(two, base / "warm2"))
        t2000 = cold(lambda folder: hipapp(two, folder), base / "out2", 1)[0]

        site = hugo_project(one, base / "hugo")

        def hugo_into(folder: Path) -> list[str]:
            return [hugo, "--quiet", "-s", str(site), "-d", str(folder)]

        hugo_cold, hout = cold(hugo_into, base / "hugo-out", repeat)
        hugo_cmd = hugo_into(hout)
        hugo_memory = run_once(hugo_into(base / "hugo-mem"))[1]
        hugo_same = timed(hugo_cmd, quick)
        hugo_edit = timed(hugo_cmd, quick, edit(site / "content" / "exercise-7.md"))

        project = mkdocs_project(one, base / "mk")
        mkdocs = shutil.which("mkdocs") or str(BIN / "mkdocs")
        mk_cmd = [mkdocs, "build", "-q", "-f", str(project / "mkdocs.yml")]
        mk = timed([*mk_cmd, "-d", str(base / "mkout")], repeat)
    print(
        f"1,000 cards: hipapp cold {cold_time:.2f} s, no change {same:.2f} s, one-card edit "
        f"{edited:.2f} s, peak {memory / 1024:.0f} MiB; Hugo cold {hugo_cold:.2f} s, no change "
        f"{hugo_same:.2f} s, one-card edit {hugo_edit:.2f} s, peak {hugo_memory / 1024:.0f} MiB; "
        f"MkDocs {mk:.2f} s. hipapp 2,000 cards cold: {t2000:.2f} s"
    )
    return [
        Row("build: MkDocs time / hipapp time, cold (1,000 cards)", mk / cold_time, "×", 3, False),
        Row("build: hipapp / Hugo, cold", cold_time / hugo_cold, "×", 1.5),
        Row("build: hipapp / Hugo, no change", same / hugo_same, "×", 1.5),
        Row("build: hipapp / Hugo, one-card edit", edited / hugo_edit, "×", 1.5),
        Row("build: hipapp one-card edit", edited, "s", 0.5),
        Row("build: hipapp / Hugo, peak memory", memory / hugo_memory, "×", 1.0),
        Row("build: 2,000 cards time / 1,000 cards time, cold", t2000 / cold_time, "×", 2.2),
    ]


if __name__ == "__main__":
    print_table(run())
