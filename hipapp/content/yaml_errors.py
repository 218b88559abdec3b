"""YAML's error messages in a studio's words, each with the fix for the line it is on.

libyaml says "mapping values are not allowed in this context"; a gym owner needs "the
title contains ': ', so put it in quotes: title: \"Hips: a guide\"". Each rule below reads
the parser's complaint together with the offending line, and says what to change.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.reader import ReaderError

GENERIC = "this line is not valid front matter; check its quotes, colons and indentation"
# "key: value", "- key: value": indentation, an optional list dash, the key, the value.
KEY_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?(?P<key>[^\s:#'\"][^:]*?)[ \t]*:(?=\s|$)"
    r"[ \t]*(?P<value>.*)$"
)
ITEM_NOUNS = {"steps": "step", "days": "day", "progression": "entry"}


class Refused(yaml.MarkedYAMLError):
    """A problem hipapp found itself, already in plain words (an alias bomb, deep nesting)."""

    def __init__(self, mark: Any, message: str) -> None:  # libyaml's mark or PyYAML's
        super().__init__(problem=message, problem_mark=mark)


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:int`` as it was written: ``!!int``."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def quote(value: str) -> str:
    """``value`` as a YAML string: in double quotes, or single ones if it holds " or \\."""
    value = value.strip()
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def quoted_line(line: str) -> str:
    """The line with its value in quotes (``title: "Hips: a guide"``), without indentation."""
    match = KEY_LINE.match(line)
    if not match:
        return f"- {quote(line.strip()[1:])}" if line.strip().startswith("-") else quote(line)
    return f"{match['dash'] or ''}{match['key']}: {quote(match['value'])}"


