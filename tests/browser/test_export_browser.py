"""The static export on a host that sends no headers (GitHub Pages): the pages carry their
own Content-Security-Policy, and the app still works under it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from ..support.browser import ConsoleLog, LiveServer, phone_context
from ..support.exports import Exported

PAGES = [
    *("", "exercises/", "exercises/glute-bridge/", "routines/daily-hips/", "history/"),
    *("programs/four-weeks/", "programs/four-weeks/today/", "programs/four-weeks/share/"),
    *("about/", "offline/"),
]


@pytest.fixture
def export(bundled_export: Exported, server_factory: Callable[..., LiveServer]) -> str:
    """The bundled content exported and served by Python's http.server: no CSP header."""
    out, _ = bundled_export()
    server: LiveServer = server_factory(out)
    return server.url + "/"


@pytest.fixture
def page(browser: Browser, console: ConsoleLog) -> Iterator[Page]:
    context = phone_context(browser, console, "block")
    yield context.new_page()
    context.close()


def test_the_app_runs_under_its_own_policy(page: Page, export: str) -> None:
    """Every kind of page, and a session started, with no violation reported (the console
    fixture fails the test on any console error, which is how Chromium reports them)."""
    for path in PAGES:
        response = page.goto(export + path)
        assert response is not None and response.status == 200, path
        assert "content-security-policy" not in response.headers, "the host sent a policy"
    page.goto(export + "routines/daily-hips/play/")
    page.get_by_role("button", name="Start").click()
    expect(page.locator("#player")).not_to_have_attribute("data-phase", "ready")


@pytest.mark.console_errors_ok  # the blocked injections are reported as console errors
def test_injected_script_style_and_foreign_image_are_blocked(page: Page, export: str) -> None:
    page.goto(export + "routines/daily-hips/")
    page.evaluate(
        """() => {
            window.blocked = [];
            document.addEventListener("securitypolicyviolation", (e) => {
                window.blocked.push(e.effectiveDirective);
            });
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            const style = document.createElement("style");
            style.textContent = "body { display: none }";
            const image = document.createElement("img");
            image.src = "https://tracker.example/pixel.png";
            document.head.append(script, style);
            document.body.append(image);
        }"""
    )
    page.wait_for_function("window.blocked.length >= 3", timeout=5000)
    blocked = sorted(page.evaluate("window.blocked"))
    assert blocked == ["img-src", "script-src-elem", "style-src-elem"]
    assert page.evaluate("window.injected") is None
    expect(page.locator("body")).to_be_visible()
