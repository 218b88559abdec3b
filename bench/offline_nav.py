"""Offline repeat visit: navigation start to interactive, served by the service worker.

One online visit installs the worker; then the context goes offline and each routine page
is opened again. Run: .venv/bin/python bench/offline_nav.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Row, print_table  # noqa: E402

sys.path.insert(0, str(ROOT))
from playwright.sync_api import sync_playwright  # noqa: E402

from hipapp import create_app  # noqa: E402
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, start_flask  # noqa: E402
from tests.support.pwa_helpers import wait_ready_offline  # noqa: E402

PAGES = ["routines/daily-hips/", "routines/hip-strength/play/", "exercises/hip-cars/", ""]
ROUNDS = 5


def run() -> list[Row]:
    server = start_flask(create_app())
    timings: list[float] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(service_workers="allow")
            page = context.new_page()
            page.goto(server.url + "/")
            wait_ready_offline(page)
            context.set_offline(True)
            for _ in range(ROUNDS):
                for path in PAGES:
                    page.goto(server.url + "/" + path)
                    timings.append(
                        page.evaluate(
                            "performance.getEntriesByType('navigation')[0].domInteractive"
                        )
                    )
            browser.close()
    finally:
        server.stop()
    print(
        f"offline navigations: {len(timings)}, median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms"
    )
    return [
        Row(
            "offline repeat visit: navigation to interactive (median)",
            statistics.median(timings),
            "ms",
            150,
        )
    ]


if __name__ == "__main__":
    print_table(run())
