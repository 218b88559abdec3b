"""The build's output folder: its permissions, and which folders it may write into."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hipapp.build.export import build


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
