"""Small file helpers shared by every stage: atomic writes, kept work, hipapp's own hash."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from .paths import LOCALES, ROOT, STATIC, TEMPLATES

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


@cache
def code_digest() -> str:
    """A hash of hipapp itself: its modules, templates, catalogues and the worker's source."""
    digest = hashlib.sha256()
    for folder, pattern in (
        (ROOT / "hipapp", "*.py"),
        (TEMPLATES, "*.html"),
        (LOCALES, "*.po"),
        (STATIC, "sw.js"),
    ):
        for path in sorted(folder.rglob(pattern)):
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
