"""The guided session player end to end in Chromium, on a fake clock."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from hipapp import create_app
from hipapp.web import models

from ..conftest import Write
from ..support.browser import LiveServer
from ..support.player_helpers import (
    NO_PAIN,
    PATH,
    log_entries,
    open_player,
    saved_session,
    screen,
    small_player,
)

Factory = Callable[..., LiveServer]


def locate(steps: list[dict[str, Any]], ms: int) -> tuple[int, int]:
    """Which step is playing ``ms`` after the start, and how far into it."""
    for index, step in enumerate(steps):
        if ms < step["seconds"] * 1000:
            return index, ms
        ms -= step["seconds"] * 1000
    raise AssertionError("past the end")


@pytest.fixture
def small(write: Write, server_factory: Factory) -> LiveServer:
    """The small routine's server; tests ask for it before ``page``, so it outlives the page."""
    return small_player(write, server_factory)


def test_ready_screen_before_start(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    s = screen(page)
    assert (s["phase"], s["side"], s["step"], s["remaining"]) == ("ready", "", "0", "5")
    assert s["main"] == "Start" and s["label"] == "First up" and s["title"] == "Seated figure-4"
    # 5 + 20 + 5 + 20 + 10 + 5 + 6 + 5 + 15 (5 reps at the 3 s estimate) = 91 s
    assert (s["time"], s["unit"]) == ("1:31", "total")
    assert page.get_by_role("heading", level=1).inner_text() == "Test routine"
    assert page.get_by_role("link", name="Back to the routine").get_attribute("href") == "../"
    page.clock.run_for(60_000)
    assert screen(page)["phase"] == "ready"  # nothing runs before Start


# Records every text change inside the stage from the moment parsing ends, which is
# before any module script runs.
WATCH_STAGE = """
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  window.rewrites = [];
  const where = (node) => node.id || node.parentNode.id;
  new MutationObserver((records) => {
    for (const r of records) window.rewrites.push(where(r.target) + ":" + r.type);
  }).observe(document.getElementById("p-stage"), {
    subtree: true, childList: true, characterData: true,
  });
});
"""


def test_starting_up_rewrites_nothing_on_the_ready_screen(small: LiveServer, page: Page) -> None:
    """The server renders the ready screen exactly as the player would. If the script's
    first render changed any of it, the page's largest paint would wait for the script."""
    page.add_init_script(WATCH_STAGE)
    open_player(page, small.url + PATH, NO_PAIN)  # returns once the player has started up
    assert page.evaluate("window.rewrites") == []
    assert page.locator("#p-cue").inner_text() == "Sit tall"
    page.get_by_role("button", name="Start").click()
    # The watch does see writes: into the text node that is there (view.js put()).
    assert "p-label:characterData" in page.evaluate("window.rewrites")


def test_plays_a_whole_routine_at_exact_second_boundaries(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    s = screen(page)
    assert (s["phase"], s["remaining"], s["label"], s["time"]) == (
        "lead-in",
        "5",
        "Get ready",
        "0:05",
    )
    assert s["next"] == "Next: Left side" and s["main"] == "Pause"
    assert s["live"] == "Get ready: Seated figure-4, 0:05"
    page.clock.run_for(5_000)
    s = screen(page)
    assert (s["phase"], s["side"], s["step"], s["label"], s["time"]) == (
        "hold",
        "left",
        "1",
        "Left side",
        "0:20",
    )
    assert s["live"] == "Left side: Seated figure-4, 0:20"
    page.clock.run_for(19_000)
    s = screen(page)
    assert (s["phase"], s["label"], s["time"], s["remaining"]) == ("hold", "Left side", "0:01", "1")
    assert s["live"] == "Left side: Seated figure-4, 0:20"  # the countdown is not announced
    page.clock.run_for(1_000)
    s = screen(page)
    assert (s["phase"], s["side"], s["label"], s["time"]) == (
        "switch",
        "right",
        "Switch sides",
        "0:05",
    )
    page.clock.run_for(4_999)
    assert screen(page)["phase"] == "switch"
    page.clock.run_for(1)
    s = screen(page)
    assert (s["phase"], s["side"], s["label"], s["time"]) == ("hold", "right", "Right side", "0:20")
    assert s["next"] == "Next: Rest"
    page.clock.run_for(20_000)
    s = screen(page)
    assert (s["phase"], s["side"], s["label"], s["title"], s["time"]) == (
        "rest",
        "",
        "Rest",
        "Rest",
        "0:10",
    )
    page.clock.run_for(15_000)
    s = screen(page)
    assert (s["phase"], s["step"], s["time"], s["unit"]) == ("reps", "6", "0:06", "3 reps")
    page.clock.run_for(11_000)
    s = screen(page)
    # Reps without a tempo are counted at the rep pace, 3 s a rep: no tap needed.
    assert (s["phase"], s["step"], s["remaining"], s["time"], s["unit"]) == (
        "reps",
        "8",
        "15",
        "0:15",
        "5 reps",
    )
    assert page.get_by_role("button", name="Done").is_visible()  # it would end them early
    page.clock.run_for(14_999)
    assert screen(page)["step"] == "8"
    page.clock.run_for(1)
    assert screen(page)["phase"] == "done"
    assert page.get_by_role("heading", name="Session complete").is_visible()
    assert page.locator("#p-sum-done").inner_text() == "3"
    assert page.locator("#p-sum-skipped").inner_text() == "0"
    assert page.locator("#p-sum-saved").inner_text() == "Saved to your history on this device."
    [entry] = log_entries(page)
    assert entry["routine"] == "test" and entry["title"] == "Test routine"
    assert entry["completed"] is True
    assert entry["done"] == ["stretch", "bridge", "squat"] and entry["skipped"] == []
    assert entry["duration"] == 91 and entry["pain"] == []
    assert entry["date"] == "2023-11-14" and entry["program"] is None
    assert saved_session(page) is None  # a finished session no longer offers to resume


def test_pause_and_resume_keep_the_remaining_time(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(12_000)
    page.get_by_role("button", name="Pause").click()
    s = screen(page)
    assert (s["phase"], s["side"], s["remaining"], s["label"], s["main"]) == (
        "paused",
        "left",
        "13",
        "Paused",
        "Resume",
    )
    page.clock.run_for(120_000)
    assert screen(page)["remaining"] == "13"
    page.keyboard.press("Space")  # the keyboard resumes (focus is on the button: it clicks)
    assert screen(page)["phase"] == "hold"
    page.clock.run_for(1_000)
    assert screen(page)["remaining"] == "12"
    page.locator("#p-main").blur()
    page.keyboard.press("Space")
    assert screen(page)["phase"] == "paused"
    page.keyboard.press("Space")
    assert screen(page)["phase"] == "hold"
    page.locator("#p-time").click()  # tapping anywhere on the stage pauses
    assert (screen(page)["phase"], screen(page)["remaining"]) == ("paused", "12")


def test_skip_and_back_land_on_the_right_step(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(7_000)
    page.get_by_role("button", name="Skip").click()
    s = screen(page)
    assert (s["phase"], s["step"], s["remaining"]) == ("switch", "2", "5")
    page.keyboard.press("ArrowRight")
    assert (screen(page)["step"], screen(page)["side"]) == ("3", "right")
    page.keyboard.press("ArrowLeft")
    assert (screen(page)["step"], screen(page)["remaining"]) == ("2", "5")
    page.get_by_role("button", name="Back").click()
    s = screen(page)
    assert (s["phase"], s["step"], s["side"], s["remaining"]) == ("hold", "1", "left", "20")
    page.clock.run_for(3_000)
    assert screen(page)["remaining"] == "17"
    for _ in range(7):
        page.get_by_role("button", name="Skip").click()
    s = screen(page)
    assert s["phase"] == "reps" and s["step"] == "8"
    page.get_by_role("button", name="Skip").click()
    assert screen(page)["phase"] == "done"
    [entry] = log_entries(page)
    assert entry["skipped"] == ["stretch", "bridge", "squat"] and entry["done"] == []


def test_a_hidden_tab_resumes_in_the_phase_the_timestamps_say(
    page: Page, live_server: LiveServer
) -> None:
    open_player(page, live_server.url + "/routines/daily-hips/play/", NO_PAIN)
    steps = page.evaluate("JSON.parse(document.getElementById('player-data').textContent).steps")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(1_000)
    # The tab is frozen for five minutes: no timers run, then it becomes visible.
    page.clock.fast_forward(300_000)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    index, at = locate(steps, 301_000)
    s = screen(page)
    assert (s["step"], s["phase"]) == (str(index), steps[index]["kind"])
    assert s["remaining"] == str(steps[index]["seconds"] - at // 1000)
    assert s["side"] == steps[index].get("side", "")


def test_reload_mid_hold_offers_to_resume(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(38_000)
    assert (screen(page)["side"], screen(page)["remaining"]) == ("right", "12")
    saved = saved_session(page)
    assert (saved["index"], saved["elapsed"], saved["swaps"]) == (3, 8_000, {})
    page.reload()
    assert page.locator("#p-offer-text").inner_text() == (
        "Resume at Seated figure-4, right side, 0:12 left?"
    )
    assert screen(page)["phase"] == "ready"
    page.get_by_role("button", name="Resume").click()
    s = screen(page)
    assert (s["phase"], s["side"], s["step"], s["remaining"]) == ("hold", "right", "3", "12")
    assert page.locator("#p-offer").is_hidden()
    page.clock.run_for(12_000)
    assert screen(page)["phase"] == "rest"


def test_start_over_starts_over(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(8_000)
    page.reload()
    page.get_by_role("button", name="Start over").click()
    s = screen(page)
    assert (s["phase"], s["step"], s["remaining"]) == ("lead-in", "0", "5")
    assert saved_session(page)["index"] == 0 and saved_session(page)["elapsed"] == 0


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        '{"v": 1, "count": 9, "total": 91, "index": 99}',
        '{"v": 1, "count": 9, "total": 91, "index": 1, "elapsed": -5}',
        "[]",
        "null",
    ],
)
def test_corrupt_saved_state_is_discarded_with_a_notice(
    small: LiveServer, page: Page, raw: str
) -> None:
    page.add_init_script(
        f"if (!sessionStorage.getItem('x')) {{ sessionStorage.setItem('x', 1);"
        f" localStorage.setItem('hipapp:session:{PATH}', {raw!r});"
        ' localStorage.setItem(\'hipapp:settings\', \'{"beeps": "loud", "leadIn": 999}\'); }'
    )
    open_player(page, small.url + PATH)
    assert page.locator("#p-notices").inner_text() == (
        "Your unfinished session could not be read, so it was cleared."
    )
    assert saved_session(page) is None
    assert page.locator("#p-offer").is_hidden()
    page.get_by_role("button", name="Start").click()
    assert (screen(page)["phase"], screen(page)["remaining"]) == ("lead-in", "5")  # defaults
    assert page.locator("#p-notices").inner_text() == ""


def test_unreadable_settings_fall_back_with_a_notice(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, None)
    page.evaluate("localStorage.setItem('hipapp:settings', '{oops')")
    page.reload()
    assert page.locator("#p-notices").inner_text() == (
        "Your player settings could not be read, so the defaults are in use."
    )
    page.get_by_role("button", name="Settings").click()
    assert page.get_by_label("3-2-1 beeps").is_checked()
    assert page.get_by_label("Get-ready time (seconds)").input_value() == "5"


def test_fresh_settings_take_the_lead_in_from_the_player_data(
    write: Write, server_factory: Factory, page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead-in default is written once, in hipapp/plan/sequence.py, and reaches the
    player in its data (PlayerData.timing); the player has no number of its own."""
    monkeypatch.setattr(models, "Timing", functools.partial(models.Timing, lead_in=7))
    server = small_player(write, server_factory)
    open_player(page, server.url + PATH, None)  # nothing stored: the defaults
    assert page.evaluate("JSON.parse(document.getElementById('player-data').textContent)")[
        "timing"
    ] == {"lead_in": 7, "switch": 5, "rep_pace": 3}
    page.get_by_role("button", name="Start").click()
    assert (screen(page)["phase"], screen(page)["remaining"]) == ("lead-in", "7")
    page.clock.run_for(6_999)
    assert screen(page)["phase"] == "lead-in"
    page.clock.run_for(1)
    assert (screen(page)["phase"], screen(page)["side"]) == ("hold", "left")
    page.get_by_role("button", name="Settings").click()
    assert page.get_by_label("Get-ready time (seconds)").input_value() == "7"


def test_settings_persist_and_rescale_lead_in_and_switch(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Settings").click()
    dialog = page.get_by_role("dialog", name="Player settings")
    assert dialog.is_visible()
    dialog.get_by_label("3-2-1 beeps").uncheck()
    dialog.get_by_label("Get-ready time (seconds)").fill("3")
    dialog.get_by_label("Switch-sides time (seconds)").fill("10")
    dialog.get_by_role("button", name="Close").click()
    assert dialog.is_hidden()
    stored = page.evaluate("JSON.parse(localStorage.getItem('hipapp:settings'))")
    assert stored == {
        "beeps": False,
        "speech": True,
        "vibration": True,
        "flash": True,
        "pain": False,
        "leadIn": 3,
        "switch": 10,
        "repPace": 3,
    }
    page.reload()
    page.get_by_role("button", name="Settings").click()
    assert not page.get_by_label("3-2-1 beeps").is_checked()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Start").click()
    assert screen(page)["remaining"] == "3"
    page.clock.run_for(23_000)
    assert (screen(page)["phase"], screen(page)["remaining"]) == ("switch", "10")


def test_end_asks_first_and_records_an_unfinished_session(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(31_000)
    page.get_by_role("button", name="End").click()
    dialog = page.get_by_role("dialog", name="End this session?")
    dialog.get_by_role("button", name="Keep going").click()
    assert screen(page)["phase"] == "hold" and log_entries(page) == []
    page.get_by_role("button", name="End").click()
    dialog.get_by_role("button", name="End session").click()
    assert (screen(page)["phase"], screen(page)["remaining"], screen(page)["side"]) == (
        "done",
        "0",
        "",
    )
    assert page.get_by_role("heading", name="Session ended").is_visible()
    [entry] = log_entries(page)
    assert entry["completed"] is False and entry["duration"] == 31
    assert entry["done"] == [] and entry["skipped"] == []
    assert saved_session(page) is None


def test_bundled_routine_plays_to_the_end(page: Page, live_server: LiveServer) -> None:
    open_player(page, live_server.url + "/routines/daily-hips/play/")
    page.get_by_role("button", name="Start").click()
    phases = []
    for _ in range(200):  # no tap after Start: only time passes
        s = screen(page)
        phases.append(s["phase"])
        if s["phase"] == "done":
            break
        page.clock.run_for(int(s["remaining"]) * 1000)
    assert phases[-1] == "done"
    assert {"lead-in", "hold", "switch", "rest", "reps"} == set(phases[:-1])
    [entry] = log_entries(page)
    assert entry["routine"] == "daily-hips" and entry["completed"] is True
    assert entry["done"] == [
        "hip-flexor-stretch",
        "seated-figure-4",
        "ninety-ninety",
        "hip-cars",
        "glute-bridge",
    ]
    assert entry["pain"] == []  # rated at the end, on the summary, if at all
    for title in ("Half-kneeling hip flexor stretch", "Glute bridge"):
        page.get_by_role("group", name=title).get_by_role("button", name="0", exact=True).click()
    [entry] = log_entries(page)
    assert [(p["exercise"], p["rating"]) for p in entry["pain"]] == [
        ("hip-flexor-stretch", 0),
        ("glute-bridge", 0),
    ]


def test_thirty_minutes_drift_less_than_100_ms(
    write: Write, server_factory: Factory, page: Page
) -> None:
    write(
        "exercises/long.md",
        "---\ntitle: Long hold\nhold: 300s\nsides: both\nsets: 3\nrest: 30s\n---\n",
    )
    server = server_factory(
        create_app(write("routines/long.md", "---\ntitle: Long\nsteps: [long]\n---\n"))
    )
    open_player(page, server.url + "/routines/long/play/", NO_PAIN)
    page.evaluate("""() => {
      window.changes = [];
      const r = document.getElementById('player');
      new MutationObserver(() => {
        const last = window.changes[window.changes.length - 1];
        if (!last || last[1] !== r.dataset.step || last[2] !== r.dataset.phase)
          window.changes.push([Date.now(), r.dataset.step, r.dataset.phase]);
      }).observe(r, {attributes: true});
    }""")
    page.get_by_role("button", name="Start").click()
    start = page.evaluate("Date.now()")
    total = 5 + 3 * (300 + 5 + 300) + 2 * 30
    assert total > 30 * 60
    for _ in range(total + 1):
        page.clock.run_for(1_000)
    changes = page.evaluate("window.changes")
    steps = page.evaluate("JSON.parse(document.getElementById('player-data').textContent).steps")
    expected, at = [], 0
    for index, step in enumerate(steps):
        expected.append((at * 1000, str(index), step["kind"]))
        at += step["seconds"]
    expected.append((total * 1000, str(len(steps) - 1), "done"))
    got = [(t - start, step, phase) for t, step, phase in changes]
    assert [(s, p) for _, s, p in got] == [(s, p) for _, s, p in expected]
    assert max(abs(g[0] - e[0]) for g, e in zip(got, expected, strict=True)) < 100
