"""The media policy: publish only real, sane images that live inside the content folder.

Everything in ``media/`` is copied into the export and served from the site's origin, so
an HTML page or script there would run as the site, and a link to ``/etc/passwd`` would
publish it. Each file must be an image by name and by content: SVGs that run or load
nothing (hipapp.content.svg), raster images that Pillow reads, of a sane size.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from .svg import check_svg
from .walk import shown, unusable

IMAGES = {
    ".svg": "SVG",
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".webp": "WebP",
    ".avif": "AVIF",
    ".gif": "GIF",
}
KINDS = "SVG, PNG, JPEG, WebP, AVIF or GIF"
# Pillow's own bound for a decompression bomb (its default Image.MAX_IMAGE_PIXELS).
MAX_PIXELS = 89_478_485
_PILLOW = threading.Lock()  # the pixel bound is Pillow's global state


@dataclass(frozen=True)
class MediaFolder:
    """What ``media/`` holds: every file's name (``poses/a.svg``), and those refused."""

    names: tuple[str, ...] = ()
    refused: frozenset[str] = frozenset()


def scan_media(root: Path, problems: list[Problem]) -> MediaFolder:
    """Every file in ``root/media``, reporting each one that may not be published.

    Refused files are named too, so a card that shows one gets no second error; any
    refusal is an error, so nothing refused is ever published.
    """
    media = root / "media"
    inside = root.resolve()
    rel = shown(media.relative_to(root.parent).as_posix())
    if media.is_symlink() and not _within(media, inside):
        problems.append(Problem(rel, 0, "", f"is a link to a folder {_OUTSIDE}"))
        return MediaFolder()
    if not media.is_dir():
        return MediaFolder()
    names, refused = [], set()
    for path in _files(media, inside, set()):
        name = path.relative_to(media).as_posix()
        names.append(name)
        for line, reason in refusals(path, inside):
            problems.append(Problem(f"{rel}/{shown(name)}", line, "", reason))
            refused.add(name)
    return MediaFolder(tuple(sorted(names)), frozenset(refused))


def check_logo(root: Path, logo: str, folder: MediaFolder, problems: list[Problem]) -> None:
    """Decode every pixel of a raster logo: the app icons are drawn from it at build time."""
    path = root / "media" / logo
    kind = IMAGES.get(path.suffix.lower())
    if logo not in folder.names or logo in folder.refused or kind in (None, "SVG"):
        return  # missing (site.yaml says so), already refused, or not drawn
    reason = check_raster(path, kind, full=True)
    if reason:
        rel = shown((path.relative_to(root.parent)).as_posix())
        problems.append(Problem(rel, 0, "", reason))


_OUTSIDE = "outside the content folder; copy the file into media/ instead"


def refusals(path: Path, inside: Path) -> list[tuple[int, str]]:
    """Why ``path`` may not be published, as ``(line, reason)``; empty when it may."""
    if not path.name.isprintable():
        return [(0, "the file name holds a line break, tab or other control character; rename it")]
    if path.is_symlink() and not _within(path, inside):
        return [(0, f"is a link to a file {_OUTSIDE}")]
    why = unusable(path)
    if why is not None:
        return [(0, why)]
    kind = IMAGES.get(path.suffix.lower())
    if kind is None:
        return [(0, f"only images are published from media/ ({KINDS}); move {path.name} out")]
    if kind == "SVG":
        return check_svg(path.read_bytes())
    reason = check_raster(path, kind)
    return [(0, reason)] if reason else []


def check_raster(path: Path, kind: str, *, full: bool = False) -> str | None:
    """Why ``path`` is not a readable raster image of sane size, or None.

    ``full`` decodes every pixel (the logo, which is drawn into the app icons); otherwise
    the file's structure is checked, which is quick.
    """
    # Imported here: a library without raster images (most rebuilds) never loads Pillow.
    from PIL import Image, UnidentifiedImageError, features

    if kind == "AVIF" and not features.check("avif"):
        return None if path.read_bytes()[4:12] in (b"ftypavif", b"ftypavis") else _not(kind)
    with _PILLOW, warnings.catch_warnings():
        # The size is checked below, with its numbers in the message; Pillow's own check
        # would only warn (an error under pytest) or refuse without them.
        warnings.simplefilter("ignore")
        bound, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
        try:
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return (
                        f"is {width:,} × {height:,} pixels, more than an image on the site may "
                        f"have ({MAX_PIXELS // 1_000_000} megapixels); scale it down to a "
                        "smaller size"
                    )
                if full:
                    image.load()
                else:
                    image.verify()
        except UnidentifiedImageError:
            return _not(kind)
        except Exception:  # Pillow raises OSError, SyntaxError, ValueError... for bad data
            return "is damaged (it is incomplete or corrupt); export it again"
        finally:
            Image.MAX_IMAGE_PIXELS = bound
    return None


def _not(kind: str) -> str:
    return f"is not a {kind} image that can be read; export or save it again as {kind}"


def _within(path: Path, inside: Path) -> bool:
    try:
        return path.resolve().is_relative_to(inside)
    except (OSError, RuntimeError):  # a loop: reported as unusable
        return True


def _files(folder: Path, inside: Path, seen: set[Path]) -> Iterator[Path]:
    """Every entry below ``folder`` that is not a folder, and links leaving the content.

    Dot files (``.DS_Store``, a Mac's ``._x.png``) are neither published nor reported;
    linked folders are followed when they stay inside the content folder.
    """
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not _within(entry, inside):
            yield entry
        elif entry.is_dir():
            real = entry.resolve()
            if real not in seen:
                seen.add(real)
                yield from _files(entry, inside, seen)
        else:
            yield entry
