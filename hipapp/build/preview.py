"""The studio's preview, ``hipapp run --debug``: a saved edit shows on the next request.

Werkzeug's reloader restarted the whole process whenever a content file changed, which
loaded a 5,000-card library again (4.5 s) on every save. Here the process stays: a
request first checks the content folder, hipapp's templates and its scripts and styles
for changes (at most once a second), and on a change loads them into a new app, which
takes over only if the content is good; otherwise the problems are printed and the last
good version stays. Loading keeps each file's parse (content/cache.py, as ``hipapp
build`` does), so a reload after one edit parses that file alone: 0.3 s at 1,000 cards
rather than 2 s. Python code changes still restart the process (the reloader). The
preview runs without the site's service worker (hipapp/web/pwa.py), so nothing shown
comes from an older cache.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask

from ..errors import ContentError
from ..paths import STATIC, TEMPLATES
from ..web.app import make_app

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

Stamp = frozenset[tuple[str, int, int]]


class Preview:
    """A WSGI app that serves the content as it is now, reloaded in place on change."""

    def __init__(self, content: Path, config: dict[str, Any], *, every: float = 1.0) -> None:
        self.content = Path(content).resolve()
        self.config = {"CONTENT_CACHE": True, **config}
        self.every = every
        self.lock = threading.Lock()
        self.checked = time.monotonic()
        self.stamp = self._stamp()
        self.app = self._make()  # broken content at start-up raises, as without --debug

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        self.refresh()
        return self.app(environ, start_response)

    def refresh(self) -> None:
        """Load the content again if anything it is made from changed."""
        if time.monotonic() - self.checked < self.every:
            return
        with self.lock:
            self.checked = time.monotonic()
            stamp = self._stamp()
            if stamp == self.stamp:
                return
            self.stamp = stamp
            try:
                self.app = self._make()
            except ContentError as exc:
                print("\n".join(str(p) for p in exc.problems), file=sys.stderr, flush=True)
                print("Still showing the last good version.", file=sys.stderr, flush=True)

    def _make(self) -> Flask:
        return make_app(self.content, config=self.config)

    def _stamp(self) -> Stamp:
        """Name, size and mtime of every file the site is made from (but Python code)."""
        found = set()
        for root in (self.content, TEMPLATES, STATIC / "js", STATIC / "css", STATIC / "sw.js"):
            paths = [root] if root.is_file() else root.rglob("*")
            for path in paths:
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                found.add((str(path), stat.st_size, stat.st_mtime_ns))
        return frozenset(found)
