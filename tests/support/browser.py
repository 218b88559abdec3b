"""Browser fixtures: real servers on free ports and headless Chromium through Playwright.

Every page a test opens fails the test on a JavaScript error or a console error (CSP
violations and failed loads report there), unless the test is marked
``@pytest.mark.console_errors_ok``.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from werkzeug.serving import BaseWSGIServer, make_server

from hipapp import create_app
from hipapp.paths import DEFAULT_CONTENT

from .servers import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@dataclass
class LiveServer:
    """A server in a background thread; ``stop()`` makes the site unreachable (offline)."""

    url: str
    port: int
    stop: Callable[[], None]
    root: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def start_flask(app: Flask, port: int | None = None) -> LiveServer:
    """Serve ``app`` with werkzeug on 127.0.0.1 until ``stop()`` is called."""
    port = port or free_port()
    server: BaseWSGIServer = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return LiveServer(f"http://127.0.0.1:{port}", port, _stopper(server, thread))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def start_static(root: Path, port: int | None = None) -> LiveServer:
    """A plain static file server (Python's http.server) over ``root``."""
    port = port or free_port()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return LiveServer(f"http://127.0.0.1:{port}", port, _stopper(server, thread), root)


def _stopper(server: Any, thread: threading.Thread) -> Callable[[], None]:
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            stopped = True
            server.shutdown()
            server.server_close()
            thread.join(5)

    return stop


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """The Flask app over the bundled content, shared by the session."""
    server = start_flask(create_app(DEFAULT_CONTENT))
    yield server
    server.stop()


@pytest.fixture
def server_factory() -> Iterator[Callable[..., LiveServer]]:
    """Start extra servers (Flask apps or static folders); all stop after the test."""
    started: list[LiveServer] = []

    def factory(target: Flask | Path, port: int | None = None) -> LiveServer:
        server = (
            start_static(target, port) if isinstance(target, Path) else start_flask(target, port)
        )
        started.append(server)
        return server

    yield factory
    for server in started:
        server.stop()


@dataclass
class ConsoleLog:
    """Errors seen by the pages of one test, while the test runs.

    Not after: fixtures are torn down in an order of pytest's, so a server may stop while
    a page still loads something the test never looked at, and the page logs a
    connection reset that says nothing about the app (seen on CI, on pages that load
    their forms' data after showing). A test that checks something waits for it.
    """

    errors: list[str] = field(default_factory=list)
    done: bool = False

    def watch(self, page: Page) -> Page:
        page.on("pageerror", lambda exc: self.note(f"pageerror: {exc}"))
        page.on("console", lambda msg: self.note(f"console: {msg.text}", msg.type == "error"))
        return page

    def note(self, error: str, is_error: bool = True) -> None:
        if is_error and not self.done:
            self.errors.append(error)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Mark the end of the test's own body for its ``console``."""
    yield
    log = getattr(item, "funcargs", {}).get("console")
    if isinstance(log, ConsoleLog):
        log.done = True


@pytest.fixture
def console(request: pytest.FixtureRequest) -> Iterator[ConsoleLog]:
    log = ConsoleLog()
    yield log
    if not request.node.get_closest_marker("console_errors_ok"):
        assert log.errors == [], "the page reported errors:\n" + "\n".join(log.errors)


def phone_context(
    browser: Browser, console: ConsoleLog, service_workers: str, **options: Any
) -> BrowserContext:
    """A phone-sized context (unless ``viewport`` says otherwise) whose pages report their
    errors to ``console``."""
    context = browser.new_context(
        service_workers=service_workers,  # type: ignore[arg-type]
        **{"viewport": {"width": 390, "height": 844}, **options},
    )
    context.on("page", console.watch)
    return context


@pytest.fixture
def context(browser: Browser, console: ConsoleLog) -> Iterator[BrowserContext]:
    context = phone_context(browser, console, "block")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def open_page(page: Page, url: str, scheme: str = "light") -> None:
    """Open ``url`` in the given colour scheme; it must answer 200."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    response = page.goto(url)
    assert response is not None and response.status == 200, url


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def axe_violations(axe: Axe, page: Page) -> list[str]:
    """WCAG 2.2 A/AA and best-practice violations on the page, one line each."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]


def browser_examples(count: int) -> settings:
    """Hypothesis settings for a property checked in Chromium: ``count`` examples, the
    same on every run (each costs a round trip to the page, and CI must try what a
    developer tried), no deadline, and one page shared by the examples, which is safe
    while the page only evaluates pure functions."""
    return settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )
