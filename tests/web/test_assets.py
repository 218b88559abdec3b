"""The bundles' URLs are kept between runs, and worked out again when anything changed."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from hipapp import create_app
from hipapp.paths import STATIC

from ..conftest import GEN_DIR


def urls(content: Path, gen: Path | None = None) -> dict[str, str]:
    config = {"GEN_DIR": str(gen)} if gen else {}
    found: dict[str, str] = create_app(content, config=config).extensions["hipapp.assets"]
    return found


def test_an_unchanged_run_uses_the_kept_urls_without_webassets(
    small_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = urls(small_content)
    monkeypatch.setitem(sys.modules, "hipapp.web.bundler", None)  # importing it fails
    assert urls(small_content) == first


def test_the_kept_urls_come_in_the_order_the_bundles_were_built_in(
    small_content: Path, tmp_path: Path
) -> None:
    """Bug: the kept URLs came back sorted, so a first build's sw.js (which lists the
    bundles in this order) differed from the next build's, and phones updated for it."""
    built = urls(small_content, tmp_path / "gen")
    kept = urls(small_content, tmp_path / "gen")
    assert list(kept.items()) == list(built.items())
    assert list(built) != sorted(built)  # the order is not the sorted one by chance


def test_a_built_file_deleted_is_built_again(
    small_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = urls(small_content)
    built = GEN_DIR.parent / first["site_css"].removeprefix("/static/")
    built.unlink()
    assert urls(small_content) == first
    assert built.is_file()


def test_an_edited_source_is_built_again(
    small_content: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from hipapp.web import assets, bundler

    static = tmp_path / "static"
    shutil.copytree(STATIC, static, ignore=shutil.ignore_patterns("gen", "*.png", "*.svg"))
    monkeypatch.setattr(assets, "STATIC", static)
    monkeypatch.setattr(bundler, "STATIC", static)
    # A gen folder of its own: flask-assets' manifest would serve the edited bundle to
    # the other tests' unedited sources (it goes by the output's name and times only).
    gen = tmp_path / "gen"
    first = urls(small_content, gen)["player_css"]
    edited = static / "css" / "player.css"
    with edited.open("a") as css:
        css.write(".edited { color: blue }\n")
    # flask-assets rebuilds a bundle whose source is newer than its output: make it so,
    # past the file system's clock tick.
    later = edited.stat().st_mtime + 10
    os.utime(edited, (later, later))
    again = urls(small_content, gen)["player_css"]
    assert again != first
    assert ".edited{color:blue}" in (gen.parent / again.removeprefix("/static/")).read_text()
