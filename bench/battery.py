"""The player's main-thread time in a hold against a bare text countdown's, CPU slowed 4×.

Run: .venv/bin/python bench/battery.py   (about 100 s)

Issue #17, a player that spares the battery: a hold may cost the phone at most twice what
a page costs that does nothing but change one number a second. Both pages come from one
static server over the export of the bundled content, each in its own browser context on
a phone-sized touch screen, with service workers blocked (a worker filling its precache
is a one-off, not what a hold costs). The player plays ``daily-hips`` from a tap on
Start; the countdown is one text node that a ``setInterval`` rewrites every second.

The CDP ``Performance`` metrics (main-thread ``TaskDuration`` and ``ScriptDuration``,
layouts and style recalculations) are read over the player's first two holds, 26 s each,
from 1.5 s after a hold begins (its beep, speech and flash are over). The two pages take
turns of about 6.5 s, each slowed 4× (``Emulation.setCPUThrottlingRate``) only in its
turn: the throttle keeps a renderer's thread busy even when the page is idle, so two at
once compete for the cores, while turns share whatever else the machine is doing. Then,
in the next hold with both slowed, a trace counts the frames each renderer drew
(``DrawFrame``) and the paints it made; tracing costs main-thread time, so it has a
window of its own. Real time throughout: the figures move with the machine's load, the
ratio much less.
"""

from __future__ import annotations

import collections
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Row, print_table  # noqa: E402

sys.path.insert(0, str(ROOT))
from playwright.sync_api import (  # noqa: E402
    Browser,
    BrowserContext,
    CDPSession,
    Page,
    ViewportSize,
    expect,
    sync_playwright,
)

from hipapp.build.export import build  # noqa: E402
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, start_static  # noqa: E402

PLAYER = "/routines/daily-hips/play/"  # lead-in 5 s, then a 30 s hold on each side
COUNTDOWN = "/battery-countdown/"
SLOWDOWN = 4
# A phone: touch and no mouse. A mouse left over the page after a click makes Chromium
# hit-test it again after every layout (hover), which no phone pays for.
PHONE: ViewportSize = {"width": 390, "height": 844}
HOLDS = 2  # metrics windows: the first two holds, left and right
METRICS_WINDOW = 26.0  # seconds at most in each 30 s hold, from SETTLE after it begins
MARGIN = 2.0  # seconds a window ends before its hold does, for a slow tick or command
SLICE = 6.5  # seconds, about: the pages take turns, throttled and measured one at a time
TRACE_WINDOW = 8.0  # seconds, in the next hold (after the rest between sets)
SETTLE = 1.5  # seconds after a hold begins: its entry cues (beep, speech, flash) are over
BUDGET = 2.0  # the player may spend at most this many times the countdown's time
TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline.frame"]

# The peer: the least a page can do to show a countdown, from the same server.
COUNTDOWN_HTML = """<!doctype html>
<html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Countdown</title>
<p style="font: 800 9rem system-ui; text-align: center" id="left">600</p>
<script type="module" src="countdown.js"></script>
</html>
"""
COUNTDOWN_JS = """const text = document.getElementById("left").firstChild;
let left = 600;
setInterval(() => { left -= 1; text.data = String(left); }, 1000);
"""


@dataclass
class Tab:
    """One page under measurement, in its own context (and so its own renderer)."""

    context: BrowserContext
    page: Page
    cdp: CDPSession
    frame: str  # its main frame's id, as the trace names it
    spent: collections.Counter[str] = field(default_factory=collections.Counter)
    frames: int = 0
    paints: int = 0
    traced: float = 0.0  # seconds of trace

    def throttle(self, rate: float) -> None:
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})

    def metrics(self) -> dict[str, float]:
        found = self.cdp.send("Performance.getMetrics")["metrics"]
        return {m["name"]: m["value"] for m in found}

    def add(self, before: dict[str, float]) -> None:
        """Count what was spent since ``before``, a reading of ``metrics()``."""
        self.spent.update({k: v - before[k] for k, v in self.metrics().items() if k in before})

    def figures(self) -> dict[str, float]:
        """The windows' figures, by the label they print under."""

        def rate(name: str) -> float:
            return self.spent[name] / self.spent["Timestamp"]

        return {
            "main-thread time, ms/min": 60_000 * rate("TaskDuration"),
            "script time, ms/min": 60_000 * rate("ScriptDuration"),
            "layouts /s": rate("LayoutCount"),
            "style recalculations /s": rate("RecalcStyleCount"),
            "frames drawn /s": self.frames / self.traced,
            "paints /s": self.paints / self.traced,
        }


def open_tab(browser: Browser, url: str) -> Tab:
    """``url`` on a phone, its metrics on."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, service_workers="block"
    )
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(url)
    frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
    return Tab(context, page, cdp, frame)


def phase(page: Page) -> tuple[str, str]:
    """The player's phase and step index, from its contract attributes."""
    found = state(page)
    return found[0], found[1]


def state(page: Page) -> tuple[str, str, int]:
    """The player's phase, step index and seconds left in the step."""
    found: list[str] = page.evaluate(
        "(() => { const d = document.getElementById('player').dataset;"
        " return [d.phase, d.step, d.remaining]; })()"
    )
    return found[0], found[1], int(found[2])


