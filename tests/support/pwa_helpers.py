"""Service-worker browser test fixtures and helpers; a pytest plugin loaded by conftest.py.

Contexts that allow workers, a static server that records requests, sw.js parsing.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .browser import ConsoleLog, LiveServer, _stopper, phone_context
from .servers import free_port

READY = re.compile(r"^Ready offline( · [\d.]+ (kB|MB) stored)?$")


@pytest.fixture
def sw_context(browser: Browser, console: ConsoleLog) -> Iterator[BrowserContext]:
    """Like the shared ``context``, but service workers run."""
    context = phone_context(browser, console, "allow")
    yield context
    context.close()


@pytest.fixture
def sw_page(sw_context: BrowserContext) -> Page:
    return sw_context.new_page()


class RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """A plain static server that remembers every path it was asked for."""

    log: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.log.append(self.path)
        super().do_GET()


def start_recording_static(root: Path, port: int | None = None) -> LiveServer:
    """Like ``support.browser.start_static``, with ``server.extra["log"]`` of request paths."""
    port = port or free_port()
    log: list[str] = []
    handler = type("Handler", (RecordingHandler,), {"log": log})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    live = LiveServer(f"http://127.0.0.1:{port}", port, _stopper(server, thread), root)
    live.extra["log"] = log
    return live


def wait_ready_offline(page: Page) -> None:
    """The worker is active and has confirmed that every precached URL is stored.

    Every page records the worker's report on <html data-precache>; pages with a footer
    also say "Ready offline" there (the player has no footer).
    """
    poll(
        page,
        "JSON.parse(document.documentElement.dataset.precache || '{}').ok === true"
        " && navigator.serviceWorker.controller !== null",
    )
    if page.locator("#offline-status").count():
        expect(page.locator("#offline-status")).to_have_text(READY, timeout=PATIENCE * 1000)


# An upper bound, never an expected duration: poll returns the moment the page is ready.
# A worker that precaches the whole site on a loaded 2-core CI machine can take tens of
# seconds, and a tight bound made tests fail under load (a flaky test blocks every landing).
PATIENCE = 120.0


def poll(page: Page, expression: str, timeout: float = PATIENCE) -> None:
    """Wait until ``expression`` (maybe a promise) is truthy in the page.

    Not ``page.wait_for_function``: its polling evaluates strings with eval, which the
    site's CSP (rightly) forbids; ``evaluate`` goes through the debugger protocol instead.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def header(sw_source: str, name: str) -> Any:
    """One of the generated constants at the top of a served or exported sw.js."""
    match = re.search(rf"^const {name} = (\[.*?\]);$", sw_source, re.S | re.M)
    assert match, f"sw.js has no {name} header"
    return json.loads(match[1])


# A part of the worker's list by name (hipapp/pwa/precache.py): its JSON bytes.
PartReader = Callable[[str], bytes]


def parts_in(out: Path) -> PartReader:
    """The parts an export wrote, next to its sw.js."""
    return lambda name: (out / "sw-parts" / f"{name}.json").read_bytes()


def revisions(sw_source: str, parts: PartReader | None = None) -> dict[str, str]:
    """Every URL the worker knows, with its revision: the shell's and, on a large site,
    the lookup parts' (``parts`` reads them)."""
    found = dict(header(sw_source, "SHELL"))
    for name in header(sw_source, "BUCKETS"):
        assert parts is not None, "this worker lists most of its URLs in parts"
        found.update(json.loads(parts(name)))
    return found


def precache_list(sw_source: str) -> list[str]:
    """The URLs the worker stores on install (the shell; on a small site, every URL)."""
    return [path for path, _ in header(sw_source, "SHELL")]


def follow_groups(sw_source: str, parts: PartReader) -> dict[str, list[str]]:
    """What the worker stores for each program or routine a client opens, by its root."""
    return {
        root: [path for path, _ in json.loads(parts(name))]
        for root, name in group_parts(sw_source, parts).items()
    }


def group_parts(sw_source: str, parts: PartReader) -> dict[str, str]:
    """The part each program or routine root names, from the worker's group index."""
    return {
        root: name
        for index in header(sw_source, "GROUPS")
        for root, name in json.loads(parts(index))
    }


def version_of(sw_source: str) -> str:
    match = re.search(r'^const VERSION = "([0-9a-f]+)";$', sw_source, re.M)
    assert match, "sw.js has no VERSION header"
    return match[1]


def as_file(url: str) -> str:
    """The export's file for a precached URL: "exercises/" → "exercises/index.html"."""
    path = url.removeprefix("./")
    return path + "index.html" if path.endswith("/") or not path else path
