"""The server-rendered pages in headless Chromium: they load cleanly and pass axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from hipapp import create_app

from ..conftest import CARD, Write
from ..support.browser import ConsoleLog, LiveServer, axe_violations, open_page, phone_context

PAGES = [
    *("/", "/exercises/", "/exercises/glute-bridge/", "/routines/", "/routines/daily-hips/"),
    *("/programs/", "/about/"),
]
# Every kind of page a client reads, beyond the player (test_player_layout.py).
READ = [
    *PAGES,
    *("/programs/four-weeks/", "/programs/four-weeks/day/1/", "/programs/four-weeks/today/"),
    *("/programs/four-weeks/share/", "/history/", "/offline/", "/no-such-page/"),
]
# What a page's script draws after it loads, to wait for before measuring.
DRAWN = {"/programs/four-weeks/share/": ".plan-item", "/routines/taeglich/share/": ".plan-item"}
# name: (width, height, root font size); text at 200% as a browser's text-size setting
# does it, doubling the root font size and every rem with it.
SCREENS = {"iphone-se": (320, 568, ""), "text-200": (390, 844, "200%"), "landscape": (568, 320, "")}
# What spills sideways: the page's own width, and any element wider than the screen.
SPILL = """() => ({
  page: document.documentElement.scrollWidth,
  wide: [...document.querySelectorAll("main *, header *, footer *")]
    .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
    .map((el) => el.tagName + (el.className ? "." + el.className : "")).slice(0, 5),
})"""


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


def spilled(
    browser: Browser, console: ConsoleLog, base: str, paths: list[str], screen: str
) -> dict[str, Any]:
    """The pages among ``paths`` wider than ``screen``, with what spills over."""
    width, height, text = SCREENS[screen]
    context = phone_context(browser, console, "block", viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        if text:
            page.add_init_script(
                "document.addEventListener('DOMContentLoaded', () => "
                f"{{ document.documentElement.style.fontSize = '{text}'; }});"
            )
        found = {}
        for path in paths:
            page.goto(base + path)
            if path in DRAWN:
                page.locator(DRAWN[path]).first.wait_for()
            spill = page.evaluate(SPILL)
            if spill["page"] > width or spill["wide"]:
                found[path] = spill
        return found
    finally:
        context.close()


@pytest.mark.console_errors_ok  # the unknown page answers 404
@pytest.mark.parametrize("screen", SCREENS)
def test_no_page_scrolls_sideways_on_a_small_phone_or_at_200_percent_text(
    browser: Browser, console: ConsoleLog, live_server: LiveServer, screen: str
) -> None:
    assert spilled(browser, console, live_server.url, READ, screen) == {}


def test_a_long_german_word_wraps_rather_than_the_page(
    browser: Browser,
    console: ConsoleLog,
    write: Write,
    server_factory: Callable[..., LiveServer],
) -> None:
    """A compound as long as the screen, in a tile, a list, a step and a form's legend."""
    write("site.yaml", "name: Studio\nlang: de\n")
    write("exercises/dehnung.md", CARD.format(title="Hüftbeugerdehnungsübung im Halbkniestand"))
    write("routines/taeglich.md", "---\ntitle: Täglich\nsteps: [dehnung]\n---\n")
    server = server_factory(create_app(write()))
    paths = ["/", "/exercises/", "/exercises/dehnung/", "/routines/taeglich/"]
    paths.append("/routines/taeglich/share/")
    assert spilled(browser, console, server.url, paths, "text-200") == {}
