"""Shared pieces for the player's browser tests: a small routine and screen readers."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from hipapp import create_app

from ..conftest import Write
from .browser import LiveServer

CARDS = {
    "exercises/stretch.md": """\
        ---
        title: Seated figure-4
        hold: 20s
        sides: both
        pain_limit: 2
        easier: easy
        ---
        ## Cues
        - Sit tall
        """,
    "exercises/easy.md": "---\ntitle: Easy stretch\nhold: 10s\n---\n",
    "exercises/bridge.md": "---\ntitle: Glute bridge\nreps: 3\ntempo: 2\n---\n",
    "exercises/squat.md": "---\ntitle: Squat\nreps: 5\n---\n",
}
ROUTINE = """\
    ---
    title: Test routine
    steps:
      - stretch
      - rest: 10s
      - bridge
      - squat
    ---
    """
# 0 lead-in 5 | 1 left 20 | 2 switch 5 | 3 right 20 | 4 rest 10 | 5 lead-in 5 | 6 reps 6 (tempo)
# | 7 lead-in 5 | 8 reps 15 (5 at the 3 s rep pace)
PATH = "/routines/test/play/"
NO_PAIN = {"pain": False}
START = 1_700_000_000  # seconds: 2023-11-14 22:13:20 UTC


def small_player(write: Write, server_factory: Callable[..., LiveServer]) -> LiveServer:
    """Serve the small routine above from a throwaway content folder."""
    for rel, text in CARDS.items():
        write(rel, text)
    return server_factory(create_app(write("routines/test.md", ROUTINE)))


def open_player(page: Page, url: str, settings: dict[str, Any] | None = None) -> None:
    """Install the fake clock, store settings once, and open the player."""
    if settings is not None:
        page.add_init_script(
            "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', 1);"
            f" localStorage.setItem('hipapp:settings', {json.dumps(json.dumps(settings))}); }}"
        )
    page.clock.install(time=START)
    page.goto(url)
    # After install the fake clock still flows in real time; pause it so that only
    # run_for and fast_forward move time.
    page.clock.pause_at(START + 60)
    # Start is enabled once the late bundle (what a session runs with) is in. Not
    # wait_for_function: its polling evaluates strings, which the player's CSP refuses.
    expect(page.locator("#p-main")).to_be_enabled()


def screen(page: Page) -> dict[str, str]:
    """The contract attributes plus what the screen says."""
    result: dict[str, str] = page.evaluate(
        """() => {
      const r = document.getElementById('player');
      const t = (id) => document.getElementById(id).innerText;
      return {phase: r.dataset.phase, side: r.dataset.side, step: r.dataset.step,
              remaining: r.dataset.remaining, label: t('p-label'), time: t('p-time'),
              title: t('p-ex'), unit: t('p-unit'), next: t('p-next'), set: t('p-set'),
              main: t('p-main'), live: document.getElementById('p-live').textContent};
    }"""
    )
    return result


def log_entries(page: Page) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = page.evaluate(
        "JSON.parse(localStorage.getItem('hipapp:log') || '{\"entries\": []}').entries"
    )
    return entries


def saved_session(page: Page) -> Any:
    return page.evaluate(f"JSON.parse(localStorage.getItem('hipapp:session:{PATH}'))")
