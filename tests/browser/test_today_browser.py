"""The client's today page on a fixed clock: which day it is, from the link or memory."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ..support.browser import ConsoleLog, LiveServer, axe_violations, phone_context

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 21, 10, 0, tzinfo=BERLIN)  # a Saturday
TODAY = "/programs/four-weeks/today/"
KEY = "hipapp:program:four-weeks:start"


@pytest.fixture
def berlin(browser: Browser, console: ConsoleLog) -> Iterator[BrowserContext]:
    """A phone in Berlin: the device's own calendar decides what "today" is."""
    context = phone_context(browser, console, "block", timezone_id="Europe/Berlin", locale="en-GB")
    yield context
    context.close()


def open_today(
    context: BrowserContext,
    server: LiveServer,
    query: str = "",
    *,
    now: datetime = NOW,
    stored: str | None = None,
) -> Page:
    page = context.new_page()
    page.clock.set_fixed_time(now)
    if stored is not None:
        page.goto(server.url + "/history/")
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
    page.goto(server.url + TODAY + query)
    expect(page.locator("#today")).not_to_have_attribute("data-state", "loading")
    return page


def title(page: Page) -> str:
    return page.locator(".today-title").inner_text()


def test_first_visit_without_a_start_makes_today_day_1(
    berlin: BrowserContext, live_server: LiveServer
) -> None:
    page = open_today(berlin, live_server)
    assert title(page) == "Day 1 of 28 · Daily hips for a calmer back"
    assert page.locator("#today").get_attribute("data-state") == "day"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "2026-11-21"
    assert page.evaluate("localStorage.getItem('hipapp:program:current')") == "four-weeks"
    start = page.get_by_role("link", name="Start", exact=True)
    assert start.get_attribute("href") == "../day/1/play/#start"  # one tap begins it
    assert page.locator(".started").inner_text() == "Day 1 was Saturday, November 21, 2026."


def test_before_the_start(berlin: BrowserContext, live_server: LiveServer) -> None:
    page = open_today(berlin, live_server, "?start=2026-11-22")
    assert title(page) == "Your program starts on Sunday, November 22, 2026"
    assert page.get_by_text("That's tomorrow.").is_visible()
    assert page.get_by_role("link", name="Look at day 1").get_attribute("href") == "../day/1/"
    page = open_today(berlin, live_server, "?start=2026-12-01")
    assert page.get_by_text("That's in 10 days.").is_visible()


def test_a_rest_day_offers_the_gentle_routine(
    berlin: BrowserContext, live_server: LiveServer
) -> None:
    page = open_today(berlin, live_server, "?start=2026-11-18")
    assert title(page) == "Day 4 of 28 · Rest day"
    gentle = page.get_by_role("link", name="Optional gentle routine (4 min 1 s)")
    assert gentle.get_attribute("href") == "../day/4/play/#start"
    assert page.get_by_role("link", name="Start", exact=True).count() == 0


def test_day_9_links_to_its_player(berlin: BrowserContext, live_server: LiveServer) -> None:
    page = open_today(berlin, live_server, "?start=2026-11-13")
    assert title(page) == "Day 9 of 28 · Hip strength"
    page.get_by_role("link", name="Start", exact=True).click()
    page.wait_for_url("**/programs/four-weeks/day/9/play/")
    data = page.evaluate("JSON.parse(document.getElementById('player-data').textContent)")
    assert data["program"] == {
        "slug": "four-weeks",
        "title": "Four weeks to stronger hips",
        "day": 9,
        "days": 28,
        "next": {"n": 10, "title": "Daily hips for a calmer back", "rest": False,
                 "total": data["program"]["next"]["total"]},
    }  # fmt: skip
    # One tap: the day's Start began the session on arrival (once the player's script ran).
    expect(page.locator("#player")).to_have_attribute("data-phase", "lead-in")


def test_the_last_day_and_after_the_end(berlin: BrowserContext, live_server: LiveServer) -> None:
    page = open_today(berlin, live_server, "?start=2026-10-25")
    assert title(page) == "Day 28 of 28 · Rest day"
    page = open_today(berlin, live_server, "?start=2026-10-24")
    assert title(page) == "Program complete"
    assert page.get_by_text("all 28 days on Friday, November 20, 2026").is_visible()
    page.get_by_role("button", name="Start again from today").click()
    assert title(page) == "Day 1 of 28 · Daily hips for a calmer back"
    assert page.locator("#today-status").inner_text() == "Restarted: today is day 1 of 28."
    assert page.url.endswith(TODAY)  # the old ?start= is gone, so a reload keeps day 1
    page.reload()
    assert title(page) == "Day 1 of 28 · Daily hips for a calmer back"


def test_the_start_is_remembered(berlin: BrowserContext, live_server: LiveServer) -> None:
    open_today(berlin, live_server, "?start=2026-11-13")
    page = open_today(berlin, live_server)
    assert title(page) == "Day 9 of 28 · Hip strength"
    # A new link with another start wins, and is remembered in turn.
    page = open_today(berlin, live_server, "?start=2026-11-20")
    assert title(page) == "Day 2 of 28 · Hip strength"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "2026-11-20"


