"""Shared fixtures: apps over throwaway content, and the bundled content."""

from __future__ import annotations

import hashlib
import os
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.paths import DEFAULT_CONTENT

# Bundles and kept work go to a folder outside the checkout (one per checkout, so two
# worktrees never share one): the tests leave the repository's static/gen alone. Set
# before any app exists; servers the tests start inherit it.
_checkout = hashlib.sha256(str(Path(__file__).resolve().parent).encode()).hexdigest()[:10]
GEN_DIR = Path(tempfile.gettempdir()) / f"hipapp-test-{_checkout}" / "gen"
os.environ["HIPAPP_GEN_DIR"] = str(GEN_DIR)

pytest_plugins = ["tests.support.browser", "tests.support.pwa_helpers", "tests.support.exports"]

CARD = """\
---
title: {title}
hold: 20s
sides: both
sets: 2
rest: 10s
---
## Cues
- Breathe out slowly
"""

ROUTINE = """\
---
title: Daily
steps:
  - stretch
  - rest: 30s
---
Intro.
"""

Write = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write files into a throwaway content folder: write("exercises/x.md", "...")."""
    root = tmp_path / "content"
    root.mkdir()

    def _write(rel: str | None = None, text: str = "", *, data: bytes | None = None) -> Path:
        if rel is not None:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if data is not None:
                path.write_bytes(data)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return _write


@pytest.fixture
def small_content(write: Write) -> Path:
    """A valid minimal library: one two-sided card and one routine."""
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    return write("routines/daily.md", ROUTINE)


@pytest.fixture
def app() -> Flask:
    return create_app(DEFAULT_CONTENT)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def small_client(small_content: Path) -> FlaskClient:
    return create_app(small_content).test_client()
