"""The server-rendered pages in headless Chromium: they load cleanly and pass axe."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from ..support.browser import LiveServer, axe_violations, open_page

PAGES = [
    *("/", "/exercises/", "/exercises/glute-bridge/", "/routines/", "/routines/daily-hips/"),
    *("/programs/", "/about/"),
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_is_accessible(
    page: Page, live_server: LiveServer, axe: Axe, path: str, scheme: str
) -> None:
    open_page(page, live_server.url + path, scheme)
    assert axe_violations(axe, page) == []


@pytest.mark.console_errors_ok
def test_unknown_page_is_friendly_and_accessible(
    page: Page, live_server: LiveServer, axe: Axe
) -> None:
    response = page.goto(live_server.url + "/routines/no-such-routine/")
    assert response is not None and response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "We can't find that page"
    page.get_by_role("link", name="See all routines").click()
    assert page.url == live_server.url + "/"
    assert axe_violations(axe, page) == []


def test_keyboard_reaches_start(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/routines/daily-hips/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Start routine":
            break
    else:
        pytest.fail("Start is not reachable by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**/routines/daily-hips/play/")
