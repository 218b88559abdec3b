"""axe reports nothing on the player in any phase, light or dark; it works by keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from ..conftest import Write
from ..support.browser import LiveServer, axe_violations
from ..support.player_helpers import NO_PAIN, PATH, open_player, screen, small_player


def axe_run(axe: Axe, page: Page) -> list[str]:
    """Run axe with the clock flowing (axe waits on timers), then pause it again."""
    page.clock.resume()
    found = axe_violations(axe, page)
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 0.5)
    return found


@pytest.fixture
def small(write: Write, server_factory: Callable[..., LiveServer]) -> LiveServer:
    """The small routine's server; tests ask for it before ``page``, so it outlives the page."""
    return small_player(write, server_factory)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_phase_has_no_axe_violations(
    small: LiveServer, page: Page, axe: Axe, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    # axe runs with the clock flowing: the squat's reps, counted at a slow pace, leave the
    # session time to spare for eleven runs on a busy machine before End is pressed.
    open_player(page, small.url + PATH, {"repPace": 60})
    seen: dict[str, list[str]] = {}

    def check(name: str) -> None:
        seen[name] = axe_run(axe, page)

    check("ready")

    page.get_by_role("button", name="Settings").click()
    check("settings")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Start").click()
    check("lead-in")
    page.clock.run_for(5_000)
    check("hold")
    page.get_by_role("button", name="Pause").click()
    check("paused")
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(20_000)
    check("switch")
    page.clock.run_for(25_000)
    assert screen(page)["phase"] == "rest"  # no stop for a rating on the way
    check("rest")
    page.clock.run_for(15_000)
    check("reps")
    page.clock.run_for(11_000)
    check("reps-counted")
    page.get_by_role("button", name="End").click()
    check("confirm")
    page.get_by_role("button", name="End session").click()
    assert screen(page)["phase"] == "done"
    check("done")
    page.get_by_role("group", name="Seated figure-4").get_by_role("button", name="9").click()
    check("done-advice")
    assert seen == {name: [] for name in seen}
    assert len(seen) == 12


def test_resume_offer_and_notices_have_no_axe_violations(
    small: LiveServer, page: Page, axe: Axe
) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(8_000)
    page.evaluate("localStorage.setItem('hipapp:settings', '[')")
    page.reload()
    assert page.get_by_role("button", name="Resume").is_visible()
    assert page.locator("#p-notices").inner_text() != ""
    assert axe_run(axe, page) == []


def test_the_player_works_from_the_keyboard(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Back to the routine"
    page.locator("#p-main").focus()
    page.keyboard.press("Enter")
    assert screen(page)["phase"] == "lead-in"
    page.clock.run_for(50_000)
    assert screen(page)["phase"] == "rest"
    assert page.evaluate("document.activeElement.id") == "p-main"  # focus stays put
    page.keyboard.press("ArrowRight")
    assert screen(page)["step"] == "5"
    page.locator("#p-end").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # from "Keep going" to "End session"
    page.keyboard.press("Enter")
    assert screen(page)["phase"] == "done"
    assert page.evaluate("document.activeElement.id") == "p-summary-title"
    # The ratings follow the summary: one Tab reaches the first exercise's 0.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "0"
    group = "document.activeElement.closest('[role=group]').getAttribute('aria-labelledby')"
    assert page.evaluate(f"document.getElementById({group}).textContent") == "Seated figure-4"


def test_the_ring_never_animates_and_reduced_motion_calms_the_flash(
    small: LiveServer, page: Page
) -> None:
    """The ring steps once a second either way (it spares the battery, issue 17); with
    reduced motion the screen flash is a thinner edge."""
    open_player(page, small.url + PATH)
    duration = "getComputedStyle(document.getElementById('p-ring')).transitionDuration"
    edge = """() => { const p = document.getElementById('player'); p.classList.add('flash');
      const s = getComputedStyle(p).boxShadow; p.classList.remove('flash'); return s; }"""
    assert page.evaluate(duration) == "0s"
    assert "12px" in page.evaluate(edge)
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(duration) == "0s"
    assert "6px" in page.evaluate(edge)


def test_controls_are_big_enough_to_tap(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    for name in ["Back", "Pause", "Skip", "End", "Settings"]:
        box = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, name
