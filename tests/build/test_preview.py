"""``hipapp run --debug``: content edits show on the next request, without a restart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from werkzeug.test import Client

from hipapp.build.preview import Preview
from hipapp.content import loader as loader_module

from ..conftest import Write
from ..support.calls import record_calls

CARD = "---\ntitle: {title}\nhold: 20s\n---\nHold it.\n"


def save(path: Path, text: str) -> None:
    """Write as an editor would, with an mtime that differs even on a coarse clock."""
    old = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(old + 2_000_000_000, old + 2_000_000_000))


@pytest.fixture
def site(write: Write) -> Path:
    write("exercises/alpha.md", CARD.format(title="Alpha"))
    write("exercises/beta.md", CARD.format(title="Beta"))
    return write("routines/daily.md", "---\ntitle: Daily\nsteps: [alpha]\n---\n")


def test_an_edit_shows_on_the_next_request_without_a_restart(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preview = Preview(site, {"DEBUG": True}, every=0)
    client = Client(preview)
    assert "<h1>Alpha</h1>" in client.get("/exercises/alpha/").text
    save(site / "exercises/alpha.md", CARD.format(title="Deep alpha"))
    assert "<h1>Deep alpha</h1>" in client.get("/exercises/alpha/").text
    # Broken content: the problem is printed and the last good version stays.
    save(site / "exercises/alpha.md", "---\ntitle: Alpha\nhold: long\n---\n")
    assert "<h1>Deep alpha</h1>" in client.get("/exercises/alpha/").text
    err = capsys.readouterr().err
    assert "exercises/alpha.md:3: hold:" in err and "last good version" in err


def test_a_reload_after_an_edit_parses_only_the_edited_file(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large library reloads in a fraction of its first load."""
    parsed = record_calls(monkeypatch, loader_module, "parse_text", 1)
    preview = Preview(site, {"DEBUG": True}, every=0)
    client = Client(preview)
    assert "<h1>Beta</h1>" in client.get("/exercises/beta/").text
    parsed.clear()
    save(site / "exercises/alpha.md", CARD.format(title="Deep alpha"))
    assert "<h1>Deep alpha</h1>" in client.get("/exercises/alpha/").text
    assert parsed == ["content/exercises/alpha.md"]
