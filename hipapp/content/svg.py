"""Refuse SVGs that could run script or load anything when opened from the site's origin.

A picture embedded with ``<img>`` runs nothing, but the same file opened on its own is a
document of the site, with the site's cookies and storage. So an SVG must be a picture
only: no scripts, event handlers, foreign HTML, or references outside itself (other
than a few inline images). It is read with expat, and refused at the first DOCTYPE with
declarations, so no entity is ever expanded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit
from xml.parsers import expat

# Elements that run script or embed other documents, by their lowercase local name.
FORBIDDEN = {
    "script": "script",
    "foreignobject": "foreignObject",
    "iframe": "iframe",
    "embed": "embed",
    "object": "object",
    "handler": "handler",
    "listener": "listener",
}
INLINE_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.I)
RUNS_SCRIPT = re.compile(r"^(?:javascript|vbscript):", re.I)
MAX_ISSUES = 5
Report = Callable[[str], None]


class _Stop(Exception):
    """Enough found: stop reading."""


def check_svg(data: bytes) -> list[tuple[int, str]]:
    """``(line, reason)`` for everything that keeps ``data`` from being a safe picture."""
    issues: list[tuple[int, str]] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    state = {"root": False, "style": False}
    style: list[str] = []

    def line() -> int:
        return int(parser.CurrentLineNumber)

    def issue(reason: str, *, stop: bool = False) -> None:
        issues.append((line(), reason))
        if stop or len(issues) >= MAX_ISSUES:
            raise _Stop

    def doctype(name: str, system: str | None, public: str | None, internal: bool) -> None:
        if internal:
            issue("declares entities in its <!DOCTYPE>; delete the <!DOCTYPE ...> block", stop=True)

    def entity(*args: object) -> None:
        issue("declares an entity; delete the <!DOCTYPE ...> block", stop=True)

    def instruction(target: str, text: str) -> None:
        if target.lower() == "xml-stylesheet":
            issue(f"loads a style sheet ({text.strip()[:60]}); copy its rules into a <style>")

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if not state["root"]:
            state["root"] = True
            if local != "svg":
                issue(f"is not an SVG: it starts with <{local}>, not <svg>", stop=True)
        if local.lower() in FORBIDDEN:
            issue(
                f"has a <{FORBIDDEN[local.lower()]}> element, which SVG pictures on the site "
                "may not have; remove it"
            )
        state["style"] = local == "style"
        for attribute, value in attributes.items():
            attr = attribute.rsplit(" ", 1)[-1]
            if attr.lower().startswith("on"):
                issue(f"has an {attr} handler on <{local}>, which runs script; remove it")
            elif RUNS_SCRIPT.match(_squeezed(value)):
                issue(f"links to {value.strip()[:40]}, which runs script; remove it")
            elif attr == "href":
                _check_reference(value, issue)
            elif attr == "style":
                _check_css(value, issue)

    def end(name: str) -> None:
        if state["style"]:
            _check_css("".join(style), issue)
        style.clear()
        state["style"] = False

    def text(data: str) -> None:
        if state["style"]:
            style.append(data)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except expat.ExpatError as exc:
        issues.append(
            (
                exc.lineno or 1,
                f"is not a valid SVG file ({expat.ErrorString(exc.code)}); export it again",
            )
        )
    if not state["root"] and not issues:
        issues.append((1, "is not a valid SVG file (it is empty); export it again"))
    return issues


def _squeezed(value: str) -> str:
    """A URL as a browser reads it: without the spaces and controls that hide a scheme."""
    return "".join(c for c in value if c.isprintable() and not c.isspace())


def _check_reference(value: str, issue: Report) -> None:
    link = _squeezed(value)
    if not link or link.startswith("#"):
        return
    parts = urlsplit(link)
    if parts.scheme.lower() == "data":
        kind = link[5:].split(",", 1)[0].split(";", 1)[0].strip().lower()
        if kind not in INLINE_IMAGES:
            issue(f"refers to {link[:40]}, which is not a picture the site allows; remove it")
    elif parts.scheme or link.startswith("//"):
        issue(
            f"loads {link[:60]} from outside the site; put the picture itself in the SVG "
            "or in media/"
        )


def _check_css(css: str, issue: Report) -> None:
    if "@import" in css.lower():
        issue(f"imports a style sheet ({css.strip()[:60]}); copy its rules in instead")
        return
    for found in CSS_URL.finditer(css):
        _check_reference(found[1], issue)
