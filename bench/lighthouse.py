"""Lighthouse 12 (mobile preset) on the home page, a routine page and the player.

Installs Lighthouse from the npm registry into bench/.node on first use and runs it with
the system Chromium. Run: .venv/bin/python bench/lighthouse.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Row, print_table  # noqa: E402

sys.path.insert(0, str(ROOT))
from hipapp import create_app  # noqa: E402
from tests.browser import start_flask  # noqa: E402

NODE_DIR = Path(__file__).resolve().parent / ".node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
PAGES = ["/", "/routines/daily-hips/", "/routines/daily-hips/play/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def install() -> None:
    if not LIGHTHOUSE.exists():
        NODE_DIR.mkdir(exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(NODE_DIR),
                "lighthouse@12",
            ],
            check=True,
        )


def audit(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        data = json.loads(report.read_text())
    scores = {c: data["categories"][c]["score"] * 100 for c in CATEGORIES}
    scores["lcp"] = data["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    failing = [
        f"{a['id']}: {a['title']}"
        for a in data["audits"].values()
        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
    ]
    if failing:
        print(url, "failing audits:", *failing, sep="\n  ")
    return scores


def run() -> list[Row]:
    install()
    server = start_flask(create_app())
    rows = []
    try:
        for path in PAGES:
            # A running server has each page in its cache; measure that, not a cold render.
            urllib.request.urlopen(server.url + path, timeout=10).read()
            scores = audit(server.url + path)
            for category in CATEGORIES:
                rows.append(Row(f"lighthouse {path}: {category}", scores[category], "", 100, False))
            rows.append(Row(f"lighthouse {path}: LCP (simulated slow 4G)", scores["lcp"], "s", 1.0))
    finally:
        server.stop()
    return rows


if __name__ == "__main__":
    print_table(run())
