"""Run every benchmark and print one table of figures against their budgets.

Run: make bench   (or .venv/bin/python bench/run.py [name ...])
Names: weight, server, build, lighthouse, offline, bytes, startup, battery.
Exit status 1 when a budget fails.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, print_table  # noqa: E402

MODULES = {
    "weight": "page_weight",
    "offline": "offline_nav",
    "server": "server",
    "build": "build_speed",
    "lighthouse": "lighthouse",
    "bytes": "offline_bytes",
    "startup": "startup",
    "battery": "battery",
}


def main(names: list[str]) -> int:
    rows: list[Row] = []
    for name in names or list(MODULES):
        module = importlib.import_module(MODULES[name])
        print(f"== {name}", flush=True)
        rows += module.run()
    print()
    print_table(rows)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
