"""App icons and install-sheet screenshots, drawn with Pillow from the studio's logo or initials.

Everything here is pure: a function of the site's name, colours, logo file and routine titles,
returning PNG bytes. The same input always gives the same bytes, so the service worker's
version (a hash of everything precached) only changes when the branding does.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..content.site import DRAWABLE_LOGOS
from ..files import keep
from .theme import DEFAULT, contrast, parse_color

if TYPE_CHECKING:
    # Imported where a picture is drawn: a build whose pictures are all kept (draw_kept)
    # never loads Pillow.
    from PIL import Image, ImageDraw, ImageFont

RGB = tuple[int, int, int]
Kind = Literal["any", "maskable", "apple", "narrow", "wide"]
# Pillow reads these; SVG it cannot rasterise, so SVG logos fall back to initials. The
# content check warns about the others with the same list.
RASTER = DRAWABLE_LOGOS


@dataclass(frozen=True)
class Art:
    """One generated image: its file name, pixel size and purpose."""

    name: str
    width: int
    height: int
    kind: Kind


ART = {
    a.name: a
    for a in (
        Art("icon-192", 192, 192, "any"),
        Art("icon-512", 512, 512, "any"),
        Art("maskable-192", 192, 192, "maskable"),
        Art("maskable-512", 512, 512, "maskable"),
        Art("apple-touch-icon", 180, 180, "apple"),
        Art("screenshot-narrow", 720, 1280, "narrow"),
        Art("screenshot-wide", 1280, 720, "wide"),
    )
}


@dataclass(frozen=True)
class Brand:
    """What the images are drawn from."""

    name: str
    initials: str
    color: str
    background: str
    logo: Path | None = None
    lines: tuple[str, ...] = ()


def usable_logo(path: Path | None) -> Path | None:
    """The logo if Pillow can draw it, else None (SVG and unknown formats)."""
    return path if path is not None and path.suffix.lower() in RASTER else None


def _rgb(value: str, fallback: str = DEFAULT) -> RGB:
    rgb = parse_color(value) or parse_color(fallback)
    assert rgb is not None
    return rgb


def _ink(rgb: RGB) -> RGB:
    """Black or white, whichever reads better on ``rgb``."""
    white, black = (255, 255, 255), (0, 0, 0)
    return white if contrast(rgb, white) >= contrast(rgb, black) else black


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    # Pillow >= 10.1 ships a scalable default font: no system font needed on any machine.
    return ImageFont.load_default(size=size)


def _centered_text(
    draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str, size: int, fill: RGB
) -> None:
    x0, y0, x1, y1 = box
    draw.text(((x0 + x1) / 2, (y0 + y1) / 2), text, font=_font(size), fill=fill, anchor="mm")


def _logo_square(logo: Path, side: int, background: RGB) -> Image.Image:
    """The logo fitted into a square of ``side`` on ``background``, keeping its aspect."""
    from PIL import Image

    with Image.open(logo) as source:
        image = source.convert("RGBA")
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (side, side), (*background, 255))
    square.alpha_composite(image, ((side - image.width) // 2, (side - image.height) // 2))
    return square


def _icon(brand: Brand, size: int, safe: float) -> Image.Image:
    """A full-bleed square icon; the mark fills ``safe`` of it (maskable icons need 0.8)."""
    from PIL import Image, ImageDraw

    color = _rgb(brand.color)
    image = Image.new("RGBA", (size, size), (*color, 255))
    inner = round(size * safe)
    offset = (size - inner) // 2
    logo = usable_logo(brand.logo)
    if logo is not None:
        bg = _rgb(brand.background, "#ffffff")
        image.paste(_logo_square(logo, inner, bg), (offset, offset))
    else:
        draw = ImageDraw.Draw(image)
        box = (offset, offset, offset + inner, offset + inner)
        _centered_text(draw, box, brand.initials, round(inner * 0.45), _ink(color))
    return image


def _screenshot(brand: Brand, width: int, height: int) -> Image.Image:
    """A plain picture of the app: the studio's bar and its routines as tiles."""
    from PIL import Image, ImageDraw

    color = _rgb(brand.color)
    bg = _rgb(brand.background, "#ffffff")
    ink = _ink(bg)
    image = Image.new("RGB", (width, height), bg)
    draw = ImageDraw.Draw(image)
    unit = min(width, height) // 20
    draw.rectangle((0, 0, width, unit * 3), fill=color)
    draw.text((unit, unit * 1.5), brand.name, font=_font(unit), fill=_ink(color), anchor="lm")
    tile = (241, 244, 243) if ink == (0, 0, 0) else (40, 46, 45)
    y = unit * 4
    for line in brand.lines[:6] or (brand.name,):
        draw.rounded_rectangle((unit, y, width - unit, y + unit * 3), radius=unit // 2, fill=tile)
        draw.text((unit * 2, y + unit * 1.5), line, font=_font(unit), fill=ink, anchor="lm")
        y += unit * 4
    return image


def draw(brand: Brand, art: Art) -> bytes:
    """PNG bytes for one image."""
    if art.kind == "any":
        image = _icon(brand, art.width, 0.9)
    elif art.kind == "maskable":
        # The platform may crop to a circle: keep the mark inside the central 80 %.
        image = _icon(brand, art.width, 0.6)
    elif art.kind == "apple":
        # iOS adds its own rounded corners and shows transparency as black: stay opaque.
        image = _icon(brand, art.width, 0.8).convert("RGB")
    else:
        image = _screenshot(brand, art.width, art.height)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


_DRAWING = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # this module's code


def draw_kept(brand: Brand, art: Art, folder: Path | None) -> bytes:
    """``draw``, kept in ``folder`` under a key of everything the picture depends on.

    Pillow takes ~40 ms per image, a fixed cost of every build; the key covers the brand,
    the logo's bytes and the drawing code itself, so any change draws afresh.
    """
    if folder is None:
        return draw(brand, art)
    key = hashlib.sha256(f"{_DRAWING}\n{brand!r}\n{art!r}".encode())
    if brand.logo is not None and brand.logo.is_file():
        key.update(brand.logo.read_bytes())
    kept = folder / f"{art.name}-{key.hexdigest()[:20]}.png"
    if kept.is_file():
        return kept.read_bytes()
    data = draw(brand, art)
    keep(kept, data)
    return data
