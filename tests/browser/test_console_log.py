"""The browser tests' console check: an error while a test runs counts, after it doesn't."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from ..support.browser import ConsoleLog

ERROR_PAGE = "data:text/html,<script>console.error('broken')</script>"


def test_an_error_while_the_test_runs_is_recorded(
    context: BrowserContext, console: ConsoleLog
) -> None:
    page = context.new_page()
    page.goto(ERROR_PAGE)
    page.wait_for_function("true")
    assert console.errors == ["console: broken"]
    console.errors.clear()  # this test's own error: not a failure of the suite


def test_an_error_after_the_test_is_not() -> None:
    log = ConsoleLog()
    log.note("console: during")
    log.done = True
    log.note("console: Failed to load resource: net::ERR_CONNECTION_RESET")
    assert log.errors == ["console: during"]
