"""Field types for ``site.yaml``: the public address, colours, the contact link, the language.

Each value is validated and normalised here, once: the manifest, the meta tags, the theme
CSS and the share page then use it as it is.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from .colors import NAMED
from .durations import describe
from .options import Invalid, Option, as_text

_HEX = re.compile(r"#?([0-9a-f]{3}|[0-9a-f]{6})")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\Z")
# language[-script][-region](-variant)*, as in BCP 47: en, de, pt-BR, zh-Hant-TW, sr-Latn.
_LANG = re.compile(
    r"(?P<lang>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)\Z"
)
# Characters that never belong in a link the footer writes into every page.
_UNSAFE = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


class Url(Option[str]):
    """The site's public address: absolute http(s) with a host, kept with one trailing slash."""

    def __init__(self) -> None:
        super().__init__("")

    def convert(self, value: object) -> str:
        text = as_text(value, self.name)
        if not text:
            return ""
        example = "like https://example.org/hips/"
        if "://" not in text:
            raise Invalid(
                f"expected an address that starts with https://, {example}, got {describe(value)}"
            )
        parts = urlsplit(text)
        host = _host(parts.hostname or "")
        if parts.scheme.lower() not in ("http", "https") or host is None or _UNSAFE.search(text):
            raise Invalid(
                f"expected the site's public http(s) address, {example}, got {describe(value)}"
            )
        if parts.query or parts.fragment or parts.username is not None:
            raise Invalid(
                f"expected a plain address (no ?, # or user name), {example}, got {describe(value)}"
            )
        try:
            port = f":{parts.port}" if parts.port is not None else ""
        except ValueError:
            raise Invalid(
                f"the port is not a number from 1 to 65535, got {describe(value)}"
            ) from None
        path = quote(parts.path.rstrip("/"), safe="/%:@!$&'()*+,;=-._~") + "/"
        return f"{parts.scheme.lower()}://{host}{port}{path}"


def _host(name: str) -> str | None:
    """The host in lowercase ASCII (punycode for a name like bücher.de), or None."""
    if name.startswith("[") or ":" in name:  # an IPv6 literal; urlsplit checked its form
        return f"[{name.strip('[]')}]"
    try:
        ascii_name = name.encode("idna").decode("ascii") if not name.isascii() else name
    except UnicodeError:
        return None
    return ascii_name if _HOST.match(ascii_name) else None


class Color(Option[str]):
    """``#rgb``, ``#rrggbb`` or a CSS colour name, as ``#rrggbb``."""

    def __init__(self, default: str) -> None:
        super().__init__(
            default,
            empty="is empty: YAML reads # as the start of a comment, so put the colour "
            'in quotes, like {name}: "#1f6f5c"',
        )

    def convert(self, value: object) -> str:
        text = as_text(value, self.name).lower()
        if text in NAMED:
            return NAMED[text]
        match = _HEX.fullmatch(text)
        if match and text.startswith("#"):
            digits = match[1] if len(match[1]) == 6 else "".join(c * 2 for c in match[1])
            return f"#{digits}"
        wanted = 'expected a colour like "#1f6f5c" or a CSS colour name like teal'
        if match:
            raise Invalid(f'{wanted}, got {describe(value)}; write it as {self.name}: "#{text}"')
        raise Invalid(f"{wanted}, got {describe(value)}")


class Contact(Option[str]):
    """The footer's contact link: ``mailto:``, ``tel:`` or ``https:`` only."""

    def __init__(self) -> None:
        super().__init__("")

    def convert(self, value: object) -> str:
        text = as_text(value, self.name)
        if not text:
            return ""
        scheme, colon, rest = text.partition(":")
        scheme = scheme.lower()
        if scheme == "tel" and colon:
            rest = re.sub(r"[\s().-]", "", rest)
        ok = bool(colon and rest) and not _UNSAFE.search(rest)
        if scheme == "mailto":
            ok = ok and "@" in rest
        elif scheme == "tel":
            ok = ok and re.fullmatch(r"\+?[0-9]{3,20}", rest) is not None
        elif scheme == "https":
            ok = ok and rest.startswith("//") and _host(urlsplit(text).hostname or "") is not None
        else:
            ok = False
        if ok:
            return f"{scheme}:{rest}"
        wanted = "expected a mailto:, tel: or https: link, like mailto:hello@example.org"
        hint = ""
        if not colon and "@" in text:
            hint = f"; write mailto:{text}"
        elif not colon and re.fullmatch(r"\+?[0-9\s().-]{3,30}", text):
            hint = f"; write tel:{re.sub(r'[^0-9+]', '', text)}"
        raise Invalid(f"{wanted}, got {describe(value)}{hint}")


class Language(Option[str]):
    """A BCP 47 language tag such as en, de or pt-BR, in its usual case."""

    def __init__(self, default: str) -> None:
        super().__init__(default)

    def convert(self, value: object) -> str:
        text = as_text(value, self.name)
        match = _LANG.match(text.replace("_", "-").lower())
        if not match:
            raise Invalid(f"expected a language tag like en, de or pt-BR, got {describe(value)}")
        parts: list[Any] = [match["lang"]]
        if match["script"]:
            parts.append(match["script"].title())
        if match["region"]:
            parts.append(match["region"].upper())
        return "-".join([*parts, *filter(None, match["variants"].split("-"))])
