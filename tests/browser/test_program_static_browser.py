"""Program pages served from the static export, and (with the PWA work) offline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from ..support.browser import ConsoleLog, LiveServer, axe_violations, open_page
from ..support.exports import Exported

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
TODAY = "/hips/programs/four-weeks/today/"


@pytest.fixture
def export(bundled_export: Exported, server_factory: Callable[..., LiveServer]) -> LiveServer:
    """The bundled content exported under a subpath and served by a plain static server."""
    out, _ = bundled_export("https://studio.example/hips/")
    server: LiveServer = server_factory(out.parent)
    return server


def test_today_and_history_work_from_the_export(
    browser: Browser, export: LiveServer, console: ConsoleLog
) -> None:
    context = browser.new_context(timezone_id="Europe/Berlin", service_workers="block")
    context.on("page", console.watch)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(NOW)
        page.goto(export.url + TODAY + "?start=2026-11-13")
        expect(page.locator(".today-title")).to_have_text("Day 9 of 28 · Hip strength")
        page.get_by_role("link", name="Start", exact=True).click()
        page.wait_for_url("**/hips/programs/four-weeks/day/9/play/")
        page.goto(export.url + "/hips/history/")
        expect(page.locator("#history")).to_have_attribute("data-state", "ready")
        assert page.locator("#adherence li").inner_text() == (
            "Four weeks to stronger hips: 0 of 7 sessions, started Nov 13, 2026"
        )
        page.goto(export.url + "/hips/")
        expect(page.locator("#continue .continue-day")).to_have_text("Day 9 of 28 · Hip strength")
    finally:
        context.close()


def test_program_pages_work_offline_after_one_visit(
    browser: Browser, export: LiveServer, console: ConsoleLog
) -> None:
    context = browser.new_context(timezone_id="Europe/Berlin", service_workers="allow")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(NOW)
        page.goto(export.url + TODAY + "?start=2026-11-13")
        page.evaluate(
            "Promise.race([navigator.serviceWorker.ready,"
            " new Promise((_, no) => setTimeout(() => no(new Error('no service worker')), 5000))])"
        )
        export.stop()
        for path in [
            TODAY,
            "/hips/programs/four-weeks/day/16/",
            "/hips/history/",
            "/hips/programs/four-weeks/day/9/play/",
        ]:
            page.goto(export.url + path)
        page.goto(export.url + TODAY)
        expect(page.locator(".today-title")).to_have_text("Day 9 of 28 · Hip strength")
    finally:
        context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/programs/four-weeks/",
        "/programs/four-weeks/day/4/",
        "/programs/four-weeks/day/16/",
    ],
)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_program_pages_are_accessible(
    page: Page, live_server: LiveServer, axe: Axe, path: str, scheme: str
) -> None:
    open_page(page, live_server.url + path, scheme)
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    assert axe_violations(axe, page) == []
