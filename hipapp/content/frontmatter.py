"""Split a content file into YAML front matter and Markdown, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, Event

from ..errors import Problem
from .text import read_text
from .yaml_errors import Refused, explain, explain_value

Key = tuple[str | int, ...]

# libyaml's parser is several times faster; it reports the same marks and errors.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = [
    "COMMENTED",
    "Document",
    "Key",
    "label",
    "parse",
    "parse_text",
    "parse_yaml",
    "read_text",
]


def label(key: Key) -> str:
    """A field as people count: ``steps[1].hold`` is the first step's hold."""
    text = ""
    for part in key:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass(frozen=True)
class Document:
    """A parsed content file: its data, where each key sits, and its Markdown body."""

    rel: str
    data: dict[str, Any]
    lines: dict[Key, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line(self, key: Key) -> int:
        """The file line of ``key`` or of its nearest located parent."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


def parse(path: Path, rel: str, problems: list[Problem]) -> Document | None:
    """Parse one Markdown file with front matter, appending any problems found."""
    text = read_text(path, rel, problems)
    return None if text is None else parse_text(text, rel, problems)


def parse_text(text: str, rel: str, problems: list[Problem]) -> Document | None:
    """Parse a Markdown file's text with front matter, appending any problems found."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.append(
            Problem(rel, 1, "", "missing front matter: start the file with a line '---'")
        )
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        problems.append(
            Problem(rel, 1, "", "front matter is not closed: add a line '---' after it")
        )
        return None
    data, where = parse_yaml("".join(lines[1:end]), rel, problems, first_line=2)
    if data is None:
        return None
    return Document(rel, data, where, "".join(lines[end + 1 :]), end + 2)


def parse_yaml(
    text: str, rel: str, problems: list[Problem], first_line: int = 1
) -> tuple[dict[str, Any] | None, dict[Key, int]]:
    """Parse a YAML mapping, returning it and the file line of every key in it.

    Nothing a file says can make this raise, run away or recurse without end: every
    parser and constructor error becomes one located problem in plain words.
    """
    loader = _Loader(text)
    where: dict[Key, int] = {}
    try:
        # Compose the node tree (it carries line marks), walk it for lines, then build values.
        node = loader.get_single_node()
        if node is None:
            return {}, where
        _walk(node, (), where, first_line, text, rel, problems)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        line, message = explain(exc, text)
        problems.append(Problem(rel, first_line + line, "", message))
        return None, {}
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        problems.append(Problem(rel, first_line, "", _not_a_mapping(data)))
        return None, {}
    return data, where


def _not_a_mapping(data: object) -> str:
    glued = re.match(r"^\s*([\w-]+):(\S\S*)", data) if isinstance(data, str) else None
    if glued:
        return f"put a space after the colon: `{glued[1]}: {glued[2]}`"
    return "front matter must be a mapping of 'key: value' lines"


# Content needs a few levels (a routine's steps, each step's overrides); more is a mistake,
# or an attack on the parser's recursion.
MAX_DEPTH = 20
TOO_DEEP = (
    f"this value is nested too deeply (more than {MAX_DEPTH} levels); write it with fewer levels"
)
# Values reached through aliases (*name), over a whole file. A real file repeats a value a
# few times; a "billion laughs" file repeats it billions of times from 2 KB of text.
ALIAS_BUDGET = 1_000
# Characters that look like spaces, or like nothing, and turn `hold:` into another key.
INVISIBLE = {
    "\u00a0": "a non-breaking space",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a byte-order mark",
}
# `theme_color: #c2410c`: YAML reads a comment and no value.
COMMENTED = "the value is empty because # starts a comment in YAML"
EMPTY_BY_COMMENT = re.compile(r"^[ \t]*:[ \t]+#(\S.*?)\s*$")


