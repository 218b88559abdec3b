"""Bytes the corpus is made of: front matter, real and fake images, hostile SVGs."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from .tree import SECRET


def fm(*lines: str, body: str = "Body.\n") -> str:
    """A content file: ``lines`` of front matter (file line 2 onward), then ``body``."""
    return "---\n" + "".join(f"{line}\n" for line in lines) + "---\n" + body


CARD = fm("title: Stretch", "hold: 20s", "sides: both", body="## Cues\n- Breathe out slowly\n")
ROUTINE = fm("title: Daily", "steps:", "  - stretch", "  - rest: 30s", body="Intro.\n")

# The library every case starts from: one card, one routine, and a file outside the
# content folder that must never be published or changed.
BASE: dict[str, str | bytes | None] = {
    "content/exercises/stretch.md": CARD,
    "content/routines/daily.md": ROUTINE,
    "secret.txt": SECRET + "\n",
}


def raster(fmt: str, size: tuple[int, int] = (4, 4)) -> bytes:
    """A small, real image in ``fmt``."""
    out = io.BytesIO()
    Image.new("RGB", size, (200, 60, 20)).save(out, fmt)
    return out.getvalue()


PNG = raster("PNG")
JPEG = raster("JPEG")
WEBP = raster("WEBP")
GIF = raster("GIF")
AVIF = raster("AVIF")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` pixels in a few dozen bytes: a bomb."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def gif_header(width: int, height: int) -> bytes:
    """A GIF whose screen and image are ``width`` x ``height``, with almost no data."""
    screen = struct.pack("<6sHHBBB", b"GIF89a", width, height, 0, 0, 0)
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return screen + image + b"\x02\x02\x44\x01\x00\x3b"


BOMB_PNG = png_header(30_000, 30_000)
BIG_PNG = png_header(10_000, 10_000)
BOMB_GIF = gif_header(65_535, 65_535)
TRUNCATED_PNG = raster("PNG", (64, 64))[:60]
APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\x00" * 64

SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(*lines: str, open_tag: str = "") -> str:
    """An SVG whose root opens on line 1 and whose ``lines`` start on line 2."""
    inner = "".join(f"{line}\n" for line in lines)
    return f'<svg {SVG_NS} viewBox="0 0 10 10"{open_tag}>\n{inner}</svg>\n'


SVG = svg('<rect width="10" height="10" fill="#c2410c"/>')
SECRET_PNG = SECRET.encode()


def alias_bomb(levels: int = 9, width: int = 10, indent: str = "") -> list[str]:
    """The "billion laughs": each level lists the one before it ``width`` times."""
    lines = [f"{indent}a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"{indent}a{level}: &a{level} [{refs}]")
    return lines
