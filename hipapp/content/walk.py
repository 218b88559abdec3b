"""Find a content folder's files: the ones that can be read, and why the others can't.

A studio's folder holds what its editors and operating systems leave behind: folders and
broken links named like cards, ``._x.md`` files from a Mac, names with a line break from
a script. Each becomes one located problem, or is passed over when it is not content.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

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


def content_files(
    root: Path, folder: str, problems: list[Problem], broken: set[str]
) -> list[tuple[str, Path, str]]:
    """``(slug, path, shown path)`` of each readable ``.md`` file under ``root/folder``.

    Everything named like a card that can't be one is reported; its slug goes into
    ``broken``, so that files naming it get no second, false error.
    """
    base = root / folder
    found: list[tuple[str, Path, str]] = []
    if not base.exists():
        return found
    if not base.is_dir():
        problems.append(
            Problem(_rel(root, base), 0, "", f"must be a folder of .md files; {_RENAME}")
        )
        return found
    # Every file of a large library passes here on every build: plain strings, not
    # pathlib's relative_to and parts. The key sorts as Path does, part by part.
    inside, shown_from = _prefix(base), _prefix(root.parent)
    for path in sorted(base.rglob("*"), key=lambda p: str(p).replace(os.sep, "\0")):
        name = path.name
        if not name.lower().endswith(".md") or _dotted(str(path)[inside:]):
            continue  # dot files (a Mac's ._x.md, editors' drafts) and other files are not content
        rel, slug = shown(str(path)[shown_from:].replace(os.sep, "/")), name[:-3]
        why = unusable(path)
        if why is None and not path.name.endswith(".md"):
            why = f"file name must end in a lowercase .md: rename it {slug}.md"
        elif why is None and not SLUG.fullmatch(slug):
            why = NAME_RULE
        if why is not None:
            problems.append(Problem(rel, 0, "", why))
            broken.update((slug, slug.lower()))
            continue
        found.append((slug, path, rel))
    return found


_RENAME = "rename the file, and make a folder with that name for the content"


def _rel(root: Path, path: Path) -> str:
    return shown(path.relative_to(root.parent).as_posix())


def _prefix(folder: Path) -> int:
    """How many characters of a path below ``folder`` name the folder and its separator."""
    text = str(folder)
    return len(text) if text.endswith(os.sep) else len(text) + 1


def _dotted(below: str) -> bool:
    """``hidden`` for a path given as the string below its base folder."""
    return any(part.startswith(".") for part in below.split(os.sep))
