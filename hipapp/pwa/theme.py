"""The studio's colour as CSS custom properties, adjusted to keep WCAG AA contrast."""

from __future__ import annotations

import re

from ..content.model import Site

_HEX = re.compile(r"^#?([0-9a-f]{6}|[0-9a-f]{3})$", re.I)
# The studio's colour is checked and stored as #rrggbb by hipapp.content; this is its default.
DEFAULT = Site.theme_color
# Brand text sits on the page and on card surfaces; these are the surfaces, the harder case.
# Keep them in step with --surface in static/css/base.css.
LIGHT_BG = (0xF2, 0xF5, 0xF4)
DARK_BG = (0x1D, 0x22, 0x21)


def parse_color(value: str) -> tuple[int, int, int] | None:
    """``#1f6f5c`` or ``#abc`` as an RGB triple, or None."""
    match = _HEX.match(value.strip())
    if not match:
        return None
    digits = match[1] if len(match[1]) == 6 else "".join(c * 2 for c in match[1])
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _toward(rgb: tuple[int, int, int], target: int, bg: tuple[int, int, int]) -> tuple[int, ...]:
    """Mix ``rgb`` toward black or white until it reaches 4.5:1 against ``bg``."""
    color = rgb
    for step in range(21):
        t = step / 20
        color = tuple(round(c + (target - c) * t) for c in rgb)  # type: ignore[assignment]
        if contrast(color, bg) >= 4.5:
            break
    return color


def _hex(rgb: tuple[int, ...]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


def theme_css(theme_color: str) -> str:
    """Custom properties for the brand colour: fills, text on fills, and text on each scheme."""
    rgb = parse_color(theme_color) or parse_color(DEFAULT)
    assert rgb is not None
    on = "#ffffff" if contrast(rgb, (255, 255, 255)) >= contrast(rgb, (0, 0, 0)) else "#000000"
    return (
        f":root{{--brand:{_hex(rgb)};--on-brand:{on};"
        f"--brand-text:{_hex(_toward(rgb, 0, LIGHT_BG))}}}"
        "@media (prefers-color-scheme:dark){:root{"
        f"--brand-text:{_hex(_toward(rgb, 255, DARK_BG))}}}}}\n"
    )
