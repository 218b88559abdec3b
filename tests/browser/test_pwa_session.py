"""Updates and sessions: an update never interrupts a routine, and routines play offline."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from hipapp import create_app
from hipapp.build.export import build
from hipapp.paths import DEFAULT_CONTENT

from ..support.browser import LiveServer, axe_violations, start_flask
from ..support.pwa_helpers import PATIENCE, poll, start_recording_static, wait_ready_offline

PLAY = "routines/desk-break/play/"


@pytest.fixture
def deploy(tmp_path: Path) -> Iterator[tuple[Path, Path, LiveServer]]:
    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT, content)
    out = tmp_path / "www"
    build(content, out)
    server = start_recording_static(out)
    yield content, out, server
    server.stop()


def new_build(content: Path, out: Path) -> None:
    card = content / "exercises" / "glute-bridge.md"
    card.write_text(card.read_text().replace("title: Glute bridge", "title: Bridge"))
    build(content, out)


def wait_for_waiting_worker(page: Page) -> None:
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    poll(page, "navigator.serviceWorker.getRegistration().then(r => !!r && !!r.waiting)")


def test_update_waits_until_the_session_is_over(
    sw_page: Page, deploy: tuple[Path, Path, LiveServer]
) -> None:
    content, out, server = deploy
    page = sw_page
    page.goto(server.url + "/" + PLAY)
    wait_ready_offline(page)
    player = page.locator("#player")
    # The player's contract: data-phase leaves "ready" while a session runs.
    page.evaluate("document.getElementById('player').dataset.phase = 'hold'")
    new_build(content, out)
    wait_for_waiting_worker(page)
    expect(player).to_have_attribute("data-phase", "hold")
    assert page.locator("#update-banner").inner_text() == ""
    page.evaluate("document.getElementById('player').dataset.phase = 'done'")
    expect(page.locator("#update-banner")).to_have_text("Update ready: Reload")
    # Starting again hides it: nothing invites a reload mid-routine.
    page.evaluate("document.getElementById('player').dataset.phase = 'rest'")
    expect(page.locator("#update-banner")).to_be_empty()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_update_banner_and_offline_page_are_accessible(
    sw_page: Page, deploy: tuple[Path, Path, LiveServer], axe: Axe, scheme: str
) -> None:
    content, out, server = deploy
    page = sw_page
    page.emulate_media(color_scheme=scheme)
    page.goto(server.url + "/")
    wait_ready_offline(page)
    new_build(content, out)
    wait_for_waiting_worker(page)
    banner = page.locator("#update-banner")
    expect(banner).to_have_text("Update ready: Reload")
    assert banner.get_attribute("role") == "status"
    button = page.get_by_role("button", name="Reload")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    button.focus()
    assert page.evaluate("document.activeElement.textContent") == "Reload"
    assert axe_violations(axe, page) == []
    page.screenshot(path=f"/tmp/x/banner-{scheme}.png")
    server.stop()
    page.goto(server.url + "/nowhere/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline")
    assert axe_violations(axe, page) == []


def test_a_full_routine_plays_offline(sw_page: Page) -> None:
    server = start_flask(create_app(DEFAULT_CONTENT))
    page = sw_page
    page.set_default_timeout(PATIENCE * 1000)
    page.clock.install()
    page.goto(server.url + "/")
    wait_ready_offline(page)
    server.stop()
    page.goto(server.url + "/" + PLAY)
    player = page.locator("#player")
    total = page.evaluate("JSON.parse(document.getElementById('player-data').textContent).total")
    page.get_by_role("button", name="Start").click()
    expect(player).not_to_have_attribute("data-phase", "ready")
    # Play it through: with no tap at all, as a person on the floor would.
    for _ in range(int(total) + 60):
        if player.get_attribute("data-phase") == "done":
            break
        page.clock.run_for(1_000)
    expect(player).to_have_attribute("data-phase", "done")
    # The log and summary bundle came from the precache: the session is in the history.
    expect(page.get_by_role("heading", name="Session complete")).to_be_visible()
    entries = page.evaluate("JSON.parse(localStorage.getItem('hipapp:log')).entries")
    assert [(e["routine"], e["completed"]) for e in entries] == [(PLAY.split("/")[1], True)]


def test_a_session_resumes_after_the_update_reload(
    sw_page: Page, deploy: tuple[Path, Path, LiveServer]
) -> None:
    content, out, server = deploy
    page = sw_page
    page.set_default_timeout(PATIENCE * 1000)
    page.clock.install()
    page.goto(server.url + "/" + PLAY)
    wait_ready_offline(page)
    player = page.locator("#player")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(40_000)
    step = player.get_attribute("data-step")
    assert step not in (None, "0")
    new_build(content, out)
    wait_for_waiting_worker(page)
    assert page.locator("#update-banner").inner_text() == ""
    # Whatever reloads the page next (the person, the OS), the session carries on.
    page.reload()
    expect(page.get_by_text(re.compile(r"^Resume at .+ left\?$"))).to_be_visible()
    page.get_by_role("button", name="Resume").click()
    expect(player).to_have_attribute("data-step", step)
    expect(player).not_to_have_attribute("data-phase", "ready")
