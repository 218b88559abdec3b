"""Incremental builds: only what an edit touches is rendered, only changed bytes written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hipapp.build import freeze
from hipapp.build.export import build, build_site
from hipapp.errors import ContentError
from hipapp.paths import TEMPLATES

from ..conftest import Write
from ..support.calls import record_calls

CARD = "---\ntitle: {title}\nhold: 20s\nsummary: {summary}\n---\nHold it.\n"


@pytest.fixture
def library(write: Write) -> Path:
    """Two cards, each in a routine of its own, and a program that plays the first."""
    write("exercises/alpha.md", CARD.format(title="Alpha", summary="First."))
    write("exercises/beta.md", CARD.format(title="Beta", summary="Second."))
    write("routines/uses-alpha.md", "---\ntitle: With alpha\nsteps: [alpha]\n---\n")
    write("routines/uses-beta.md", "---\ntitle: With beta\nsteps: [beta]\n---\n")
    return write("programs/weeks.md", "---\ntitle: Weeks\ndays: [uses-alpha, rest]\n---\n")


def mtimes(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in out.rglob("*")
        if p.is_file() and p.name != ".hipapp-build"
    }


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name != ".hipapp-build"
    }


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs the build renders, in order."""
    return record_calls(monkeypatch, freeze, "render", 1)


def test_a_rebuild_without_changes_renders_nothing_and_writes_nothing(
    library: Path, tmp_path: Path, rendered: list[str]
) -> None:
    out = tmp_path / "site"
    first = build_site(library, out)
    assert first.rendered == len(rendered) and first.written == len(first.files) - 1
    before = mtimes(out)
    marker = (out / ".hipapp-build").stat().st_mtime_ns
    rendered.clear()
    again = build_site(library, out)
    assert rendered == []
    assert (again.rendered, again.written, again.files) == (0, 0, first.files)
    assert mtimes(out) == before
    assert (out / ".hipapp-build").stat().st_mtime_ns == marker  # not even the marker
    assert json.loads((out / ".hipapp-build").read_text())["state"] == "complete"


def test_what_a_rebuild_without_changes_still_notices(
    library: Path, tmp_path: Path, rendered: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build(library, out)
    # A file deleted by hand: the pages are looked at again, and it is written back.
    (out / "exercises/beta/index.html").unlink()
    rendered.clear()
    build(library, out)
    assert (out / "exercises/beta/index.html").is_file() and "/sw.js" in rendered
    # A setting that shows only in the worker.
    rendered.clear()
    monkeypatch.setenv("HIPAPP_PRECACHE_ALL_BELOW", "0")
    build(library, out)
    assert rendered == ["/sw.js"]
    # Another base URL, and a new picture, change what the pages say.
    rendered.clear()
    build_site(library, out, base_url="https://example.org/hips/")
    assert "/exercises/alpha/" in rendered
    (library / "media").mkdir()
    (library / "media/pose.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    rendered.clear()
    build_site(library, out, base_url="https://example.org/hips/")
    assert "/media/pose.svg" in rendered
    # Each time the result is what a fresh build of the same makes.
    build_site(library, tmp_path / "fresh", base_url="https://example.org/hips/")
    assert tree(out) == tree(tmp_path / "fresh")


def test_a_one_card_edit_renders_only_the_pages_that_show_it(
    library: Path, tmp_path: Path, rendered: list[str]
) -> None:
    out = tmp_path / "site"
    build(library, out)
    before = mtimes(out)
    rendered.clear()
    (library / "exercises/alpha.md").write_text(CARD.format(title="Alpha", summary="Changed."))
    report = build_site(library, out)
    pages = set(rendered)
    # The card, the routine and program pages that play it, and the whole-site pages.
    assert {"/exercises/alpha/", "/routines/uses-alpha/", "/routines/uses-alpha/play/"} <= pages
    assert {"/programs/weeks/day/1/", "/programs/weeks/day/1/play/", "/exercises/"} <= pages
    assert "/routines/uses-alpha/share/" in pages
    beta = {"/exercises/beta/", "/routines/uses-beta/", "/routines/uses-beta/play/"}
    assert not pages & {*beta, "/routines/uses-beta/share/"}
    assert not [p for p in pages if p.startswith(("/static/", "/icons/"))]
    assert report.rendered == len(pages)
    after = mtimes(out)
    assert after["exercises/beta/index.html"] == before["exercises/beta/index.html"]
    assert after["exercises/alpha/index.html"] != before["exercises/alpha/index.html"]
    # Whatever was skipped, the result is what a fresh build of the edited content makes.
    build(library, tmp_path / "fresh")
    assert tree(out) == tree(tmp_path / "fresh")


def test_a_file_deleted_by_hand_is_written_again(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(library, out)
    (out / "exercises/beta/index.html").unlink()
    (out / "exercises/alpha/index.html").write_text("edited by hand")
    build(library, out)
    build(library, tmp_path / "fresh")
    assert (out / "exercises/beta/index.html").is_file()
    # A hand edit of a page whose inputs did not change is kept: the manifest is trusted.
    assert (out / "exercises/alpha/index.html").read_text() == "edited by hand"


def test_a_card_text_edit_renders_only_its_page(
    library: Path, tmp_path: Path, rendered: list[str]
) -> None:
    out = tmp_path / "site"
    build(library, out)
    rendered.clear()
    card = library / "exercises/alpha.md"
    card.write_text(card.read_text() + "\nBreathe out as you lift.\n")
    report = build_site(library, out)
    # A body shows on its own page only; the worker lists every file's revision.
    assert rendered == ["/exercises/alpha/", "/sw.js"]
    assert report.written == 2  # the page and the worker
    assert "Breathe out as you lift." in (out / "exercises/alpha/index.html").read_text()
    build(library, tmp_path / "fresh")
    assert tree(out) == tree(tmp_path / "fresh")


def test_a_body_shows_on_its_own_page_only() -> None:
    """inputs.py counts a body for its own page alone: a template that shows another
    object's body must add it to that page's inputs there."""
    shown = {p.name for p in TEMPLATES.rglob("*.html") if "body_html" in p.read_text()}
    assert shown == {"exercise.html", "routine.html", "program.html", "page.html"}


def test_a_deleted_card_is_gone_from_the_next_build(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(library, out)
    (library / "exercises/beta.md").unlink()
    (library / "routines/uses-beta.md").unlink()
    build(library, out)
    assert not (out / "exercises/beta").exists()
    build(library, tmp_path / "fresh")
    assert tree(out) == tree(tmp_path / "fresh")


def test_a_card_edited_into_an_error_is_reported_and_nothing_is_written(
    library: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(library, out)
    before = tree(out)
    (library / "exercises/beta.md").write_text("---\ntitle: Beta\nhold: long\n---\n")
    for _ in range(2):  # and again, from the parse cache
        with pytest.raises(ContentError) as info:
            build(library, out)
        assert [str(p) for p in info.value.problems] == [
            'content/exercises/beta.md:3: hold: expected seconds like 30 or "45s", got "long"'
        ]
    assert tree(out) == before
