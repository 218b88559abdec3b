"""An SVG with a script, in Chromium: refused at `check`, and inert if it is served anyway."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Page

from hipapp import create_app
from hipapp.cli import main
from hipapp.web.headers import MEDIA_CSP

from ..conftest import Write
from ..support.browser import ConsoleLog, LiveServer
from ..support.hostile.samples import SVG, svg

# Marks the document when it runs: an attribute, and a key in the origin's storage.
SCRIPTED = svg(
    "<script>document.documentElement.setAttribute('data-ran', 'yes');"
    "localStorage.setItem('svg-ran', 'yes')</script>"
)


def ran(page: Page) -> bool:
    return page.evaluate("document.documentElement.getAttribute('data-ran')") == "yes"


def test_check_refuses_an_svg_with_a_script(small_content: Path, write: Write) -> None:
    write("media/pose.svg", SCRIPTED)
    result = CliRunner().invoke(main, ["check", "--content", str(small_content)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "content/media/pose.svg:2: has a <script> element, which SVG pictures on the site "
        "may not have; remove it"
    ]


@pytest.mark.console_errors_ok  # Chromium reports the blocked script, and a missing favicon
def test_a_served_svg_cannot_run_its_script(
    small_content: Path,
    write: Write,
    page: Page,
    console: ConsoleLog,
    server_factory: Callable[..., LiveServer],
) -> None:
    """Checked at start-up, then edited while the server runs: its sandbox still holds."""
    write("media/pose.svg", SVG)
    app = create_app(small_content)
    write("media/pose.svg", SCRIPTED)
    server = server_factory(app)
    response = page.goto(f"{server.url}/media/pose.svg")
    assert response is not None and response.status == 200
    assert response.headers["content-security-policy"] == MEDIA_CSP
    assert not ran(page)
    assert any("Blocked script execution" in error for error in console.errors)
    # The control: the same file from a server that sends no policy runs its script.
    plain = server_factory(small_content / "media")
    page.goto(f"{plain.url}/pose.svg")
    assert ran(page)
