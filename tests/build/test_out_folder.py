"""The build's output folder: its permissions, and which folders it may write into."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

from hipapp.build import freeze
from hipapp.build.export import build
from hipapp.cli import main
from hipapp.errors import BuildError
from hipapp.files import SCRATCH_SUFFIX


def modes(root: Path) -> set[tuple[str, int]]:
    kinds = {True: "folder", False: "file"}
    return {(kinds[p.is_dir()], stat.S_IMODE(p.stat().st_mode)) for p in [root, *root.rglob("*")]}


@pytest.mark.parametrize(
    ("umask", "folder", "file"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)]
)
def test_export_folders_and_files_get_the_modes_the_umask_gives(
    small_content: Path, tmp_path: Path, umask: int, folder: int, file: int
) -> None:
    """Bug: mkdtemp's 0700 made every page a 404 for a web server running as another user."""
    old = os.umask(umask)
    try:
        build(small_content, tmp_path / "site")
    finally:
        os.umask(old)
    assert modes(tmp_path / "site") == {("folder", folder), ("file", file)}


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("content", "is inside the content folder"),
        ("content/build", "is inside the content folder"),
        (".", "holds the content folder"),
    ],
)
def test_build_never_writes_in_or_around_the_content_folder(
    small_content: Path, tmp_path: Path, where: str, message: str
) -> None:
    """Bug: pointed at the project folder, the build deleted content/."""
    (small_content / "_headers").write_text("/*\n  X-Studio: 1\n")
    before = tree(tmp_path)
    with pytest.raises(BuildError, match=rf"^{tmp_path / where if where != '.' else tmp_path}"):
        build(small_content, tmp_path / where)
    with pytest.raises(BuildError, match=message):
        build(small_content, tmp_path / where)
    assert tree(tmp_path) == before
    assert not (tmp_path / "content" / "build").exists()


def test_a_folder_with_the_studios_files_is_refused_whole(
    small_content: Path, tmp_path: Path
) -> None:
    """Bug: any folder with a _headers file counted as a build, and lost everything else."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "_headers").write_text("/*\n  X-Studio: 1\n")
    (site / "notes.txt").write_text("mine")
    with pytest.raises(BuildError, match="not a hipapp build.*choose a new or empty folder"):
        build(small_content, site)
    assert tree(site) == {"_headers": b"/*\n  X-Studio: 1\n", "notes.txt": b"mine"}


def test_the_studios_headers_and_redirects_are_kept(small_content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "_headers").write_text("/*\n  X-Studio: 1\n")
    (site / "_redirects").write_text("/old /new 301\n")
    for _ in range(2):  # the second build finds its own block and replaces it
        build(small_content, site)
        text = (site / "_headers").read_text()
        assert text.startswith("/*\n  X-Studio: 1\n\n# hipapp build: begin.")
        assert text.count("Content-Security-Policy: default-src 'self'") == 1
        assert text.endswith("# hipapp build: end\n")
        assert (site / "_redirects").read_text() == "/old /new 301\n"
    # The studio edits around the block; the build keeps the edit.
    (site / "_headers").write_text(text + "/admin/*\n  X-Robots-Tag: noindex\n")
    build(small_content, site)
    assert (site / "_headers").read_text().startswith(
        "/*\n  X-Studio: 1\n\n/admin/*\n  X-Robots-Tag: noindex\n\n# hipapp build: begin."
    )


def test_a_rebuild_removes_only_what_the_last_build_wrote(
    small_content: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    build(small_content, site)
    assert json.loads((site / ".hipapp-build").read_text())["state"] == "complete"
    (small_content / "exercises/bridge.md").write_text("---\ntitle: Bridge\nreps: 10\n---\n")
    build(small_content, site)
    assert (site / "exercises/bridge/index.html").is_file()
    (site / "studio-note.txt").write_text("mine")
    (small_content / "exercises/bridge.md").unlink()
    build(small_content, site)
    assert not (site / "exercises/bridge").exists()
    assert (site / "studio-note.txt").read_text() == "mine"


def test_a_killed_build_leaves_no_scratch_and_the_next_one_finishes(
    small_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = tmp_path / "clean"
    build(small_content, clean)
    site = tmp_path / "out" / "site"
    render = freeze.render
    pages = iter(range(1_000))

    def interrupted(app: Flask, path: str) -> bytes:
        if next(pages) == 5:
            raise KeyboardInterrupt  # as a Ctrl-C or SIGTERM would stop it
        return render(app, path)

    monkeypatch.setattr(freeze, "render", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(small_content, site)
    monkeypatch.setattr(freeze, "render", render)
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # no scratch folder beside it
    assert json.loads((site / ".hipapp-build").read_text())["state"] == "writing"
    # A SIGKILL can leave the one file it was writing, under its scratch name.
    (site / f".index.html.123{SCRATCH_SUFFIX}").write_text("half")
    build(small_content, site)
    assert tree(site) == tree(clean)


def test_cli_refuses_a_bad_out_with_one_line_and_exit_1(small_content: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", "--content", str(small_content), "--out", str(small_content / "build")]
    )
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"error: {small_content / 'build'}: is inside the content folder {small_content}; "
        f"refusing to write there, choose a folder outside it, such as "
        f"{small_content.parent / 'build'}"
    ]