def wait_for(check: Callable[[], bool], timeout: float = 60.0) -> None:
    # Polled from here, not page.wait_for_function: the player's CSP refuses its polling.
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not get there in time")
        time.sleep(0.05)


def count_frames(trace: bytes, tabs: list[Tab]) -> None:
    """Each tab's frames drawn (its compositor's DrawFrame) and paints (its main thread's)."""
    data = json.loads(trace)
    events = data["traceEvents"] if isinstance(data, dict) else data
    threads = {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e.get("ph") == "M" and e["name"] == "thread_name"
    }
    owner: dict[int, str] = {}  # renderer process -> the frame its paints name
    counts: collections.Counter[tuple[int, str]] = collections.Counter()
    for e in events:
        thread = threads.get((e["pid"], e["tid"]))
        if (thread, e["name"]) in {("Compositor", "DrawFrame"), ("CrRendererMain", "Paint")}:
            counts[e["pid"], e["name"]] += 1
        if e["name"] == "Paint":
            owner[e["pid"]] = e["args"]["data"]["frame"]
    for pid, frame in owner.items():
        for tab in tabs:
            if tab.frame == frame:
                tab.frames, tab.paints = counts[pid, "DrawFrame"], counts[pid, "Paint"]


def start_player(page: Page) -> str:
    """Start the session and wait until the first hold has settled; return its step."""
    # Start is enabled once the late bundle (what a session runs with) is in.
    expect(page.locator("#p-main")).to_be_enabled(timeout=60_000)
    page.locator("#p-main").tap()
    return next_hold(page, "")


def take_turns(tabs: list[Tab], seconds: float) -> None:
    """Measure each tab in turn, slowed down, for about SLICE seconds at a time and
    ``seconds`` in all: one slowed-down renderer at a time (the throttle keeps its thread
    busy even when idle, and two would compete for the cores), and both under the same
    load of the machine, turn by turn."""
    turns = 2 * max(1, round(seconds / (2 * SLICE)))
    for turn in range(turns):
        tab = tabs[turn % 2]
        tab.throttle(SLOWDOWN)
        before = tab.metrics()
        time.sleep(seconds / turns)
        tab.add(before)
        tab.throttle(1)


def next_hold(page: Page, step: str) -> str:
    """Wait for a hold of another step than ``step`` to begin and settle; return its step."""
    seen = [("", "")]  # the phase and step of the last look: one look, one answer

    def in_next_hold() -> bool:
        seen[0] = phase(page)
        return seen[0][0] == "hold" and seen[0][1] != step

    wait_for(in_next_hold, 90)
    page.wait_for_timeout(SETTLE * 1000)
    return seen[0][1]


def measure(browser: Browser, base: str) -> tuple[Tab, Tab]:
    """The player and the countdown, side by side in the same windows."""
    bare = open_tab(browser, base + COUNTDOWN)
    player = open_tab(browser, base + PLAYER)
    tabs = [player, bare]
    try:
        step = start_player(player.page)
        for hold in range(HOLDS):
            if hold:
                step = next_hold(player.page, step)
            left = state(player.page)[2]
            take_turns(tabs[hold % 2 :] + tabs[: hold % 2], min(METRICS_WINDOW, left - MARGIN))
            if phase(player.page) != ("hold", step):
                raise RuntimeError(f"a window left the hold of step {step}: {phase(player.page)}")
        next_hold(player.page, step)
        for tab in tabs:
            tab.throttle(SLOWDOWN)
        browser.start_tracing(categories=TRACE_CATEGORIES)
        began = time.monotonic()
        time.sleep(TRACE_WINDOW)
        for tab in tabs:
            tab.traced = time.monotonic() - began
        count_frames(browser.stop_tracing(), tabs)
    finally:
        for tab in tabs:
            tab.context.close()
    return player, bare


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        build(None, out)
        peer = out / COUNTDOWN.strip("/")
        peer.mkdir()
        (peer / "index.html").write_text(COUNTDOWN_HTML)
        (peer / "countdown.js").write_text(COUNTDOWN_JS)
        server = start_static(out)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    player, bare = measure(browser, server.url)
                finally:
                    browser.close()
        finally:
            server.stop()
    mine, theirs = player.figures(), bare.figures()
    print(f"during holds, {SLOWDOWN}× CPU slowdown, {PHONE['width']}×{PHONE['height']} touch:")
    print(f"{'':26}{'player':>10}{'countdown':>11}")
    for label, value in mine.items():
        print(f"{label:26}{value:>10.1f}{theirs[label]:>11.1f}")
    task, frames = "main-thread time, ms/min", "frames drawn /s"
    return [
        Row(
            f"battery: player's main thread in a hold, {SLOWDOWN}× slower "
            f"(≤ {BUDGET:g}× a bare countdown's {theirs[task]:,.0f})",
            mine[task],
            "ms/min",
            BUDGET * theirs[task],
        ),
        Row(
            f"battery: player's frames in a hold (≤ {BUDGET:g}× a bare countdown's "
            f"{theirs[frames]:.1f})",
            mine[frames],
            "/s",
            BUDGET * theirs[frames],
        ),
    ]


if __name__ == "__main__":
    print_table(run())
