"""A hands-free session (issue 14), end to end on a fixed clock with speech wrapped.

One tap from a link starts it; it plays to the end with no other tap; what it says can be
followed with eyes closed; ratings never stop the timer; a rating above the limit offers
the easier card next time, and three within it the harder one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from hipapp import create_app
from hipapp.web.filters import NBSP

from ..conftest import Write
from ..support.browser import ConsoleLog, LiveServer, phone_context
from ..support.player_helpers import START, log_entries, screen, small_player
from .test_player_a11y import axe_run
from .test_player_layout import BIG_TEXT, SCREENS, assert_nothing_cut_off, on_screen

Factory = Callable[..., LiveServer]

CARDS = {
    "exercises/wall-slide.md": """\
        ---
        title: Wall slide
        hold: 20s
        sides: both
        sets: 2
        rest: 10s
        easier: cat-cow
        harder: plank
        ---
        """,
    "exercises/cat-cow.md": "---\ntitle: Cat cow\nreps: 4\ntempo: 2s\n---\n",
    "exercises/plank.md": "---\ntitle: Forearm plank\nhold: 15s\n---\n",
    "exercises/bridge.md": "---\ntitle: Glute bridge\nreps: 3\n---\n",
    "exercises/band.md": "---\ntitle: Band walk\nreps: 6\nwait: true\n---\n",
    "routines/morning.md": """\
        ---
        title: Morning mobility
        steps:
          - wall-slide
          - rest: 15s
          - bridge
        ---
        """,
    "routines/bands.md": "---\ntitle: Bands\nsteps: [band]\n---\n",
    "programs/plan.md": "---\ntitle: Two mornings\ndays: [morning, morning]\n---\n",
}
# wall-slide: lead-in 5, L 20, switch 5, R 20, rest 10, L 20, switch 5, R 20 = 105 s; rest 15;
# bridge: lead-in 5, 3 reps at the 3 s pace = 14 s. 134 s in all.
MORNING = 134

# Records what is said (and any cancel) instead of saying it; the page's clock stamps it.
SPEECH = """
window.__said = [];
speechSynthesis.speak = (u) => { window.__said.push(u.text); };
speechSynthesis.cancel = () => { window.__said.push("<cancelled>"); };
"""
# A device that plays no sound until a tap on the page itself (iOS): the audio stays
# suspended unless resumed inside a tap. A real pointer counts, not activation alone:
# Playwright's evaluate (and so expect's polling) grants the page a user activation.
LOCKED_AUDIO = """
(() => {
  const Real = window.AudioContext;
  let tapped = false;
  addEventListener("pointerdown", () => { tapped = true; }, true);
  window.AudioContext = class extends Real {
    constructor(...a) { super(...a); this.__running = false; }
    get state() { return this.__running ? "running" : "suspended"; }
    resume() {
      if (tapped && navigator.userActivation.isActive) this.__running = true;
      return Promise.resolve();
    }
  };
})();
"""


def library(write: Write, server_factory: Factory, site: str = "") -> LiveServer:
    for rel, text in CARDS.items():
        write(rel, text)
    return server_factory(create_app(write("site.yaml", f"name: Studio\n{site}")))


@pytest.fixture
def morning(write: Write, server_factory: Factory) -> LiveServer:
    return library(write, server_factory)


def on_clock(page: Page, url: str) -> None:
    """Open url on the fake clock, paused, with speech recorded."""
    page.add_init_script(SPEECH)
    page.clock.install(time=START)
    # Paused before the page loads: a link ending in #start begins the session on
    # arrival, and only run_for moves its time.
    page.clock.pause_at(START + 1)
    page.goto(url)


def said(page: Page) -> list[str]:
    return [text for text in page.evaluate("window.__said") if text.strip()]


def play_out(page: Page, limit: int = 400) -> list[tuple[str, int]]:
    """Let time pass, a second at a time, until the session is done: (phase, progress)."""
    seen = []
    for _ in range(limit):
        s = screen(page)
        seen.append((s["phase"], int(page.locator("#p-total").get_attribute("value") or 0)))
        if s["phase"] == "done":
            return seen
        page.clock.run_for(1_000)
    raise AssertionError(f"not done after {limit} s: {seen[-3:]}")


def started(page: Page) -> None:
    expect(page.locator("#player")).to_have_attribute("data-phase", "lead-in")


def test_one_tap_from_a_routine_a_program_day_and_today_starts_a_session(
    morning: LiveServer, page: Page
) -> None:
    on_clock(page, morning.url + "/routines/morning/")
    page.get_by_role("link", name="Start routine").click()
    started(page)
    assert page.url == morning.url + "/routines/morning/play/"  # a reload offers to resume
    page.clock.run_for(5_000)
    assert (screen(page)["phase"], screen(page)["side"]) == ("hold", "left")

    page.goto(morning.url + "/programs/plan/day/2/")
    page.get_by_role("link", name="Start", exact=True).click()
    started(page)

    page.goto(morning.url + "/programs/plan/today/?start=2023-11-14")  # day 1 is today
    page.get_by_role("link", name="Start", exact=True).click()
    started(page)
    assert page.url.endswith("/programs/plan/day/1/play/")


def test_a_device_that_wants_a_tap_for_sound_still_starts(
    morning: LiveServer, page: Page, axe: Axe
) -> None:
    page.add_init_script(LOCKED_AUDIO)
    # Straight from a link in a message: no tap on any page of the site yet.
    on_clock(page, morning.url + "/routines/morning/play/#start")
    started(page)
    notice = page.get_by_role("button", name="Tap for sound")
    expect(notice).to_be_visible()
    page.clock.run_for(3_000)
    assert screen(page)["remaining"] == "2"  # the session runs while it waits for the tap
    page.locator("#p-time").click()  # one tap anywhere; on the stage it must not pause
    expect(notice).to_be_hidden()
    assert screen(page)["phase"] == "lead-in"
    page.clock.run_for(2_000)
    assert screen(page)["phase"] == "hold"


def test_the_sound_notice_passes_axe(morning: LiveServer, page: Page, axe: Axe) -> None:
    page.add_init_script(LOCKED_AUDIO)
    on_clock(page, morning.url + "/routines/morning/play/#start")
    expect(page.get_by_role("button", name="Tap for sound")).to_be_visible()
    assert axe_run(axe, page) == []


def test_a_routine_of_holds_and_both_kinds_of_reps_plays_to_the_end_with_no_tap(
    write: Write, server_factory: Factory, page: Page
) -> None:
    """Holds on both sides, reps with a tempo, reps without one: one tap, then only time."""
    server = small_player(write, server_factory)
    on_clock(page, server.url + "/routines/test/")
    page.get_by_role("link", name="Start routine").click()
    started(page)
    seen = play_out(page)
    phases = [phase for phase, _ in seen]
    assert set(phases) == {"lead-in", "hold", "switch", "rest", "reps", "done"}
    # No stop at all: the routine's progress moves on every second until the end.
    progress = [value for _, value in seen]
    assert all(b == a + 1 for a, b in zip(progress, progress[1:], strict=False)), progress
    expect(page.get_by_role("heading", name="Session complete")).to_be_visible()
    assert said(page)[-1] == "Session complete, 2 minutes"
    [entry] = log_entries(page)
    assert entry["completed"] is True and entry["done"] == ["stretch", "bridge", "squat"]


def test_what_is_said_can_be_followed_with_eyes_closed(morning: LiveServer, page: Page) -> None:
    on_clock(page, morning.url + "/routines/morning/play/#start")
    started(page)
    play_out(page)
    assert said(page) == [
        "Get ready: Wall slide",
        "Set 1 of 2, left side, 20 seconds",
        "Halfway",
        "Switch sides",
        "Set 1 of 2, right side, 20 seconds",
        "Halfway",
        "Rest 10 seconds. Then set 2 of Wall slide",
        "Set 2 of 2, left side, 20 seconds",
        "Halfway",
        "Switch sides",
        "Set 2 of 2, right side, 20 seconds",
        "Halfway",
        "Rest 15 seconds. Then Glute bridge",
        "Get ready: Glute bridge",
        "3 reps",
        "1",
        "2",
        "3",  # the last rep is counted too
        "Session complete, 2 minutes",
    ]


def test_a_step_that_waits_for_done_says_so_and_waits(morning: LiveServer, page: Page) -> None:
    on_clock(page, morning.url + "/routines/bands/play/#start")
    started(page)
    page.clock.run_for(5_000 + 600_000)
    s = screen(page)
    assert (s["phase"], s["time"], s["unit"]) == ("reps", "6", "reps")
    assert said(page)[-2:] == ["6 reps", "Tap Done when you finish"]
    done = page.get_by_role("button", name="Done")
    assert "primary" in (done.get_attribute("class") or "")  # the clear next action
    done.click()
    assert screen(page)["phase"] == "done"


def test_an_easier_card_next_time_on_a_program_day(
    morning: LiveServer, page: Page, axe: Axe
) -> None:
    on_clock(page, morning.url + "/programs/plan/day/1/")
    page.get_by_role("link", name="Start", exact=True).click()
    started(page)
    play_out(page)
    assert page.locator("#p-sum-next").inner_text() == f"Tomorrow: Morning mobility, 2{NBSP}min"
    # One scale per exercise done, named by its title, 0 to 10; ratings come at the end.
    groups = page.locator("#p-rate-list [role=group]")
    assert groups.count() == 2
    wall = page.get_by_role("group", name="Wall slide")
    assert wall.get_by_role("button").all_inner_texts() == [str(n) for n in range(11)]
    wall.get_by_role("button", name="5", exact=True).click()
    advice = "That is above 2 of 10. Ease off: move less far or more slowly, or try Cat cow."
    expect(wall.locator(".p-advice")).to_contain_text(advice)
    easier = wall.get_by_role("link", name="Easier version: Cat cow")
    assert easier.get_attribute("href") == "../../../../../exercises/cat-cow/"
    assert said(page)[-1] == advice  # said to its end: nothing follows to cut it off
    assert axe_run(axe, page) == []
    [entry] = log_entries(page)
    assert entry["pain"] == [{"exercise": "wall-slide", "rating": 5, "limit": 2}]

    # The next session of the program offers the easier card on its ready screen.
    page.goto(morning.url + "/programs/plan/day/2/")
    page.get_by_role("link", name="Start", exact=True).click()
    offer = page.locator("#p-swaps")
    expect(offer).to_be_visible()
    assert screen(page)["phase"] == "ready"  # a choice to make first: it waits for it
    assert offer.inner_text().startswith("Last time Wall slide felt 5/10. Do Cat cow instead?")
    assert axe_run(axe, page) == []
    page.get_by_role("button", name="Do Cat cow instead").click()
    assert screen(page)["title"] == "Cat cow"
    page.get_by_role("button", name="Start").click()
    seen = play_out(page)
    assert "hold" not in {phase for phase, _ in seen}  # cat cow's reps, not wall slides
    second = log_entries(page)[-1]
    assert second["swaps"] == [{"from": "wall-slide", "to": "cat-cow", "why": "easier"}]
    assert second["done"] == ["cat-cow", "bridge"]
    assert second["titles"] == {"cat-cow": "Cat cow", "bridge": "Glute bridge"}

    # The history and the CSV name exercises by their titles, and the CSV keeps slugs too.
    page.goto(morning.url + "/history/")
    expect(page.locator("#history")).to_have_attribute("data-state", "ready")
    flag = "Above the pain limit: Wall slide 5/10 (limit 2)"
    assert page.locator(".pain-flag").inner_text() == flag
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8"))))
    assert [(r["done"], r["done_slugs"]) for r in rows] == [
        ("Wall slide; Glute bridge", "wall-slide;bridge"),
        ("Cat cow; Glute bridge", "cat-cow;bridge"),
    ]
    assert rows[0]["pain"] == "Wall slide 5/10 (limit 2)"


def entry(n: int, rating: int) -> dict[str, Any]:
    day = f"2023-11-{10 + n:02d}"
    return {
        "id": f"e{n}",
        "date": day,
        "started": f"{day}T08:00:00.000Z",
        "routine": "morning",
        "duration": 134,
        "completed": True,
        "done": ["wall-slide", "bridge"],
        "pain": [{"exercise": "wall-slide", "rating": rating, "limit": 2}],
    }


def test_three_sessions_within_the_limit_offer_the_harder_card(
    morning: LiveServer, page: Page
) -> None:
    log = {"version": 1, "entries": [entry(1, 1), entry(2, 0), entry(3, 2)]}
    page.add_init_script(f"localStorage.setItem('hipapp:log', {json.dumps(json.dumps(log))})")
    on_clock(page, morning.url + "/routines/morning/play/")
    offer = "Wall slide felt fine the last three times. Ready for Forearm plank?"
    expect(page.locator("#p-swaps")).to_contain_text(offer)  # with the late bundle
    page.get_by_role("button", name="Do Forearm plank instead").click()
    s = screen(page)
    assert (s["title"], s["set"]) == ("Forearm plank", "")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    s = screen(page)
    assert (s["phase"], s["title"], s["remaining"]) == ("hold", "Forearm plank", "15")


@pytest.fixture
def after_each(write: Write, server_factory: Factory) -> LiveServer:
    return library(write, server_factory, "pain_check: after_each\n")


def test_after_each_the_rating_shows_while_the_timer_runs(
    after_each: LiveServer, page: Page, axe: Axe
) -> None:
    on_clock(page, after_each.url + "/routines/morning/play/#start")
    started(page)
    page.clock.run_for(105_000)  # wall slide done: the routine's 15 s rest begins
    assert (screen(page)["phase"], screen(page)["remaining"]) == ("rest", "15")
    group = page.get_by_role("group", name="How did Wall slide feel?")
    expect(group).to_be_visible()
    page.clock.run_for(4_000)
    assert screen(page)["remaining"] == "11"  # the timer runs on while it shows
    assert axe_run(axe, page) == []
    group.get_by_role("button", name="3", exact=True).click()
    assert screen(page)["phase"] == "rest"  # a tap on a rating never pauses
    expect(group.locator(".p-advice")).to_contain_text("That is above 2 of 10.")
    link = group.get_by_role("link", name="Easier version: Cat cow")
    assert link.get_attribute("target") == "_blank"  # following it leaves the session running
    page.clock.run_for(11_000)
    assert screen(page)["phase"] == "lead-in"
    page.clock.run_for(5_000)
    expect(group).to_be_hidden()  # gone once the pause after the exercise is over
    play_out(page)
    # The end asks only about what was not asked on the way: the bridge, the last one.
    assert page.locator("#p-rate-list [role=group]").count() == 1
    expect(page.get_by_role("group", name="Glute bridge")).to_be_visible()
    [entry] = log_entries(page)
    assert entry["pain"] == [{"exercise": "wall-slide", "rating": 3, "limit": 2}]


def test_after_each_an_unanswered_rating_is_not_recorded(
    after_each: LiveServer, page: Page
) -> None:
    on_clock(page, after_each.url + "/routines/morning/play/#start")
    started(page)
    seen = play_out(page)
    assert "paused" not in {phase for phase, _ in seen}
    [entry] = log_entries(page)
    assert entry["pain"] == [] and entry["completed"] is True


@pytest.mark.parametrize("name", ["iphone-se", "text-200", "landscape"])
def test_the_new_screens_fit_too(
    write: Write,
    server_factory: Factory,
    browser: Browser,
    console: ConsoleLog,
    name: str,
) -> None:
    """The sound notice and a swap offer on the ready screen, and the rating during a rest,
    at 320×568, at 200% text and on its side: nothing cut off, the controls on screen."""
    server = library(write, server_factory, "pain_check: after_each\n")
    width, height, scale = SCREENS[name]
    context = phone_context(browser, console, "block", viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        if scale != 1:
            page.add_init_script(BIG_TEXT)
        page.add_init_script(LOCKED_AUDIO)
        log = {"version": 1, "entries": [entry(1, 6)]}
        page.add_init_script(f"localStorage.setItem('hipapp:log', {json.dumps(json.dumps(log))})")
        on_clock(page, server.url + "/routines/morning/play/#start")
        expect(page.locator("#p-swaps")).to_be_visible()
        assert_nothing_cut_off(page, "ready with an offer")
        on_screen(page, "p-main")
        page.get_by_role("button", name="Start").click()  # a tap: sound unlocks with it
        page.clock.run_for(105_000)
        expect(page.get_by_role("group", name="How did Wall slide feel?")).to_be_visible()
        assert_nothing_cut_off(page, "rest with a rating")
        page.evaluate("scrollTo(0, 0)")
        on_screen(page, "p-main", "p-skip", "p-end")
    finally:
        context.close()


def test_the_sound_notice_fits_at_200_percent(
    morning: LiveServer, browser: Browser, console: ConsoleLog
) -> None:
    width, height, _ = SCREENS["text-200"]
    context = phone_context(browser, console, "block", viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.add_init_script(BIG_TEXT)
        page.add_init_script(LOCKED_AUDIO)
        on_clock(page, morning.url + "/routines/morning/play/#start")
        started(page)
        expect(page.get_by_role("button", name="Tap for sound")).to_be_visible()
        page.clock.run_for(5_000)
        assert_nothing_cut_off(page, "hold with the sound notice")
        on_screen(page, "p-main", "p-skip", "p-end")
    finally:
        context.close()


def test_the_player_keeps_its_contract_attributes(morning: LiveServer, page: Page) -> None:
    """The plans page and the tests read these: data-phase, -side, -step, -remaining."""
    on_clock(page, morning.url + "/routines/morning/play/#start")
    started(page)
    page.clock.run_for(6_000)
    s = screen(page)
    assert (s["phase"], s["side"], s["step"], s["remaining"]) == ("hold", "left", "1", "19")
