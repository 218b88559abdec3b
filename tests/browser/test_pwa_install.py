"""Installability as Chromium judges it (CDP), and the install hint."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect

from ..support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ConsoleLog,
    LiveServer,
    axe_violations,
    start_static,
)
from ..support.exports import Exported
from ..support.pwa_helpers import poll, wait_ready_offline

IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def persistent(playwright: Playwright, tmp_path: Path) -> Iterator[BrowserContext]:
    """Installability checks need a real profile, not an incognito context."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        headless=True,
        service_workers="allow",
    )
    yield context
    context.close()


@pytest.fixture(params=["flask", "export-subpath"])
def install_url(
    request: pytest.FixtureRequest, live_server: LiveServer, bundled_export: Exported
) -> Iterator[str]:
    if request.param == "flask":
        yield live_server.url + "/"
        return
    out, _ = bundled_export("https://example.org/hips/")
    server = start_static(out.parent)
    yield server.url + "/hips/"
    server.stop()


def test_chromium_finds_the_app_installable(persistent: BrowserContext, install_url: str) -> None:
    page = persistent.pages[0] if persistent.pages else persistent.new_page()
    page.goto(install_url)
    wait_ready_offline(page)
    cdp = persistent.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
    manifest: dict[str, Any] = cdp.send("Page.getAppManifest")
    assert manifest["url"] == install_url + "manifest.webmanifest"
    assert manifest["errors"] == []
    parsed = manifest["manifest"]
    assert parsed["id"] == parsed["scope"] == install_url
    assert parsed["startUrl"] == install_url + "?launch=app"  # today's session, if any
    assert parsed["display"] == "kStandalone"
    assert [s["url"] for s in parsed["shortcuts"]] == [
        install_url + f"routines/{slug}/" for slug in ("daily-hips", "desk-break", "hip-strength")
    ]
    # Every image is the size it claims, as Chromium read the claim.
    images = parsed["icons"] + [s["image"] for s in parsed["screenshots"]]
    assert len(images) == 6
    for entry in images:
        assert_png(page.request.get(entry["url"]).body(), entry["sizes"])
    raw = json.loads(page.request.get(manifest["url"]).text())
    assert [i.get("purpose") for i in raw["icons"]] == ["any", "any", "maskable", "maskable"]
    assert [s["form_factor"] for s in raw["screenshots"]] == ["narrow", "wide"]
    for shortcut in raw["shortcuts"]:
        assert_png(page.request.get(install_url + shortcut["icons"][0]["src"]).body(), "192x192")


def assert_png(body: bytes, sizes: str) -> None:
    with Image.open(io.BytesIO(body)) as image:
        assert image.format == "PNG"
        assert f"{image.width}x{image.height}" == sizes


def test_install_button_uses_the_browsers_prompt(
    page: Page, live_server: LiveServer, axe: Axe
) -> None:
    # Chrome may offer installation before the hint's bundle (loaded after the first paint)
    # arrives: hold that bundle back until the offer has been made.
    page.route("**/static/gen/site-extras-js-*", lambda route: None)  # left pending
    page.goto(live_server.url + "/")
    hint = page.locator("#install-hint")
    expect(hint).to_be_hidden()
    # Headless Chromium never offers installation by itself: play the browser's part.
    page.evaluate(
        """() => {
        const event = new Event("beforeinstallprompt", { cancelable: true });
        event.prompt = () => {
          window.prompted = (window.prompted || 0) + 1;
          return Promise.resolve();
        };
        event.userChoice = Promise.resolve({ outcome: "accepted" });
        window.dispatchEvent(event);
        window.defaultPrevented = event.defaultPrevented;
      }"""
    )
    assert page.evaluate("window.defaultPrevented") is True
    expect(hint).to_be_hidden()
    page.unroute("**/static/gen/site-extras-js-*")  # lets the held request through
    expect(hint).to_be_visible()
    expect(hint.locator("span")).to_have_text("Use it offline, like an app.")
    assert axe_violations(axe, page) == []
    page.get_by_role("button", name="Add to home screen").click()
    expect(hint).to_be_hidden()
    assert page.evaluate("window.prompted") == 1


def test_ios_safari_gets_short_instructions_until_dismissed(
    browser: Browser, console: ConsoleLog, live_server: LiveServer, axe: Axe
) -> None:
    context = browser.new_context(user_agent=IPHONE_SAFARI, service_workers="block")
    page = console.watch(context.new_page())
    page.goto(live_server.url + "/")
    hint = page.locator("#install-hint")
    expect(hint).to_contain_text("tap Share, then “Add to Home Screen”")
    assert axe_violations(axe, page) == []
    page.get_by_role("button", name="Not now").click()
    expect(hint).to_be_hidden()
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(hint).to_be_hidden()
    context.close()


def test_no_hint_in_other_browsers_or_when_installed(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    expect(page.locator("#install-hint")).to_be_hidden()
    assert page.locator("#install-hint").inner_html() == ""


def test_storage_is_made_persistent_after_a_completed_session(
    page: Page, live_server: LiveServer
) -> None:
    page.add_init_script(
        """navigator.storage.persisted = () => Promise.resolve(false);
        navigator.storage.persist = () => { window.persistCalls = (window.persistCalls || 0) + 1;
          return Promise.resolve(true); };"""
    )
    page.goto(live_server.url + "/")
    assert page.evaluate("window.persistCalls || 0") == 0
    page.evaluate("document.dispatchEvent(new CustomEvent('hipapp:session-complete'))")
    poll(page, "window.persistCalls === 1")


def test_service_worker_blocked_leaves_the_site_working(
    page: Page, live_server: LiveServer
) -> None:
    # The shared context blocks workers: nothing is promised offline, nothing breaks.
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hip Mobility Studio")
    expect(page.locator("#offline-status")).to_be_empty()


def test_ready_offline_reports_stored_size_and_is_announced_once(
    sw_page: Page, live_server: LiveServer
) -> None:
    status = sw_page.locator("#offline-status")
    sw_page.goto(live_server.url + "/")
    wait_ready_offline(sw_page)
    expect(status).to_have_text(re.compile(r"^Ready offline · \d+(\.\d)? (kB|MB) stored$"))
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") is None
    sw_page.goto(live_server.url + "/exercises/")
    wait_ready_offline(sw_page)
    assert status.get_attribute("aria-live") == "off"


@pytest.mark.parametrize(
    "wanted",
    ["//evil.example/", "https://evil.example/", "/\\evil.example/", "javascript:alert(1)", ""],
)
def test_offline_page_never_links_elsewhere(
    page: Page, live_server: LiveServer, wanted: str
) -> None:
    page.goto(live_server.url + "/offline/?" + urlencode({"from": wanted}))
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline")
    expect(page.locator("#offline-retry")).to_be_hidden()
    assert page.locator("#offline-retry a").get_attribute("href") == "../"


def test_offline_page_offers_to_retry_a_page_here(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/offline/?" + urlencode({"from": "/routines/x/?a=1"}))
    link = page.get_by_role("link", name="Try that page again")
    assert link.get_attribute("href") == live_server.url + "/routines/x/?a=1"
