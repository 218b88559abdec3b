"""Throwaway file trees with folders and symlinks, and snapshots to prove nothing was lost."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# What a file outside the content folder holds; no exported file may contain it.
SECRET = "HIPAPP-SECRET-7f3a: root:x:0:0"


@dataclass(frozen=True)
class Dir:
    """An empty folder (a folder named like a file, ``exercises/x.md/``, for example)."""


@dataclass(frozen=True)
class Link:
    """A symlink to ``target``, written as is (relative to the link, or absolute)."""

    target: str


@dataclass(frozen=True)
class Fifo:
    """A named pipe: reading it waits forever for a writer."""


Entry = str | bytes | Dir | Link | Fifo | None
Tree = Mapping[str, Entry]


def write_tree(root: Path, tree: Tree) -> None:
    """Write ``tree`` under ``root``: text as UTF-8 (not dedented), bytes as they are.

    Keys are paths relative to ``root`` with "/" separators; a ``None`` value writes nothing
    (a case uses it to remove a file from the base library).
    """
    for rel, entry in tree.items():
        if entry is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(entry, Dir):
            path.mkdir(exist_ok=True)
        elif isinstance(entry, Link):
            os.symlink(entry.target, path)
        elif isinstance(entry, Fifo):
            os.mkfifo(path)
        elif isinstance(entry, bytes):
            path.write_bytes(entry)
        else:
            path.write_bytes(entry.encode("utf-8"))


Snapshot = dict[str, tuple[str, str]]


def snapshot(root: Path, *, skip: Path | None = None) -> Snapshot:
    """Every entry under ``root`` (links not followed): its kind and its bytes' hash or target.

    ``skip`` is a folder left out, with everything in it: the build's output folder.
    """
    seen: Snapshot = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        if skip is not None and here == skip:
            dirs.clear()
            continue
        for name in sorted(dirs + files):
            path = here / name
            if skip is not None and path == skip:
                continue
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                seen[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                seen[rel] = ("dir", "")
            elif stat.S_ISREG(path.stat().st_mode):
                seen[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                seen[rel] = ("other", "")  # a pipe: never read it
    return seen


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """What differs between two snapshots, as "lost x", "changed x", "added x"."""
    out = [f"lost {p}" for p in before if p not in after]
    out += [f"changed {p}" for p in before if p in after and before[p] != after[p]]
    out += [f"added {p}" for p in after if p not in before]
    return sorted(out)
