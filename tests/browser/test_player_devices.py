"""The player's device APIs, observed by wrapping them, and a device that has none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ..conftest import Write
from ..support.browser import LiveServer
from ..support.player_helpers import NO_PAIN, PATH, log_entries, open_player, screen, small_player

# Records each call and whether it happened inside the user's tap: a capturing click
# listener on window runs before the button's handler, a bubbling one after it.
RECORDER = """
(() => {
  const calls = window.__calls = {speak: [], cancel: 0, wake: [], released: 0, vibrate: [],
    audio: [], beeps: [], session: null};
  window.__inTap = false;
  window.addEventListener('click', () => { window.__inTap = true; }, true);
  window.addEventListener('click', () => { window.__inTap = false; });
  const synth = window.speechSynthesis;
  synth.speak = (u) => { calls.speak.push([u.text, window.__inTap]); };
  synth.cancel = () => { calls.cancel++; };
  window.__sentinels = [];
  const request = (type) => {
    calls.wake.push([type, window.__inTap]);
    const s = new EventTarget();
    s.type = type; s.released = false;
    s.release = async () => { s.released = true; calls.released++; };
    window.__sentinels.push(s);
    return Promise.resolve(s);
  };
  Object.defineProperty(Navigator.prototype, 'wakeLock',
    {configurable: true, get: () => ({request})});
  Navigator.prototype.vibrate = function (p) { calls.vibrate.push(p); return true; };
  Object.defineProperty(Navigator.prototype, 'audioSession',
    {configurable: true, get: () => (window.__audioSession ||= {type: 'auto'})});
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor(...a) { super(...a); calls.audio.push(window.__inTap); }
  };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...a) {
    calls.beeps.push(this.frequency.value);
    return start.apply(this, a);
  };
})();
"""

# A device with none of the optional APIs.
BARE = """
(() => {
  for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance', 'AudioContext',
                      'webkitAudioContext', 'MediaMetadata']) {
    Object.defineProperty(window, name, {configurable: true, value: undefined});
  }
  for (const name of ['wakeLock', 'vibrate', 'mediaSession', 'audioSession']) {
    delete Navigator.prototype[name];
  }
})();
"""


@pytest.fixture
def small(write: Write, server_factory: Callable[..., LiveServer]) -> LiveServer:
    """The small routine's server; tests ask for it before ``page``, so it outlives the page."""
    return small_player(write, server_factory)


def calls(page: Page) -> Any:
    return page.evaluate("window.__calls")


def spoken(page: Page) -> list[str]:
    return [text for text, _ in calls(page)["speak"]]


def test_cues_speech_beeps_vibration_and_wake_lock_are_called(
    small: LiveServer, page: Page
) -> None:
    page.add_init_script(RECORDER)
    open_player(page, small.url + PATH, NO_PAIN)
    assert calls(page)["audio"] == [] and calls(page)["speak"] == []
    page.get_by_role("button", name="Start").click()
    c = calls(page)
    # Audio and speech are unlocked synchronously inside the tap (iOS needs it).
    assert c["audio"] == [True]
    assert c["speak"][:2] == [[" ", True], ["Get ready: Seated figure-4", True]]
    assert c["wake"] == [["screen", True]]
    assert c["vibrate"] == [200]
    assert c["beeps"] == [440, 990]  # the silent unlock note, then the step's go beep
    assert page.evaluate("window.__audioSession.type") == "ambient"  # music keeps playing
    assert page.evaluate("document.querySelectorAll('audio, video').length") == 0
    assert page.evaluate("navigator.mediaSession.metadata.title") == "Seated figure-4"
    page.clock.run_for(5_000)
    assert calls(page)["beeps"] == [440, 990, 660, 660, 660, 990]  # 3-2-1, go
    page.clock.run_for(71_000)
    assert spoken(page)[1:] == [
        "Get ready: Seated figure-4",
        "Left side, 20 seconds",
        "Halfway",
        "Switch sides",
        "Right side, 20 seconds",
        "Halfway",
        "Rest 10 seconds. Then Glute bridge",
        "Get ready: Glute bridge",
        "3 reps",
        "1",
        "2",
        "3",
        "Get ready: Squat",
        "5 reps",
    ]
    # Speech is queued, never cut off: nothing said is cancelled by what follows it.
    assert calls(page)["cancel"] == 0
    assert calls(page)["vibrate"] == [200] * 9  # one per step entered
    # The device drops the lock while the page is hidden; showing it again re-acquires it.
    page.evaluate("window.__sentinels[0].released = true")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert [w[0] for w in calls(page)["wake"]] == ["screen", "screen"]
    page.clock.run_for(15_000)  # the squat's 5 reps, counted at 3 s a rep
    assert spoken(page)[-6:] == ["1", "2", "3", "4", "5", "Session complete, 2 minutes"]
    assert calls(page)["released"] == 1


