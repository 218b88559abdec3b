"""Parsed content files kept between builds, so a one-card edit parses one card.

Parsing the front matter and rendering the Markdown is most of the time loading a
library takes. Both depend on nothing but the file's bytes (and hipapp's own code), so
their result is kept per file, keyed by its shown path and the hash of its bytes, with
the problems that parsing found: a file with an error reports it on every load, cached
or not. A card is made from its file and the names in media/ alone, a page from its
file, and a routine from its file and the dosages of the cards it names, so those
objects are kept too, keyed by what else they were made from, with what reading them
found. Programs read every routine, and the checks that look across files (a card's
easier card, a routine naming an unknown card) are not kept: they run on every load.

The whole cache is one pickle per content folder. One written by another version of
hipapp, its libraries or Python, or one that cannot be read, is ignored: the work is
redone, never a traceback. Each names the folder it is for; writing one removes those
whose folders are gone.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from ..errors import Problem
from ..files import code_digest, keep
from .frontmatter import Document
from .markdown import Rendered


@dataclass(frozen=True)
class Parsed:
    """One file's parse: its document (None if it could not be parsed), its body's HTML.

    ``made`` is the object read from it, for a kind whose objects depend on nothing
    but the file and a key of what else they read (cards: the names in media/), with the
    problems reading found: ``(key, object, problems)``.
    """

    digest: str  # of the file's bytes
    doc: Document | None
    rendered: Rendered | None
    problems: tuple[Problem, ...]
    made: tuple[str, object, tuple[Problem, ...]] | None = None
    # The file's status when it was last read, if that read is sure to have seen its
    # last change (``signature``): the same status again, the same bytes.
    seen: tuple[int, ...] | None = None


class ParseCache:
    """Each content file's ``Parsed``, read from and written back to ``folder``."""

    def __init__(self, folder: Path | None, root: Path) -> None:
        name = hashlib.sha256(str(root).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.root = root
        self.path = folder / f"{name}.pickle" if folder is not None else None
        # What changed since the whole was written: an edit rewrites a small file, not
        # the whole (~2 MB for 1,000 cards), until the changes are a tenth of it.
        self.changes = folder / f"{name}.changes.pickle" if folder is not None else None
        self.version = _version()
        self.whole = self._read(self.path)
        self.old = dict(self.whole)
        if self.whole:
            changed = self._read(self.changes, removed=True)
            self.old.update(changed)
            for key in [k for k, v in changed.items() if v is None]:
                del self.old[key]
        self.new: dict[tuple[str, str], Parsed] = {}
        self.digests: dict[str, str] = {}  # every file asked for: shown path → bytes' hash

    def get(self, rel: str, prefix: str, raw: bytes) -> tuple[str, Parsed | None]:
        """The hash of ``raw``, and what parsing it gave last time, if it is the same."""
        digest = self.digests[rel] = hashlib.sha256(raw).hexdigest()
        kept = self.old.get((rel, prefix))
        if kept is None or kept.digest != digest:
            return digest, None
        self.new[rel, prefix] = kept
        return digest, kept

    def unchanged(self, rel: str, prefix: str, seen: tuple[int, ...] | None) -> Parsed | None:
        """What parsing the file gave last time, if its status says it was not touched
        since: then its bytes need not be read again."""
        kept = self.old.get((rel, prefix))
        if seen is None or kept is None or kept.seen != seen:
            return None
        self.digests[rel] = kept.digest
        self.new[rel, prefix] = kept
        return kept

    def put(self, rel: str, prefix: str, parsed: Parsed) -> None:
        self.new[rel, prefix] = parsed

    def save(self) -> None:
        """Write the entries this load used, if they differ from what was read."""
        if self.path is None or self.changes is None or self.new == self.old:
            return
        changed: dict[tuple[str, str], Parsed | None] = {
            key: value for key, value in self.new.items() if self.whole.get(key) != value
        }
        changed.update((key, None) for key in self.whole.keys() - self.new.keys())
        small = self.whole and len(changed) * 10 <= len(self.whole)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if small:
                keep(self.changes, pickle.dumps((self.version, changed), pickle.HIGHEST_PROTOCOL))
            else:
                # The folder it is for first: a whole file without one is an old
                # version's, which _prune removes.
                keep(self.path.with_suffix(".root"), os.fsencode(self.root))
                keep(self.path, pickle.dumps((self.version, self.new), pickle.HIGHEST_PROTOCOL))
                self.changes.unlink(missing_ok=True)
                self._prune()
        except OSError:
            pass  # a read-only folder: the next load parses everything again

    def _prune(self) -> None:
        """Remove what is kept for content folders that are gone (a bench's, a test's, a
        checkout since deleted): each is megabytes at studio scale, and no load would ever
        read it again. Each whole file has the folder it is for beside it, written before
        it; one without was written by a hipapp that wrote none, and goes too."""
        assert self.path is not None
        folder = self.path.parent
        for kept in folder.glob("*.pickle"):
            stem = kept.name.split(".", 1)[0]
            sidecar = folder / f"{stem}.root"
            try:
                gone = not os.path.isdir(os.fsdecode(sidecar.read_bytes()))
            except FileNotFoundError:
                gone = True
            except OSError:
                continue
            if gone:
                for suffix in (".pickle", ".changes.pickle", ".root"):
                    (folder / f"{stem}{suffix}").unlink(missing_ok=True)

    def _read(
        self, path: Path | None, *, removed: bool = False
    ) -> dict[tuple[str, str], Parsed | None]:
        """A kept file's entries (None: a file gone since the whole was written)."""
        if path is None:
            return {}
        try:
            version, entries = pickle.loads(path.read_bytes())
        except Exception:  # missing, truncated, or not ours: parse everything again
            return {}
        if version != self.version or not isinstance(entries, dict):
            return {}
        return {
            key: value
            for key, value in entries.items()
            if isinstance(key, tuple) and (isinstance(value, Parsed) or removed and value is None)
        }


def signature(status: os.stat_result, now_ns: int) -> tuple[int, ...] | None:
    """What says a file is untouched since it was read: its size, times and inode.

    Every write to a file sets its change time (ctime) to the clock's time, which no
    program can set back. So a file read at ``now_ns`` whose status is the same later
    was not written since, unless it was written within the clock's granularity of the
    read: for a file changed less than five seconds before, None (read it every time),
    as git does for its index. Five, not one: FAT, on a studio's USB stick, keeps
    times to two seconds.
    """
    if max(status.st_ctime_ns, status.st_mtime_ns) > now_ns - RECENT_NS:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


RECENT_NS = 5_000_000_000


def _version() -> str:
    """What a kept parse depends on besides the file: hipapp, its parsers and Python."""
    return ":".join((code_digest(), sys.version, *map(_installed, ("markdown_it", "yaml"))))


def _installed(package: str) -> str:
    """Which install of ``package`` this is, without importing it (an upgrade rewrites it)."""
    spec = find_spec(package)
    origin = spec.origin if spec else None
    try:
        stat = os.stat(origin) if origin else None
    except OSError:
        stat = None
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}" if stat else ""
