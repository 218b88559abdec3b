"""Markdown to safe HTML: content bodies, the images they use and a card's first cue."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..i18n import N_, languages, words_for
from ..processes import fork_map

if TYPE_CHECKING:
    # markdown-it is imported when a body is rendered: a rebuild that finds every body in
    # the parse cache (cache.py) never loads it.
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass
class Rendered:
    """HTML from one Markdown body, plus what it referred to."""

    html: str
    images: list[str] = field(default_factory=list)
    first_cue: str = ""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # CommonMark with raw HTML off: "<script>" in a card becomes visible text.
    # markdown-it's own validateLink already drops javascript:, vbscript:, file: and data: links.
    md = MarkdownIt("commonmark", {"html": False, "typographer": True})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    return md


def _render_image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if src and not _SCHEME.match(src) and not src.startswith(("/", "#")):
        # markdown-it has %-encoded the link ("my pose.png" → "my%20pose.png"); the file's
        # name is the decoded path, without a fragment or query.
        env.setdefault("images", []).append(unquote(urlsplit(src).path))
        token.attrSet("src", env.get("media_prefix", "") + src)
    token.attrSet("loading", "lazy")
    return self.image(tokens, idx, options, env)


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    if _SCHEME.match(str(token.attrGet("href") or "")):
        token.attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


def render_markdown(text: str, media_prefix: str = "") -> Rendered:
    """Render a content body; relative image paths point into ``media/``."""
    env: dict[str, Any] = {"media_prefix": media_prefix}
    md = _parser()
    tokens = md.parse(text, env)
    html = md.renderer.render(tokens, md.options, env)
    return Rendered(html, list(env.get("images", [])), _first_cue(tokens))


# Below this many bodies per process, starting one costs more than it saves.
PER_PROCESS = 100


def render_all(bodies: list[str], media_prefix: str = "") -> list[Rendered]:
    """Render many bodies; under ``hipapp build`` a large library's are split over processes.

    Everywhere else (a server worker, a test) they render in this process: see
    hipapp/processes.py for why a server must never fork.
    """
    return fork_map(partial(render_markdown, media_prefix=media_prefix), bodies, least=PER_PROCESS)


CUES = N_("Cues")  # the heading whose first bullet the player shows


@cache
def cue_headings() -> frozenset[str]:
    """ "Cues" in every language with a catalogue: a German card may say "## Hinweise"."""
    return frozenset(words_for(lang).gettext(CUES).lower() for lang in languages()) | {"cues"}


def _first_cue(tokens: list[Token]) -> str:
    """The first bullet under a "Cues" heading, as plain text, for the player screen."""
    in_cues = False
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = tokens[i + 1].content.strip().lower().rstrip(":").strip()
            in_cues = heading in cue_headings()
        elif in_cues and token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            return plain_text(token)
    return ""


def plain_text(token: Token) -> str:
    """The visible text of an inline token, without Markdown markers."""
    parts = [c.content for c in token.children or [] if c.type in ("text", "code_inline")]
    return "".join(parts).strip()
