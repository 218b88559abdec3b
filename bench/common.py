"""Shared pieces for the benchmark scripts: result rows and tool installs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    """One measured figure against its budget."""

    figure: str
    value: float
    unit: str
    budget: float
    lower_is_better: bool = True

    @property
    def ok(self) -> bool:
        return self.value <= self.budget if self.lower_is_better else self.value >= self.budget

    def cells(self) -> tuple[str, str, str, str]:
        sign = "≤" if self.lower_is_better else "≥"
        return (
            self.figure,
            f"{self.value:,.2f} {self.unit}",
            f"{sign} {self.budget:,.2f} {self.unit}",
            "pass" if self.ok else "FAIL",
        )


def print_table(rows: list[Row]) -> None:
    header = ("figure", "measured", "budget", "result")
    table = [header, *(r.cells() for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(4)]
    for i, line in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
        if i == 0:
            print("  ".join("-" * w for w in widths))


def pip_install(*packages: str) -> None:
    """Install Python packages the benchmarks need into the running interpreter."""
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *packages], check=True)


def apt_install(command: str, package: str) -> str:
    """Return the path of ``command``, installing its Debian package when missing."""
    found = shutil.which(command)
    if found:
        return found
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True)
    found = shutil.which(command)
    if not found:
        raise SystemExit(f"{command} is not available")
    return found