class _Guard(Composer):
    """The composer, refusing deep nesting, self-reference and alias expansion past a budget.

    It counts how many values each node stands for, so an alias costs what it expands to.
    """

    def __init__(self) -> None:
        super().__init__()
        self.sizes: dict[int, int] = {}
        self.open_anchors: set[str] = set()
        self.expanded = 0
        self.depth = 0

    if TYPE_CHECKING:  # provided by the parser the composer is mixed with

        def peek_event(self) -> Event: ...

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            name = event.anchor
            if name in self.open_anchors:
                raise Refused(
                    event.start_mark,
                    f"the alias *{name} refers to itself (it is inside &{name}); "
                    "write the values out instead",
                )
            if name in self.anchors:
                self.expanded += self.sizes.get(id(self.anchors[name]), 1)
                if self.expanded > ALIAS_BUDGET:
                    raise Refused(
                        event.start_mark,
                        f"the YAML aliases here (*{name}) repeat more than {ALIAS_BUDGET:,} "
                        "values; write the values out instead of nesting aliases",
                    )
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Refused(event.start_mark, TOO_DEEP)
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.open_anchors.add(anchor)
        try:
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
            self.open_anchors.discard(anchor or "")
        if isinstance(node, yaml.SequenceNode):
            children: list[yaml.Node] = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = []
        self.sizes[id(node)] = 1 + sum(self.sizes.get(id(child), 1) for child in children)
        return node


class _Loader(_Guard, _Base):  # type: ignore[misc, valid-type]
    """libyaml's parser with the guarded composer and a constructor that never raises oddly."""

    # Tags no content needs: their values would reach the readers as bytes, sets or pairs.
    yaml_constructors = {
        tag: build
        for tag, build in SafeConstructor.yaml_constructors.items()
        if tag is None or tag.rsplit(":", 1)[-1] not in ("binary", "set", "omap", "pairs")
    }

    def __init__(self, text: str) -> None:
        _Base.__init__(self, text)
        _Guard.__init__(self)
        self.text = text

    def get_single_node(self) -> yaml.Node | None:
        # Without an alias there is nothing to count: libyaml's own composer, twice as fast,
        # is safe (it nests at most 1,000 deep, and _walk refuses anything past MAX_DEPTH).
        if "*" not in self.text:
            node: yaml.Node | None = _Base.get_single_node(self)
            return node
        return super().get_single_node()

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # !!int abc, 2024-02-30, 5,000 digits: ValueError and kin
            raise Refused(node.start_mark, explain_value(node, exc, self.text)) from None


def _walk(
    node: yaml.Node,
    key: Key,
    where: dict[Key, int],
    offset: int,
    text: str,
    rel: str,
    out: list[Problem],
) -> None:
    if len(key) >= MAX_DEPTH:
        raise Refused(node.start_mark, TOO_DEEP)
    where.setdefault(key, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            name = _key_name(key_node, key, offset, rel, out)
            line = key_node.start_mark.line + offset
            field = label((*key, name))
            if name in seen:
                out.append(Problem(rel, line, field, "duplicate key; the last one wins", "warning"))
            seen.add(name)
            where[(*key, name)] = line
            if _empty(value_node):
                start = key_node.end_mark.index
                end = text.find("\n", start)
                after = text[start : end if end >= 0 else len(text)]
                comment = EMPTY_BY_COMMENT.match(after)
                if comment:
                    out.append(
                        Problem(
                            rel,
                            line,
                            field,
                            f'{COMMENTED}; put it in quotes: {name}: "#{comment[1]}"',
                        )
                    )
            _walk(value_node, (*key, name), where, offset, text, rel, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*key, index), where, offset, text, rel, out)


def _key_name(node: yaml.Node, key: Key, offset: int, rel: str, out: list[Problem]) -> str:
    """A key's text, with invisible characters reported, then removed (so no false errors)."""
    if not isinstance(node, yaml.ScalarNode):  # `? [a, b]`: YAML allows it, a field can't be
        raise Refused(node.start_mark, "a list or mapping can't be a key; put the key in quotes")
    name: str = node.value
    for char, words in INVISIBLE.items():
        if char in name:
            clean = "".join(c for c in name if c not in INVISIBLE)
            field = label((*key, clean or f"U+{ord(char):04X}"))
            out.append(
                Problem(
                    rel,
                    node.start_mark.line + offset,
                    field,
                    f"an invisible character (U+{ord(char):04X}, {words}) is in this key; "
                    "delete it and type plain spaces",
                )
            )
            node.value = name = clean
            break
    return name


def _empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and not node.value