@pytest.mark.parametrize(
    "bad", ["2026-13-45", "2026-02-30", "yesterday", "<script>alert(1)</script>", "1969-12-31"]
)
def test_a_bad_start_gets_a_friendly_message_and_keeps_the_saved_start(
    berlin: BrowserContext, live_server: LiveServer, bad: str
) -> None:
    page = open_today(berlin, live_server, f"?start={bad}", stored="2026-11-13")
    problem = page.locator("[data-problem=bad-start]")
    assert problem.inner_text() == (
        f"The start date in your link (“{bad}”) isn't a date we can read, so we kept your "
        "saved start date. Ask your studio for a new link if this looks wrong."
    )
    assert title(page) == "Day 9 of 28 · Hip strength"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "2026-11-13"
    assert page.locator("script:not([src]):not([type])").count() == 0


def test_an_empty_start_is_no_start(berlin: BrowserContext, live_server: LiveServer) -> None:
    # A studio that copies the link before picking a date sends "?start=": not an error.
    page = open_today(berlin, live_server, "?start=", stored="2026-11-13")
    assert title(page) == "Day 9 of 28 · Hip strength"
    assert page.locator("[data-problem]").count() == 0


def test_a_bad_start_without_a_saved_one_starts_today(
    berlin: BrowserContext, live_server: LiveServer
) -> None:
    long = "x" * 60
    page = open_today(berlin, live_server, f"?start={long}")
    assert (
        page.locator("[data-problem=bad-start]")
        .inner_text()
        .startswith(
            f"The start date in your link (“{'x' * 40}…”) isn't a date we can read, so we made "
            "today day 1."
        )
    )
    assert title(page) == "Day 1 of 28 · Daily hips for a calmer back"


def test_a_corrupt_saved_start_is_ignored(berlin: BrowserContext, live_server: LiveServer) -> None:
    page = open_today(berlin, live_server, stored='{"oops": true}')
    assert title(page) == "Day 1 of 28 · Daily hips for a calmer back"
    assert page.locator("[data-problem]").count() == 0


def test_day_counting_survives_the_clock_change(
    berlin: BrowserContext, live_server: LiveServer
) -> None:
    # Summer time ended on 25 October 2026: that day had 25 hours. 20 Oct → 26 Oct is day 7.
    late = datetime(2026, 10, 26, 0, 30, tzinfo=BERLIN)
    page = open_today(berlin, live_server, "?start=2026-10-20", now=late)
    assert title(page) == "Day 7 of 28 · Rest day"
    spring = datetime(2027, 3, 29, 23, 45, tzinfo=BERLIN)  # 28 March 2027 had 23 hours
    page = open_today(berlin, live_server, "?start=2027-03-27", now=spring)
    assert title(page) == "Day 3 of 28 · Daily hips for a calmer back"


def test_home_page_offers_to_continue(berlin: BrowserContext, live_server: LiveServer) -> None:
    page = open_today(berlin, live_server, "?start=2026-11-13")
    page.goto(live_server.url + "/")
    card = page.locator("#continue")
    expect(card).to_be_visible()
    assert card.get_attribute("data-state") == "day"
    link = card.get_by_role("link")
    assert [t.strip() for t in link.locator("span, strong").all_text_contents()] == [
        "Continue your program",
        "Four weeks to stronger hips",
        "Day 9 of 28 · Hip strength",
    ]
    assert link.get_attribute("href") == "programs/four-weeks/today/"


def test_home_page_without_a_program_shows_no_card(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("#continue").is_hidden()


@pytest.mark.parametrize(
    "query", ["", "?start=2026-11-22", "?start=2026-11-18", "?start=2026-10-01", "?start=bad"]
)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_today_states_are_accessible(
    berlin: BrowserContext, live_server: LiveServer, axe: Axe, query: str, scheme: str
) -> None:
    page = open_today(berlin, live_server, query)
    page.emulate_media(color_scheme=scheme)
    assert axe_violations(axe, page) == []


def test_the_installed_app_launches_into_today(
    berlin: BrowserContext, live_server: LiveServer
) -> None:
    page = open_today(berlin, live_server, "?start=2026-11-13")
    page.goto(live_server.url + "/?launch=app")
    page.wait_for_url("**" + TODAY)
    expect(page.locator(".today-title")).to_have_text("Day 9 of 28 · Hip strength")
    # After the end, the app opens on the home page as usual.
    page = open_today(berlin, live_server, "?start=2026-10-01")
    page.goto(live_server.url + "/?launch=app")
    expect(page.locator("#continue")).to_have_attribute("data-state", "complete")
    assert page.url == live_server.url + "/?launch=app"


def test_launch_without_a_program_stays_home(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/?launch=app")
    assert page.locator("#continue").is_hidden()
    assert page.get_by_role("heading", level=1).inner_text() == "Hip Mobility Studio"
