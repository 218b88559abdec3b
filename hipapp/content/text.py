"""Read a content file's bytes as text: UTF-8, or UTF-16/32 with a byte-order mark.

Notepad saves "Unicode" as UTF-16 with a byte-order mark, so that is read as it is. For
anything else the message says how to save the file as UTF-8 in Notepad and TextEdit,
the two editors a studio is most likely to have.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import Problem

HOW_TO_SAVE = (
    "save it as UTF-8: in Notepad, File > Save as, Encoding: UTF-8; in TextEdit, "
    "Format > Make Plain Text, then File > Save, Plain Text Encoding: Unicode (UTF-8)"
)
# Longest first: the UTF-32 little-endian mark starts like the UTF-16 one.
MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Files people save by mistake under a .md or .yaml name, by their first bytes.
NOT_TEXT = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a Word document or another zip file"),
    (b"{\\rtf", "a rich-text (RTF) document"),
)


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """The text of ``path``, or None after reporting why it can't be read."""
    raw = read_bytes(path, rel, problems)
    return None if raw is None else text_of(raw, rel, problems)


def read_bytes(path: Path, rel: str, problems: list[Problem]) -> bytes | None:
    """The bytes of ``path``, or None after reporting why it can't be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        reason = (exc.strerror or "unreadable").lower()
        problems.append(Problem(rel, 0, "", f"can't be read ({reason}); check the file"))
        return None


def text_of(raw: bytes, rel: str, problems: list[Problem]) -> str | None:
    """``raw`` as text, or None after reporting how to save it as UTF-8."""
    text, line, message = decode(raw)
    if text is None:
        problems.append(Problem(rel, line, "", message))
    return text


def decode(raw: bytes) -> tuple[str | None, int, str]:
    """``(text, 0, "")``, or ``(None, line, message)`` saying what to do."""
    for mark, codec, name in MARKS:
        if raw.startswith(mark):
            try:
                return raw.decode(codec), 0, ""
            except UnicodeDecodeError:
                return (
                    None,
                    0,
                    f"this {name} file is damaged (it ends mid-character); {HOW_TO_SAVE}",
                )
    for signature, kind in NOT_TEXT:
        if raw.startswith(signature):
            return None, 1, f"this is {kind}, not text; copy its text into a file and {HOW_TO_SAVE}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); {HOW_TO_SAVE}"
    # UTF-16 without a mark: plain ASCII decodes as "valid" UTF-8 with a NUL after each letter.
    if text.count("\0") * 4 > len(text) > 0:
        return None, 1, f"this file is UTF-16 without a byte-order mark; {HOW_TO_SAVE}"
    return text, 0, ""
