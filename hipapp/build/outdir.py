"""The build's output folder: which folders it may write into, its marker, its files.

A build writes into ``--out`` in place, never through a scratch folder that a killed
build would leave behind. The marker file says the folder is hipapp's and whether the
build that last wrote it finished: it is written first as "writing", listing every file
the build may write, and last as "complete", listing the files the site has. So a
killed build is detectable, its files are known, and the next build finishes the job.

A folder is written into only if it is new, empty (but for the host's own ``_headers``
and ``_redirects``) or carries the marker; never inside the content folder or around it.
Only files a build listed are ever removed, so the studio's own files stay.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from ..files import SCRATCH_SUFFIX, keep

MARKER = ".hipapp-build"
WRITING, COMPLETE = "writing", "complete"
# The host's own files: the studio may keep rules of its own there. hipapp merges its
# headers into _headers between the two lines below and never writes _redirects.
HOST_FILES = frozenset({"_headers", "_redirects"})
BEGIN = "# hipapp build: begin. Edit outside this block; the build rewrites what is inside."
END = "# hipapp build: end"


def check_destination(out: Path, content: Path) -> dict[str, object] | None:
    """Refuse an ``out`` the build must not write into; return its marker, if any."""
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: exists and is not a folder; choose a folder for --out")
    if out == content or content in out.parents:
        raise BuildError(
            f"{out}: is inside the content folder {content}; refusing to write there, "
            f"choose a folder outside it, such as {content.parent / 'build'}"
        )
    if out in content.parents:
        raise BuildError(
            f"{out}: holds the content folder {content}; refusing to write there, "
            f"choose a new folder for --out, such as {out / 'build'}"
        )
    if not out.is_dir():
        return None
    marker = read_marker(out)
    if marker is None and any(p.name not in HOST_FILES for p in out.iterdir()):
        raise BuildError(
            f"{out}: refusing to replace a folder that is not empty and is not a hipapp "
            f"build (it has no {MARKER} file); choose a new or empty folder for --out"
        )
    return marker


def read_marker(out: Path) -> dict[str, object] | None:
    """The marker's record, or None when ``out`` has no readable marker."""
    try:
        record = json.loads((out / MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("generator") == "hipapp" else None


def unchanged(out: Path, marker: dict[str, object] | None, built_from: str) -> bool:
    """Whether a finished build made ``out`` from the same inputs, and its files are there."""
    if marker is None or marker.get("state") != COMPLETE or marker.get("built_from") != built_from:
        return False
    folder = os.fspath(out)
    return all(os.path.isfile(os.path.join(folder, name)) for name in listed(marker))


def listed(marker: dict[str, object] | None) -> set[str]:
    """The files a marker says the build wrote (or, while writing, may have written)."""
    files = (marker or {}).get("files")
    return {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()


@dataclass(frozen=True)
class Record:
    """The build manifest's line for one URL: what it was made from, what it holds."""

    input: str  # inputs.py's hash of what the page shows
    output: str  # the revision (hash) of the file's bytes
    files: tuple[str, ...]  # the file and its compressed twins

    def present(self, out: Path) -> bool:
        """Whether its files are all still there (nobody deleted one by hand)."""
        # os.path, not pathlib: asked for every file of the site on every build.
        folder = os.fspath(out)
        return all(os.path.isfile(os.path.join(folder, name)) for name in self.files)


def records(marker: dict[str, object] | None) -> dict[str, Record]:
    """The manifest a finished build left in its marker, URL by URL."""
    pages = (marker or {}).get("pages")
    if not isinstance(pages, dict):
        return {}
    found = {}
    for path, line in pages.items():
        if isinstance(line, list) and len(line) == 3 and isinstance(line[2], list):
            found[path] = Record(str(line[0]), str(line[1]), tuple(map(str, line[2])))
    return found


def mark(
    out: Path,
    state: str,
    files: Iterable[str],
    pages: Mapping[str, Record] | None = None,
    built_from: str | None = None,
) -> None:
    """Write the marker: ``state``, the files it covers and, once complete, the manifest
    and the hash of everything the site was built from (inputs.build_key)."""
    record: dict[str, object] = {"generator": "hipapp", "state": state}
    if built_from is not None:
        record["built_from"] = built_from
    record["files"] = sorted(set(files))
    if pages is not None:
        record["pages"] = {p: [r.input, r.output, list(r.files)] for p, r in pages.items()}
    write_file(out / MARKER, json.dumps(record, separators=(",", ":")).encode())


def write_file(path: Path, data: bytes) -> None:
    """Replace ``path`` whole, so a web server reading it never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    keep(path, data)


def remove_stale(out: Path, stale: Iterable[str]) -> None:
    """Delete files an earlier build wrote and this one did not, and emptied folders."""
    for name in sorted(set(stale) - HOST_FILES - {MARKER}):
        path = out / name
        if out.resolve() not in path.resolve().parents:
            continue  # a name that leads out of the folder (a hand-edited marker)
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            path.unlink()
        for folder in path.parents:
            if folder == out:
                break
            with contextlib.suppress(OSError):  # not empty: the studio's, or still in use
                folder.rmdir()


def sweep_scratch(out: Path) -> None:
    """Remove the half-written files a killed build leaves (``write_file``'s scratch)."""
    for path in out.rglob(f"*{SCRATCH_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()


def merge_headers(existing: str, ours: str) -> str:
    """The studio's ``_headers`` with hipapp's block (re)placed at its end."""
    kept = existing
    if BEGIN in existing and END in existing.split(BEGIN, 1)[1]:
        before, rest = existing.split(BEGIN, 1)
        kept = before + rest.split(END, 1)[1].lstrip("\n")
    kept = kept.rstrip("\n")
    block = f"{BEGIN}\n{ours.rstrip()}\n{END}\n"
    return f"{kept}\n\n{block}" if kept else block
