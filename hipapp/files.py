"""Small file helpers shared by every stage: atomic writes and the keep-between-runs cache."""

from __future__ import annotations

import os
from pathlib import Path

# The end of a file being written: one left behind by a killed process can be swept.
SCRATCH_SUFFIX = ".hipapp~"


def keep(path: Path, data: bytes) -> None:
    """Write a file whole or not at all: another process may be reading it."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}{SCRATCH_SUFFIX}")
    scratch.write_bytes(data)
    os.replace(scratch, path)


def cache_folder(gen: str | os.PathLike[str], name: str) -> Path | None:
    """A folder beside the built bundles (``gen``) for work worth keeping, or None.

    Everything kept there is keyed by what it was made from, so a stale entry is never
    used; without a writable folder (a read-only install) the work is simply redone.
    """
    folder = Path(gen) / "cache" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder
