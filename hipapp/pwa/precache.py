"""What the service worker stores for offline use, and the worker's own source.

The worker is ``static/sw.js`` with a generated header in front of it: what it stores on
install, each URL with its revision (a hash of its bytes), what to store when, and a
version that hashes all of it. Any change to the site changes the worker's bytes, which
is what makes a browser install the new version; the revisions let it fetch only the URLs
that changed. On a large site, the rest of the list is in parts fetched when needed, so
a client's update costs what that client stores, not the size of the whole site.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import rjsmin

# The worker's revisions are shorter than the build manifest's: each phone downloads the
# list on every update, and 40 bits still make a changed file with an unchanged
# revision a one-in-a-trillion event.
WORKER_REVISION = 10


def revision_of(data: bytes) -> str:
    """A file's revision: the hash the build manifest and the service worker compare."""
    return hashlib.sha256(data).hexdigest()[:20]


# Where the worker's parts live, relative to its folder: one file per part, named by a
# hash of its bytes, so a part is never fetched twice and two versions can share it.
PARTS = "sw-parts/"
# About this many URLs to a lookup part: a client who views one page outside what it
# follows fetches one part this size, not the whole list.
BUCKET_SIZE = 48


@dataclass(frozen=True)
class Precache:
    """What the service worker stores, with URLs relative to its own folder.

    ``shell`` is stored on install, each URL with its revision. On a large site the
    rest is in parts (``parts``: name to JSON bytes of ``[key, value]`` pairs) that the
    worker fetches only when it needs them, each filed by ``bucket_of`` its key:
    - ``groups``: for each program and routine root ("programs/weeks/"), the name of the
      part that lists what a client who opens it stores, with revisions;
    - ``buckets``: every URL outside the shell with its revision, for what a client
      views or a personal plan names.
    So neither sw.js nor what a client fetches on an update grows with the library. On
    a small site the shell is the whole site and there are no parts.
    """

    version: str
    shell: tuple[tuple[str, str], ...]
    groups: tuple[str, ...]
    buckets: tuple[str, ...]
    parts: Mapping[str, bytes]


def bucket_of(path: str, buckets: int) -> int:
    """The lookup part of a worker path: a 32-bit string hash, as ``bucketOf`` in sw.js.

    Paths are as the worker lists them, "./" for the root written as "" (what is left of
    a URL once the worker's folder is cut off); they are ASCII, being percent-encoded.
    """
    key = b"" if path == "./" else path.encode()
    h = 0
    for byte in key:  # masked once at the end: the same low 32 bits, a third faster
        h = h * 31 + byte
    return (h & 0xFFFFFFFF) % buckets


def _part(entries: Iterable[tuple[str, str]], parts: dict[str, bytes]) -> str:
    data = json.dumps(list(entries), separators=(",", ":")).encode()
    name = hashlib.sha256(data).hexdigest()[:WORKER_REVISION]
    parts[name] = data
    return name


def precache_of(
    files: Sequence[tuple[str, str]],
    shell: Collection[str],
    groups: Mapping[str, Sequence[str]],
    *,
    size: Callable[[str], int],
    everything_below: int,
    relative: Callable[[str], str],
    source: Path,
) -> Precache:
    """Plan the worker's storage from ``(path, revision)`` for every URL, and its ``size``.

    A site whose files add up to less than ``everything_below`` bytes is stored whole on
    install: a small library costs a phone little, and then every page opens offline.
    """
    revision = {path: rev[:WORKER_REVISION] for path, rev in files}
    whole = _adds_up_below(everything_below, map(size, revision))
    stored = list(revision) if whole else [p for p in revision if p in shell]
    parts: dict[str, bytes] = {}
    kept: list[tuple[str, str]] = []
    index: tuple[str, ...] = ()
    lookups: tuple[str, ...] = ()
    if not whole:
        for root, paths in groups.items():
            listed = [(relative(p), revision[p]) for p in dict.fromkeys(paths) if p in revision]
            kept.append((relative(root), _part(listed, parts)))
        index = _buckets(kept, parts)
        on_install = set(stored)
        rest = [(relative(p), rev) for p, rev in revision.items() if p not in on_install]
        lookups = _buckets(rest, parts)
    listed_shell = tuple((relative(p), revision[p]) for p in stored)
    digest = hashlib.sha256(source.read_bytes())
    digest.update(repr((listed_shell, index, lookups)).encode())
    return Precache(digest.hexdigest()[:16], listed_shell, index, lookups, parts)


def _adds_up_below(limit: int, sizes: Iterable[int]) -> bool:
    # Sizes are asked only until they reach the limit: a large site's export would
    # otherwise look up the size of each of its thousands of files on every build.
    total = 0
    for size in sizes:
        total += size
        if total >= limit:
            return False
    return True


def _buckets(entries: Sequence[tuple[str, str]], parts: dict[str, bytes]) -> tuple[str, ...]:
    """``(path, value)`` pairs filed by ``bucket_of`` their path in parts of about
    BUCKET_SIZE: the parts' names, in bucket order."""
    count = max(1, -(-len(entries) // BUCKET_SIZE))
    buckets: list[list[tuple[str, str]]] = [[] for _ in range(count)]
    for path, value in entries:
        buckets[bucket_of(path, count)].append((path, value))
    return tuple(_part(b, parts) for b in buckets)


def worker_source(pre: Precache, source: Path) -> str:
    """``static/sw.js`` with its version and storage plan in front."""

    def lines(items: Iterable[object]) -> str:
        return "[\n" + ",\n".join(json.dumps(i, separators=(",", ":")) for i in items) + "\n]"

    header = (
        "// Generated by hipapp/pwa/precache.py: the URLs stored on install with their\n"
        "// revisions, and the parts that file each program's and routine's part and every\n"
        "// other URL's revision.\n"
        f"const VERSION = {json.dumps(pre.version)};\n"
        f"const SHELL = {lines(pre.shell)};\n"
        f"const GROUPS = {json.dumps(list(pre.groups), separators=(',', ':'))};\n"
        f"const BUCKETS = {json.dumps(list(pre.buckets), separators=(',', ':'))};\n"
    )
    # Minified like the bundles: every client downloads this file on every update.
    body: str = rjsmin.jsmin(source.read_text(encoding="utf-8"))
    return header + body
