"""The plan link: a personal plan written into the part of a URL after ``#``.

Browsers never send the fragment to a server, so no server, log or CDN sees a client's
plan. The format is documented in the README ("Personal plans: the link format") for
clinics that make links from their own systems; ``static/js/plans/link.js`` is the
browser's copy, and tests check that each reads what the other writes.

Everything but the two text fields uses only characters of the QR code's alphanumeric
mode (digits, capitals and ``$*+-./:``), which packs 5.5 bits a character instead of 8:
a program with eight personalised exercises stays a small code.

    P1/<kind><slug>:<revision>:<start>/<routines>/<client>/<note>/<check>
"""

from __future__ import annotations

import re
import zlib
from datetime import date
from urllib.parse import quote, unquote

from .personal import CardItem, Change, Item, Kind, Plan, RestItem

VERSION = 1
PREFIX = "P"
MAX_CLIENT = 40  # characters
MAX_NOTE = 280
KINDS: dict[str, Kind] = {"R": "routine", "P": "program"}
FIELDS = {"H": "hold", "N": "reps", "S": "sets", "R": "rest"}
SIDES = {"B": "both", "O": "none"}

_SLUG = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_REVISION = re.compile(r"^[0-9A-Z]{0,12}$")
_DAY = re.compile(r"^[0-9]{8}$")
_FIELD = re.compile(r"\+([HNSR])([0-9]{1,4})|\+([BO])")
# encodeURIComponent's unescaped characters: the JS and Python encoders agree.
_TEXT_SAFE = "-_.!~*'()"


class LinkError(ValueError):
    """A link that can't be read. ``reason`` is "newer" or "damaged"."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def checksum(text: str) -> str:
    """CRC-32 (as zlib and PNG compute it) of the UTF-8 text, as 8 capital hex digits."""
    return f"{zlib.crc32(text.encode('utf-8')):08X}"


def text_field(text: str) -> str:
    """A free-text field as encodeURIComponent writes it."""
    return quote(text, safe=_TEXT_SAFE)


def _item(item: Item) -> str:
    if isinstance(item, RestItem):
        return f"+R{item.seconds}"
    c = item.change
    out = item.exercise.upper()
    for letter, name in FIELDS.items():
        value = getattr(c, name)
        if value is not None:
            out += f"+{letter}{value}"
    if c.sides is not None:
        out += "+B" if c.sides == "both" else "+O"
    return out


def encode(plan: Plan) -> str:
    """The fragment (without ``#``) for ``plan``; personal routines keep their order."""
    kind = "R" if plan.kind == "routine" else "P"
    start = plan.start.strftime("%Y%m%d") if plan.start else ""
    head = f"{kind}{plan.slug.upper()}:{plan.revision.upper()}:{start}"
    sections = []
    for slug, items in plan.routines.items():
        # A routine plan's own routine needs no name: it is the one in the head.
        name = "" if plan.kind == "routine" and slug == plan.slug else slug.upper()
        sections.append(name + "$" + ".".join(_item(i) for i in items))
    body = "/".join(
        [
            f"{PREFIX}{VERSION}",
            head,
            "*".join(sections),
            text_field(plan.client),
            text_field(plan.note),
        ]
    )
    return f"{body}/{checksum(body)}"


def _damaged(detail: str) -> LinkError:
    return LinkError("damaged", detail)


def _slug(text: str, what: str) -> str:
    if not _SLUG.match(text):
        raise _damaged(f"{what}: expected a name like GLUTE-BRIDGE, got {text[:40]!r}")
    return text.lower()


def _read_item(text: str) -> Item:
    slug, plus, rest = text.partition("+")
    fields = plus + rest
    if not _FIELD.sub("", fields) == "":
        raise _damaged(f"item {text[:40]!r}: unreadable fields")
    found = _FIELD.findall(fields)
    if not slug:
        if len(found) != 1 or found[0][0] != "R":
            raise _damaged(f"item {text[:40]!r}: a rest is written +R<seconds>")
        return RestItem(int(found[0][1]))
    values: dict[str, object] = {}
    for letter, number, side in found:
        name = FIELDS[letter] if letter else "sides"
        if name in values:
            raise _damaged(f"item {text[:40]!r}: {name} given twice")
        values[name] = int(number) if letter else SIDES[side]
    return CardItem(_slug(slug, "card"), Change(**values))  # type: ignore[arg-type]


def decode(fragment: str) -> Plan:
    """The plan in ``fragment`` (with or without the ``#``); raises LinkError.

    Bounds are not checked here: the page checks values against the site's own
    (hipapp/web/models.py: PlanBounds), as it does for the studio's form.
    """
    parts = fragment.removeprefix("#").split("/")
    version = re.fullmatch(rf"{PREFIX}([0-9]+)", parts[0])
    if not version:
        raise _damaged("not a plan link")
    if int(version[1]) > VERSION:
        raise LinkError("newer", f"made by a newer version (format {version[1]})")
    if len(parts) != 6:
        raise _damaged("incomplete: parts are missing")
    _, head, sections, client_raw, note_raw, check = parts
    try:
        client, note = unquote(client_raw, errors="strict"), unquote(note_raw, errors="strict")
    except UnicodeDecodeError:
        raise _damaged("a text field is not UTF-8") from None
    body = "/".join(parts[:3] + [text_field(client), text_field(note)])
    if check != checksum(body):
        raise _damaged("the check does not match: the link was changed or cut short")
    name, _, more = head.partition(":")
    revision, colon, start_text = more.partition(":")
    if not colon or not name or name[0] not in KINDS or not _REVISION.match(revision):
        raise _damaged(f"unreadable head {head[:40]!r}")
    kind = KINDS[name[0]]
    slug = _slug(name[1:], "plan")
    start = None
    if start_text:
        try:
            if not _DAY.match(start_text):
                raise ValueError(start_text)
            start = date(int(start_text[:4]), int(start_text[4:6]), int(start_text[6:]))
        except ValueError:
            raise _damaged(f"unreadable start date {start_text[:12]!r}") from None
    routines: dict[str, tuple[Item, ...]] = {}
    for section in sections.split("*") if sections else []:
        own, dollar, items = section.partition("$")
        if not dollar:
            raise _damaged(f"routine {section[:40]!r} has no '$'")
        key = _slug(own, "routine") if own else slug
        if key in routines:
            raise _damaged(f"routine {key!r} given twice")
        routines[key] = tuple(_read_item(i) for i in items.split(".")) if items else ()
    if len(client) > MAX_CLIENT or len(note) > MAX_NOTE:
        raise _damaged("a text field is too long")
    return Plan(kind, slug, revision, start, client, note, routines)