def explain(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """The line (counted from 0 in ``text``) and the plain words for a YAML error."""
    lines = text.splitlines() or [""]
    if isinstance(exc, ReaderError):
        line = text.count("\n", 0, exc.position)
        return line, (
            f"this line has an invisible control character (U+{exc.character:04X}), which front "
            "matter can't hold; delete it"
        )
    assert isinstance(exc, yaml.MarkedYAMLError)
    mark = exc.problem_mark or exc.context_mark
    if isinstance(exc, Refused) and mark is not None:
        return mark.line, str(exc.problem)
    if mark is None:
        return 0, GENERIC
    problem, context = exc.problem or "", exc.context or ""
    at = exc.context_mark if exc.context_mark is not None else mark
    for rule in RULES:
        found = rule(problem, context, mark, at, lines)
        if found is not None:
            return found
    return mark.line, GENERIC


def _line(lines: list[str], number: int) -> str:
    return lines[number] if 0 <= number < len(lines) else ""


Rule = tuple[int, str] | None


def _tab(problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> Rule:
    here = _line(lines, mark.line)
    if "tab" not in problem and here[mark.column : mark.column + 1] != "\t":
        return None
    word = here.lstrip(" \t")
    word = word.strip() if word.startswith("-") else word.split(":", 1)[0].strip()
    if not word:
        return mark.line, "a tab at the start of this line: use spaces to indent, or delete it"
    return mark.line, f"a tab before `{word}`: use spaces to indent"


def _cannot_start(
    problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]
) -> Rule:
    if "cannot start any token" not in problem:
        return None
    here = _line(lines, mark.line)
    char = here[mark.column : mark.column + 1] or "?"
    return mark.line, f"a value can't start with `{char}`; put it in quotes: {quoted_line(here)}"


def _colon(problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> Rule:
    if "mapping values are not allowed" not in problem:
        return None
    here = _line(lines, mark.line)
    match = KEY_LINE.match(here)
    if match and mark.column > match.end("key"):
        key = match["key"]
        return mark.line, f"the {key} contains ': ', so put it in quotes: {quoted_line(here)}"
    return _indented(mark.line, lines)


def _block(problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> Rule:
    if "did not find expected key" not in problem and "expected '-' indicator" not in problem:
        return None
    here = _line(lines, mark.line)
    match = KEY_LINE.match(here)
    if match and match["value"][:1] in "\"'" and mark.column > match.start("value"):
        return mark.line, (
            "there is text after the closing quote; put the whole value in quotes: "
            f"{match['dash'] or ''}{match['key']}: {quote(match['value'])}"
        )
    if here.lstrip().startswith("-"):
        above = _previous(lines, mark.line)
        if above is not None and lines[above].lstrip().startswith("-"):
            noun = ITEM_NOUNS.get(_parent_key(lines, mark.line), "item")
            return mark.line, (
                f"this {noun} is indented differently from the one above; "
                "line up its '-' with the one above"
            )
        return mark.line, (
            "this line starts with '-' (a list item), but there is no list here; indent it "
            "under its key, like `targets:`, or remove the '-'"
        )
    return _indented(mark.line, lines)


def _simple_key(
    problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]
) -> Rule:
    if "could not find expected ':'" not in problem:
        return None
    here = _line(lines, at.line).strip()
    glued = re.match(r"^(-\s+)?([\w-]+):(\S.*)$", here)
    if glued:
        return at.line, f"put a space after the colon: `{glued[2]}: {glued[3]}`"
    words = here.split(None, 1)
    if len(words) == 2 and re.fullmatch(r"[\w-]+", words[0]):
        return at.line, f"expected `key: value` on this line, like `{words[0]}: {words[1]}`"
    return at.line, "this line needs ': ' between its key and its value"


def _unclosed(problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> Rule:
    if "quoted scalar" in context and "end of stream" in problem:
        quote_char = _line(lines, at.line)[at.column : at.column + 1] or '"'
        return at.line, (
            f"the {quote_char} that opens the value here is never closed; "
            f"add the closing {quote_char}"
        )
    for opener, closer, what in (("[", "]", "list"), ("{", "}", "mapping")):
        if f"',' or '{closer}'" in problem:
            return at.line, (
                f"the {opener} on this line is never closed; add {closer} at the end of the {what}"
            )
    return None


def _sigil(problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> Rule:
    here = _line(lines, mark.line)
    if "undefined alias" in problem:
        return mark.line, (
            "`*` starts a YAML alias, and nothing above is named with `&`; "
            f"if this is text, put it in quotes: {quoted_line(here)}"
        )
    if "while scanning an anchor" in context or "while scanning an alias" in context:
        sigil, what = ("&", "anchor") if "anchor" in context else ("*", "alias")
        return mark.line, (
            f"`{sigil}` starts a YAML {what}; if this is text, put it in quotes: "
            f"{quoted_line(here)}"
        )
    if "unknown escape character" in problem:
        match = KEY_LINE.match(here)
        value = match["value"].strip().strip('"') if match else ""
        key = f"{match['key']}: " if match else ""
        return mark.line, (
            "a backslash in double quotes starts an escape; use single quotes instead: "
            f"{key}'{value}'"
        )
    return None


def _other(problem: str, context: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> Rule:
    here = _line(lines, mark.line)
    if "maximum nesting depth" in problem:
        return mark.line, "this value is nested too deeply; write it with fewer levels"
    if "document start" in problem:
        for index in range(mark.line, -1, -1):
            if _line(lines, index).startswith("%"):
                return index, (
                    "a line starting with % is a YAML directive; delete it, or put the text "
                    "in quotes"
                )
    if "duplicate anchor" in problem:
        return mark.line, "this `&` anchor name is used twice; rename one of them"
    if "single document" in context:
        return mark.line, "only one block of settings is allowed; remove the extra '---'"
    if "block sequence entries are not allowed" in problem:
        return mark.line, (
            "a list can't start on the same line as its key; put each `- item` on a line of "
            "its own, indented under the key"
        )
    if "could not determine a constructor for the tag" in problem:
        found = re.search(r"'([^']+)'", problem)
        tag = short_tag(found[1]) if found else "this tag"
        return mark.line, (
            f"{tag} is a YAML tag, which content does not use; remove it, or put the value "
            f"in quotes if it is text: {quoted_line(here)}"
        )
    if "unhashable key" in problem:
        return mark.line, "a list or mapping can't be a key; put the key in quotes"
    if "for merging" in problem:
        return mark.line, "`<<` must name a mapping, like `<<: *defaults`"
    written = re.search(r"!![\w/.:-]*", here[mark.column :]) or re.search(r"!![\w/.:-]*", here)
    if written and ("expected a" in problem or "constructing" in context):
        tag = written[0]
        return mark.line, f"the value doesn't fit its {tag} tag; remove the {tag} tag"
    return None


RULES = (_tab, _cannot_start, _colon, _block, _simple_key, _unclosed, _sigil, _other)


def _previous(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` with something on it other than a comment."""
    for index in range(number - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


def _parent_key(lines: list[str], number: int) -> str:
    """The key a list item belongs to: the nearest ``key:`` above with no value."""
    for index in range(number - 1, -1, -1):
        match = KEY_LINE.match(lines[index])
        if match and not match["value"].strip():
            return match["key"]
    return ""


def _indented(number: int, lines: list[str]) -> tuple[int, str]:
    """A key on a line that is out of step with its neighbours."""
    here = KEY_LINE.match(_line(lines, number))
    key = here["key"] if here else ""
    column = (len(here["indent"]) + len(here["dash"] or "")) if here else 0
    above = _previous(lines, number)
    sibling = KEY_LINE.match(lines[above]) if above is not None else None
    if sibling is None:
        # The line above has no key (a list item): the sibling is the key the list is under.
        for index in range(number - 1, -1, -1):
            match = KEY_LINE.match(lines[index])
            if match and len(match["indent"]) + len(match["dash"] or "") <= column:
                sibling = match
                break
    if not key or sibling is None:
        return number, "this line is indented differently from the one above; check its spaces"
    return number, (
        "this line is indented differently from the one above; "
        f"start `{key}` in the same column as `{sibling['key']}`"
    )


VALUE_WORDS = {
    "!!int": ("a whole number", "30"),
    "!!float": ("a number", "1.5"),
    "!!bool": ("true or false", "true"),
    "!!timestamp": ("a date", "2024-05-01"),
}


def explain_value(node: yaml.Node, exc: Exception, text: str) -> str:
    """Plain words for a value the constructor could not build (``!!int abc``, 2024-02-30)."""
    lines = text.splitlines() or [""]
    here = _line(lines, node.start_mark.line)
    value = node.value if isinstance(node, yaml.ScalarNode) else ""
    tag = short_tag(node.tag)
    digits = sum(c.isdigit() for c in value)
    if tag == "!!int" and digits > 1000:
        return f"this number is {digits:,} digits long; write a number of a sensible size, like 30"
    if tag == "!!timestamp" and isinstance(exc, ValueError):
        return f'"{value}" is not a real date; if it is text, put it in quotes: {quoted_line(here)}'
    what, example = VALUE_WORDS.get(tag, (f"what {tag} expects", ""))
    fix = f", or write {what} like {example}" if example else ""
    return f'"{value}" is not {what}; remove the {tag} tag{fix}'
