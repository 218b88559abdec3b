"""QR codes for client links, drawn as SVG by segno at request (and export) time."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

MAX_LENGTH = 1000


def check_link(link: str) -> str:
    """Return ``link`` if it is a plain absolute http(s) URL; raise ValueError otherwise.

    The link is printed on hand-outs and scanned by phones, so anything odd (another scheme,
    spaces, control characters) is refused rather than encoded.
    """
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"expected an absolute http(s) address, got {link!r}")
    if len(link) > MAX_LENGTH or any(ch.isspace() or ord(ch) < 32 for ch in link):
        raise ValueError(f"not a plain address: {link!r}")
    return link


def qr_svg(link: str, *, scale: int = 8) -> str:
    """A standalone SVG document encoding ``link`` (error correction M, quiet zone 4)."""
    import segno  # here: a rebuild that draws no QR code need not load it

    code = segno.make(check_link(link), error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=4, dark="#000", light="#fff", omitsize=True)
    return out.getvalue().decode("utf-8")