def test_a_frozen_tab_speaks_only_the_current_step(small: LiveServer, page: Page) -> None:
    page.add_init_script(RECORDER)
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.fast_forward(52_000)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert screen(page)["phase"] == "rest"
    assert spoken(page) == [" ", "Get ready: Seated figure-4", "Rest 10 seconds. Then Glute bridge"]


def test_switched_off_cues_stay_silent(small: LiveServer, page: Page) -> None:
    page.add_init_script(RECORDER)
    off = {"pain": False, "beeps": False, "speech": False, "vibration": False, "flash": False}
    open_player(page, small.url + PATH, off)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(30_000)
    c = calls(page)
    assert c["speak"] == [[" ", True]]  # only the silent priming utterance
    assert c["beeps"] == [] and c["vibrate"] == []
    assert page.evaluate("document.getElementById('player').classList.contains('flash')") is False


def test_the_visual_flash_marks_each_phase_change(small: LiveServer, page: Page) -> None:
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    flashing = "document.getElementById('player').classList.contains('flash')"
    assert page.evaluate(flashing) is True
    page.clock.run_for(500)
    assert page.evaluate(flashing) is False


def test_a_refused_wake_lock_is_shown_and_the_timer_runs(small: LiveServer, page: Page) -> None:
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'wakeLock', {configurable: true, get: () =>"
        " ({request: () => Promise.reject(new DOMException('no', 'NotAllowedError'))})});"
    )
    open_player(page, small.url + PATH, NO_PAIN)
    page.get_by_role("button", name="Start").click()
    notice = page.locator("#p-notices")
    notice.get_by_text("Screen may sleep: keep it awake manually.").wait_for()
    page.clock.run_for(5_000)
    assert screen(page)["phase"] == "hold"


def test_a_device_without_speech_vibration_wake_lock_or_audio_completes(
    small: LiveServer, page: Page
) -> None:
    page.add_init_script(BARE)
    open_player(page, small.url + PATH, {"pain": True})
    assert page.evaluate("'wakeLock' in navigator || 'vibrate' in navigator") is False
    assert page.evaluate("typeof speechSynthesis + typeof AudioContext") == "undefinedundefined"
    page.get_by_role("button", name="Start").click()
    notices = page.locator("#p-notices")
    expect(notices.get_by_text("Screen may sleep: keep it awake manually.")).to_be_visible()
    # No speech at all: said once, and each cue is written instead (voice.js).
    expect(notices.get_by_text("This device has no voice for English")).to_have_count(1)
    for _ in range(40):
        s = screen(page)
        if s["phase"] == "done":
            break
        page.clock.run_for(int(s["remaining"]) * 1000)
    assert screen(page)["phase"] == "done"
    for title in ("Seated figure-4", "Glute bridge", "Squat"):
        page.get_by_role("group", name=title).get_by_role("button", name="1", exact=True).click()
    [entry] = log_entries(page)
    assert entry["completed"] is True and len(entry["pain"]) == 3


def test_blocked_storage_still_plays(small: LiveServer, page: Page) -> None:
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no'); }})"
    )
    open_player(page, small.url + PATH)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    assert screen(page)["phase"] == "hold"
    page.get_by_role("button", name="End").click()
    page.get_by_role("button", name="End session").click()
    assert page.locator("#p-sum-saved").inner_text() == (
        "This session could not be saved to your history."
    )
