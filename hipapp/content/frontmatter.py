"""Split a content file into YAML front matter and Markdown, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem

Key = tuple[str | int, ...]

# libyaml's loader is several times faster; it reports the same marks and errors.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """Read UTF-8 text, reporting the line of the first bad byte otherwise."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.append(
            Problem(
                rel, line, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
            )
        )
        return None


def parse(path: Path, rel: str, problems: list[Problem]) -> Document | None:
    """Parse one Markdown file with front matter, appending any problems found."""
    text = read_text(path, rel, problems)
    if text is None:
        return None
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
    """Parse a YAML mapping, returning it and the file line of every key in it."""
    loader = _Loader(text)
    try:
        # One pass: compose the node tree (it carries line marks), then build values from it.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        reason = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        problems.append(Problem(rel, line, "", f"YAML syntax error: {reason}"))
        return None, {}
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, first_line, "", f"YAML error: {exc}"))
        return None, {}
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        problems.append(
            Problem(rel, first_line, "", "front matter must be a mapping of 'key: value' lines")
        )
        return None, {}
    where: dict[Key, int] = {}
    if node is not None:
        _walk(node, (), where, first_line, rel, problems)
    return data, where


def _walk(
    node: yaml.Node, key: Key, where: dict[Key, int], offset: int, rel: str, out: list[Problem]
) -> None:
    where.setdefault(key, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            name = str(key_node.value)
            line = key_node.start_mark.line + offset
            if name in seen:
                field = ".".join(str(k) for k in (*key, name))
                out.append(Problem(rel, line, field, "duplicate key; the last one wins", "warning"))
            seen.add(name)
            where[(*key, name)] = line
            _walk(value_node, (*key, name), where, offset, rel, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*key, index), where, offset, rel, out)
