"""The studio's share page: the client link, a QR code that decodes to it, and the hand-out."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from hipapp import create_app
from hipapp.paths import DEFAULT_CONTENT
from hipapp.web.filters import NBSP

from ..support.browser import LiveServer, axe_violations

SHARE = "/programs/four-weeks/share/"
PUBLIC = "https://studio.example/hips/"
ZBARIMG = shutil.which("zbarimg")
needs_zbar = pytest.mark.skipif(ZBARIMG is None, reason="apt-get install zbar-tools")


def decode(png: bytes, tmp_path: Path) -> list[str]:
    """Every QR code zbar finds in a PNG image."""
    path = tmp_path / "code.png"
    path.write_bytes(png)
    done = subprocess.run(
        [str(ZBARIMG), "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.fixture
def public_server(server_factory) -> LiveServer:  # type: ignore[no-untyped-def]
    return server_factory(create_app(DEFAULT_CONTENT, config={"BASE_URL": PUBLIC}))


@needs_zbar
def test_share_page_qr_decodes_to_the_public_client_link(
    page: Page, public_server: LiveServer, tmp_path: Path
) -> None:
    page.goto(public_server.url + SHARE)
    link = f"{PUBLIC}programs/four-weeks/today/"
    assert page.locator("#client-link").input_value() == link
    assert page.locator("#no-public-url").count() == 0
    image = page.locator("#qr")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert decode(image.screenshot(), tmp_path) == [link]


@needs_zbar
def test_without_a_public_url_the_page_says_so_and_uses_this_server(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    page.goto(live_server.url + SHARE)
    link = f"{live_server.url}/programs/four-weeks/today/"
    assert "No public address is set" in page.locator("#no-public-url").inner_text()
    assert page.locator("#client-link").input_value() == link
    assert decode(page.locator("#qr").screenshot(), tmp_path) == [link]


def test_start_date_copy_and_print(context: BrowserContext, public_server: LiveServer) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.add_init_script(
        "delete Navigator.prototype.share; window.print = () => { window.printed = true; };"
    )
    page.goto(public_server.url + SHARE)
    assert page.locator("#share-link").is_hidden()  # no Web Share API: no Share button
    page.get_by_label("Start date").fill("2026-12-07")
    link = f"{PUBLIC}programs/four-weeks/today/?start=2026-12-07"
    assert page.locator("#client-link").input_value() == link
    # The hand-out prints the same undated link the QR code holds, and the date beside it.
    assert page.locator("#handout-link").inner_text() == f"{PUBLIC}programs/four-weeks/today/"
    assert page.locator("#handout-start").inner_text() == (
        "Monday, December 7, 2026 (scan the code that day to begin)"
    )
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("#share-status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.get_by_role("button", name="Print hand-out").click()
    assert page.evaluate("window.printed") is True


def test_native_share_sends_the_link(page: Page, public_server: LiveServer) -> None:
    page.add_init_script("navigator.share = async (data) => { window.shared = data; };")
    page.goto(public_server.url + SHARE)
    page.get_by_role("button", name="Share…").click()
    expect(page.locator("#share-status")).to_have_text("Shared.")
    assert page.evaluate("window.shared.url") == f"{PUBLIC}programs/four-weeks/today/"


def test_print_shows_only_the_hand_out(page: Page, public_server: LiveServer) -> None:
    page.goto(public_server.url + SHARE)
    page.emulate_media(media="print")
    assert page.locator(".share-tools").is_hidden()
    assert page.locator(".site-header").is_hidden()
    assert page.locator(".handout").is_visible()
    handout = page.locator(".handout")
    assert handout.locator(".handout-brand").inner_text() == "Hip Mobility Studio"
    assert handout.locator("h2").inner_text() == "Four weeks to stronger hips"
    routines = handout.locator(".handout-routine h3").all_inner_texts()
    assert routines == ["Daily hips for a calmer back", "Hip strength"]
    assert "2 × 30 s each side" in handout.inner_text().replace(NBSP, " ")
    assert handout.locator(".step img").count() == 10
    assert "From week 3: holds 15 s longer, 1 more set, and 2 more reps than in week 1." in (
        handout.inner_text().replace(NBSP, " ")
    )
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "the hand-out fits one page"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_share_page_is_accessible(
    page: Page, public_server: LiveServer, axe: Axe, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(public_server.url + SHARE)
    assert axe_violations(axe, page) == []
