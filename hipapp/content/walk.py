"""Find a content folder's files: the ones that can be read, and why the others can't.

A studio's folder holds what its editors and operating systems leave behind: folders and
broken links named like cards, ``._x.md`` files from a Mac, names with a line break from
a script. Each becomes one located problem, or is passed over when it is not content.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import Problem
from .fields import SLUG

NAME_RULE = "file name must be lowercase letters, digits and hyphens, like glute-bridge.md"


def shown(path: str) -> str:
    """A path as a message line can hold it: line breaks, tabs and controls escaped."""
    if path.isprintable():
        return path
    escapes = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return "".join(c if c.isprintable() else escapes.get(c, f"\\x{ord(c):02x}") for c in path)


def hidden(path: Path, base: Path) -> bool:
    """Whether ``path`` or a folder it is in (below ``base``) starts with a dot."""
    return any(part.startswith(".") for part in path.relative_to(base).parts)


def unusable(path: Path) -> str | None:
    """Why ``path`` is not a regular file that can be read, or None if it is one."""
    try:
        mode = path.stat().st_mode  # follows links: a link to a file is a file
    except FileNotFoundError:
        if path.is_symlink():
            return f"is a link to a file that does not exist ({os.readlink(path)}); remove it"
        return "has disappeared"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a link that leads back to itself; replace it with the file"
        return f"can't be read ({(exc.strerror or 'unreadable').lower()})"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file; rename it, or move what it holds"
    if not stat.S_ISREG(mode):
        return "is not a file (it is a pipe or a device); replace it with a plain .md file"
    return None


class Found(NamedTuple):
    """A content file that can be read: its slug, path, shown path and ``os.stat``."""

    slug: str
    path: str  # made a Path only when read: most files of a rebuild are not
    rel: str
    stat: os.stat_result


def content_files(
    root: Path, folder: str, problems: list[Problem], broken: set[str]
) -> list[Found]:
    """Each readable ``.md`` file under ``root/folder``, sorted as paths sort.

    Everything named like a card that can't be one is reported; its slug goes into
    ``broken``, so that files naming it get no second, false error.
    """
    base = root / folder
    found: list[Found] = []
    if not base.exists():
        return found
    if not base.is_dir():
        problems.append(
            Problem(_rel(root, base), 0, "", f"must be a folder of .md files; {_RENAME}")
        )
        return found
    # Every file of a large library passes here on every build: plain strings, and
    # os.scandir, whose listing tells a plain file; its one stat is what the parse cache
    # needs to know it unchanged (cache.signature). The key sorts as Path does.
    shown_from = _prefix(root.parent)
    for text, entry in sorted(_below(os.fspath(base)), key=lambda f: f[0].replace(os.sep, "\0")):
        name = entry.name
        if not name.lower().endswith(".md"):
            continue
        rel, slug = shown(text[shown_from:].replace(os.sep, "/")), name[:-3]
        stat, why = _stat(entry)
        if why is None and not name.endswith(".md"):
            why = f"file name must end in a lowercase .md: rename it {slug}.md"
        elif why is None and not SLUG.fullmatch(slug):
            why = NAME_RULE
        if why is not None or stat is None:
            problems.append(Problem(rel, 0, "", why or "has disappeared"))
            broken.update((slug, slug.lower()))
            continue
        found.append(Found(slug, text, rel, stat))
    return found


def _below(folder: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry below ``folder`` but dot files and what dot folders hold (a Mac's
    ._x.md, editors' drafts, .git), with its path; into real folders only, not links."""
    try:
        with os.scandir(folder) as entries:
            listed = list(entries)
    except PermissionError:
        return  # a folder nobody may list holds nothing to report
    for entry in listed:
        if entry.name.startswith("."):
            continue
        yield entry.path, entry
        try:
            inside = entry.is_dir(follow_symlinks=False)
        except OSError:
            inside = False
        if inside:
            yield from _below(entry.path)


def _stat(entry: os.DirEntry[str]) -> tuple[os.stat_result | None, str | None]:
    """The file's status (through a link) and None, or why it is not a readable file."""
    try:
        if entry.is_file():  # a plain file is known from the folder's listing
            return entry.stat(), None
    except OSError:
        pass
    path = Path(entry.path)
    why = unusable(path)
    if why is None:  # it became a file since the folder was listed
        try:
            return path.stat(), None
        except OSError:
            why = "has disappeared"
    return None, why


_RENAME = "rename the file, and make a folder with that name for the content"


def _rel(root: Path, path: Path) -> str:
    return shown(path.relative_to(root.parent).as_posix())


def _prefix(folder: Path) -> int:
    """How many characters of a path below ``folder`` name the folder and its separator."""
    text = str(folder)
    return len(text) if text.endswith(os.sep) else len(text) + 1
