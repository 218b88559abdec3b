"""The player's layout holds on a small phone, at 200% text and on its side (issue 14).

Each test opens the small routine at one screen size, plays it on the fake clock and
measures the boxes the browser laid out: nothing the person can tap is cut off or pushed
off the side, and Pause, Skip and End are on screen during a hold without scrolling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from ..conftest import Write
from ..support.browser import ConsoleLog, LiveServer, phone_context
from ..support.player_helpers import PATH, open_player, screen, small_player
from .test_player_a11y import axe_run

# name: (width, height, text scale)
SCREENS = {
    "iphone-se": (320, 568, 1),
    "text-200": (390, 844, 2),
    "landscape": (844, 390, 1),
    "se-landscape": (568, 320, 1),
}

# Text at 200%, as a browser's text-size setting does it: the root font size doubles, so
# every rem (and the player's container queries) doubles with it.
BIG_TEXT = """
document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.style.fontSize = "200%";
});
"""

# Every control a person can see: its name and box, and the viewport it must fit.
CONTROLS = """() => {
  const shown = (el) =>
    el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const all = [...document.querySelectorAll("#player button, #player a")];
  const boxes = all.filter(shown).map((el) => {
    const r = el.getBoundingClientRect();
    return {name: (el.innerText || el.getAttribute("aria-label") || el.id).trim(), id: el.id,
            left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            clipped: el.scrollWidth > el.clientWidth + 1};
  });
  return {boxes, width: innerWidth, height: innerHeight, scrollX: scrollX, scrollY: scrollY,
          pageWidth: document.documentElement.scrollWidth};
}"""


@pytest.fixture
def small(write: Write, server_factory: Callable[..., LiveServer]) -> LiveServer:
    return small_player(write, server_factory)


Opener = Callable[[str, str], Page]


@pytest.fixture
def open_screen(browser: Browser, console: ConsoleLog) -> Iterator[Opener]:
    """Open the player at ``url`` on one of SCREENS; every context closes after the test."""
    contexts: list[BrowserContext] = []

    def opener(url: str, name: str) -> Page:
        width, height, scale = SCREENS[name]
        viewport = {"width": width, "height": height}
        context = phone_context(browser, console, "block", viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        if scale != 1:
            page.add_init_script(BIG_TEXT)
        open_player(page, url, {"pain": True})
        if scale != 1:
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
        return page

    yield opener
    for context in contexts:
        context.close()


def controls(page: Page) -> dict[str, Any]:
    layout: dict[str, Any] = page.evaluate(CONTROLS)
    return layout


def assert_nothing_cut_off(page: Page, phase: str) -> None:
    layout = controls(page)
    assert layout["pageWidth"] <= layout["width"], f"{phase}: the page scrolls sideways"
    for box in layout["boxes"]:
        where = f"{phase}: {box['name']!r}"
        assert box["left"] >= 0 and box["right"] <= layout["width"] + 0.5, where
        assert not box["clipped"], f"{where} cuts off its own text"


def on_screen(page: Page, *ids: str) -> None:
    layout = controls(page)
    assert layout["scrollY"] == 0
    found = {box["id"]: box for box in layout["boxes"]}
    for element_id in ids:
        box = found.get(element_id)
        assert box, f"{element_id} is not shown"
        assert box["top"] >= 0 and box["bottom"] <= layout["height"] + 0.5, (element_id, box)


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_control_fits_in_every_phase(
    small: LiveServer, open_screen: Opener, axe: Axe, name: str
) -> None:
    page = open_screen(small.url + PATH, name)
    assert_nothing_cut_off(page, "ready")
    on_screen(page, "p-main")  # Start, without scrolling
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(6_000)
    assert screen(page)["phase"] == "hold"
    assert_nothing_cut_off(page, "hold")
    on_screen(page, "p-main", "p-skip", "p-end")
    page.get_by_role("button", name="Pause").click()
    on_screen(page, "p-main", "p-skip", "p-end")
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(70_000)
    assert (screen(page)["phase"], screen(page)["step"]) == ("reps", "8")
    assert page.get_by_role("button", name="Done").is_visible()
    assert_nothing_cut_off(page, "reps")
    page.evaluate("scrollTo(0, 0)")  # the taps above may have scrolled the page
    on_screen(page, "p-done", "p-main", "p-skip", "p-end")
    assert axe_run(axe, page) == []
    page.clock.run_for(15_000)
    assert screen(page)["phase"] == "done"
    assert_nothing_cut_off(page, "done")
    page.get_by_role("group", name="Seated figure-4").get_by_role("button", name="9").click()
    assert_nothing_cut_off(page, "advice")


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_scale_wraps_in_a_grid_that_fits(
    small: LiveServer, open_screen: Opener, name: str
) -> None:
    page = open_screen(small.url + PATH, name)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(91_000)
    group = page.get_by_role("group", name="Seated figure-4")
    boxes = [group.get_by_role("button", name=str(n), exact=True).bounding_box() for n in range(11)]
    width = page.evaluate("innerWidth")
    assert all(b and b["x"] >= 0 and b["x"] + b["width"] <= width for b in boxes)
    rows = sorted({round(b["y"]) for b in boxes if b})
    assert len(rows) >= 2  # wrapped, not one line running off both sides
    assert min(b["width"] for b in boxes if b) >= 44  # and each still a finger's width


# The countdown's text, as the box its glyphs take, against the ring's inner circle.
TIME_IN_RING = """() => {
  const dial = document.querySelector(".p-dial").getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(document.getElementById("p-time"));
  const text = range.getBoundingClientRect();
  // viewBox 100: the ring's radius is 45 and its stroke 6 wide, so inside it is 42.
  const inner = 0.42 * dial.width, cx = dial.left + dial.width / 2, cy = dial.top + dial.height / 2;
  const corners = [[text.left, text.top], [text.right, text.top],
                   [text.left, text.bottom], [text.right, text.bottom]];
  return {text: document.getElementById("p-time").textContent,
          worst: Math.max(...corners.map(([x, y]) => Math.hypot(x - cx, y - cy) / inner))};
}"""


@pytest.mark.parametrize("name", list(SCREENS))
def test_a_ten_minute_total_fits_inside_the_ring(
    open_screen: Opener, live_server: LiveServer, name: str
) -> None:
    page = open_screen(live_server.url + "/routines/daily-hips/play/", name)
    got = page.evaluate(TIME_IN_RING)
    assert got["text"] == "10:00"
    assert got["worst"] <= 1, got  # every corner of the text inside the ring


PAUSE_AND_DONE = """() => {
  const look = (id) => {
    const s = getComputedStyle(document.getElementById(id));
    const r = document.getElementById(id).getBoundingClientRect();
    return {background: s.backgroundColor, radius: s.borderTopLeftRadius,
            box: [r.left, r.top, r.right, r.bottom]};
  };
  return {pause: look("p-main"), done: look("p-done")};
}"""


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("name", ["iphone-se", "text-200", "landscape"])
def test_done_looks_different_and_is_not_where_pause_was(
    small: LiveServer, open_screen: Opener, name: str
) -> None:
    page = open_screen(small.url + PATH, name)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(71_000)  # the lead-in before the squat's reps
    assert screen(page)["step"] == "7"
    before = page.evaluate(PAUSE_AND_DONE)["pause"]
    page.clock.run_for(5_000)
    assert screen(page)["step"] == "8"
    now = page.evaluate(PAUSE_AND_DONE)
    assert not overlap(now["done"]["box"], before["box"])  # a tap meant for Pause misses Done
    assert (now["done"]["background"], now["done"]["radius"]) != (
        now["pause"]["background"],
        now["pause"]["radius"],
    )


# Each moment the DOM changes, on the page's (fake) clock, and running animations.
WATCH_WRITES = """() => {
  window.writes = [];
  new MutationObserver(() => window.writes.push(Date.now())).observe(
    document.getElementById("player"),
    {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def test_a_hold_changes_the_screen_once_a_second_without_animating(
    small: LiveServer, open_screen: Opener
) -> None:
    """Issue 17: a player that spares the battery. The ring steps once a second with no
    transition, so a hold repaints about once a second instead of every frame."""
    page = open_screen(small.url + PATH, "iphone-se")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(6_000)
    assert screen(page)["phase"] == "hold"
    ring = "getComputedStyle(document.getElementById('p-ring'))"
    assert page.evaluate(f"{ring}.transitionDuration") == "0s"
    page.evaluate(WATCH_WRITES)
    for _ in range(10):
        page.clock.run_for(1_000)
        assert page.evaluate("document.getAnimations().length") == 0
    writes = page.evaluate("window.writes")
    seconds = [int(t // 1000) for t in writes]
    assert max(seconds.count(s) for s in set(seconds)) <= 2, writes
    assert len(set(seconds)) <= 11
