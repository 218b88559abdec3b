"""First visit to a routine page: bytes on the wire and requests before it is usable.

Measured in headless Chromium through CDP network events against the Flask server, which
sends Chromium brotli.
The 14 KiB figure is the compressed bodies of the HTML, CSS and JS requested before the load
event: what it takes to show the page and start a session. Scripts imported after load (the
session summary, the service worker wiring) are not needed for that; they count in the
40 KiB total, which is everything but images, response headers included.
Run: .venv/bin/python bench/page_weight.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Row, print_table  # noqa: E402

sys.path.insert(0, str(ROOT))
from playwright.sync_api import sync_playwright  # noqa: E402

from hipapp import create_app  # noqa: E402
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, start_flask  # noqa: E402

PAGES = ["/routines/daily-hips/", "/routines/daily-hips/play/"]
CRITICAL = {"Document", "Stylesheet", "Script"}


def first_visit(url: str) -> dict[str, Any]:
    """Byte counts for a cold visit, and how many requests came before load."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        kinds: dict[str, str] = {}
        headers: dict[str, int] = {}  # bytes received by the time the headers were in
        sizes: dict[str, int] = {}

        def responded(event: dict[str, Any]) -> None:
            kinds[event["requestId"]] = event["type"]
            headers[event["requestId"]] = int(event["response"]["encodedDataLength"])

        cdp.on("Network.responseReceived", responded)
        cdp.on(
            "Network.loadingFinished",
            lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])),
        )
        page.goto(url, wait_until="load")
        before_load = set(kinds)
        page.wait_for_load_state("networkidle")
        browser.close()
    return {
        "critical": sum(
            n - headers[r] for r, n in sizes.items() if r in before_load and kinds[r] in CRITICAL
        ),
        "total": sum(n for r, n in sizes.items() if kinds.get(r, "Other") != "Image"),
        "requests_before_load": len(before_load),
    }


def run() -> list[Row]:
    server = start_flask(create_app())
    rows = []
    try:
        for path in PAGES:
            got = first_visit(server.url + path)
            rows += [
                Row(f"{path} first visit: HTML+CSS+JS to start", got["critical"] / 1024, "KiB", 14),
                Row(f"{path} first visit: all but images", got["total"] / 1024, "KiB", 40),
                Row(f"{path} requests before load", got["requests_before_load"], "", 6),
            ]
    finally:
        server.stop()
    return rows


if __name__ == "__main__":
    print_table(run())
