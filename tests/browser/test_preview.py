"""The studio's preview (``hipapp run --debug``): a saved edit shows on the next reload.

The preview runs with no service worker, so no page is an older copy from a cache, and a
worker left from an earlier, ordinary visit to the same address is removed.
"""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Error, Page, Response, expect

from hipapp import create_app

from ..conftest import Write
from ..support.browser import start_flask
from ..support.pwa_helpers import PATIENCE, wait_ready_offline

CARD = "---\ntitle: {title}\nhold: 30\n---\nBody.\n"
ROUTINE = "---\ntitle: Morning\nsteps: [stretch]\n---\n"


def retitle(root: Path, title: str) -> None:
    (root / "exercises" / "stretch.md").write_text(CARD.format(title=title), encoding="utf-8")


def no_worker_left(page: Page) -> bool:
    """True once no worker is registered and none controls the page: the preview's worker
    removes itself, then navigates the page it controlled, whose next document has none.
    Until then a reload races that navigation."""
    try:
        page.wait_for_load_state()
        return bool(
            page.evaluate(
                "navigator.serviceWorker.getRegistrations()"
                ".then(r => !r.length && !navigator.serviceWorker.controller)"
            )
        )
    except Error as error:  # the page navigated while it was asked
        if "context was destroyed" not in str(error):
            raise
        return False


def reload_past_the_worker(page: Page) -> Response | None:
    """Reload; if a navigation of the worker's cuts it short, reload again, a little later.

    Retrying at once once failed to end in CI: 3,111 reloads in two minutes, each answered
    by the server, none loaded, for a cause not found (it did not happen again in 17 runs
    here, under load too). Waiting until no worker controls the page (no_worker_left)
    removes the race the retry is for, and a pause keeps retries from following each
    other at once.
    """
    deadline = time.monotonic() + PATIENCE
    while True:
        try:
            return page.reload()
        except Error as error:
            if "ERR_ABORTED" not in str(error):
                raise
        assert time.monotonic() < deadline, "the page keeps navigating"
        page.wait_for_load_state()
        page.wait_for_timeout(250)


def test_the_preview_shows_each_saved_edit_on_the_next_reload(sw_page: Page, write: Write) -> None:
    write("exercises/stretch.md", CARD.format(title="Stretch one"))
    root = write("routines/morning.md", ROUTINE)
    # An ordinary visit first: its worker caches the site.
    server = start_flask(create_app(root))
    port = server.port
    try:
        sw_page.goto(server.url + "/exercises/stretch/")
        wait_ready_offline(sw_page)
    finally:
        server.stop()
    for title in ("Stretch two", "Stretch three"):
        retitle(root, title)  # the studio saves; the reloader starts the app again
        preview = start_flask(create_app(root, config={"DEBUG": True}), port)
        try:
            if title == "Stretch two":
                sw_page.goto(preview.url + "/exercises/stretch/")
                deadline = time.monotonic() + PATIENCE
                while not no_worker_left(sw_page):
                    assert time.monotonic() < deadline, "the site's worker is still registered"
                    sw_page.wait_for_timeout(50)
            response = reload_past_the_worker(sw_page)
            assert response is not None and not response.from_service_worker
            expect(sw_page.locator("h1")).to_have_text(title)
            assert sw_page.evaluate("navigator.serviceWorker.controller") is None
        finally:
            preview.stop()
