"""Commented starting files for ``hipapp new``: a card, a routine, a program, site.yaml.

Each one passes ``hipapp check --strict`` as written, so a studio starts from something
that works and changes one line at a time.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import HipappError
from .walk import content_files

KINDS = ("exercise", "routine", "program", "site")
MAX_SLUG = 80  # file names, and the URLs made from them, stay readable
# Text YAML reads back as text when written bare: a letter first, no ": " or " #".
PLAIN = re.compile(r"[^\W\d_][\w ,.'()/+&-]*(?<! )")
YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "y", "n", "null"}

EXERCISE = """\
---
# Required: the name people see.
title: {title}
# One line shown under the title.
summary: What this exercise is for, in one line.
# Seconds per side per set (30, "30s", "1m30s"), or use reps: 10 instead of hold.
hold: 30s
# both = left then right; none = no sides.
sides: both
sets: 1
# Rest between sets.
rest: 0s
targets: [hips]
equipment: [mat]
# Discomfort should stay at or below this, out of 10; the card page shows it.
pain_limit: 2
# Optional: slugs of easier and harder cards, and an image in media/.
# easier: another-card
# harder: another-card
# image: {slug}.svg
---
## How to do it
1. First step.
2. Second step.

## Cues
- The single most useful cue (shown big on the player).

## Common mistakes
- A mistake and its fix.

## Comfort check
If discomfort rises past the limit, ease off or try the easier version.
"""

ROUTINE = """\
---
# Required: the name people see.
title: {title}
summary: Who this routine is for, in one line.
# Each step is a card slug, a card with overrides, or a rest.
steps:
  - {card}
  - rest: 30s
  - exercise: {card}
    sets: 2
---
A short introduction in Markdown.
"""

PROGRAM = """\
---
# Required: the name people see.
title: {title}
summary: Who this program is for, in one line.
# One entry a day: a routine's slug, or rest. Day 1 is the first entry.
days: [{routine}, rest, {routine}, rest, {routine}, rest, rest]
# The days run this many times: 4 weeks here.
repeat: 4
# Optional: from a week on, every exercise changes by this much, counted from week 1.
# progression:
#   - from_week: 3
#     hold: +10s
---
What this program is for, in Markdown.
"""

SITE = """\
# Your studio, as the app shows it.
name: {title}
# The name under the home-screen icon: keep it short.
short_name: {short}
description: What your studio offers, in one line.
# Colours go in quotes: in YAML, # starts a comment.
theme_color: "#1f6f5c"
background_color: "#ffffff"
lang: en
# Optional: a logo in media/, the public address (for share links and QR codes), a contact.
# logo: logo.png
# url: https://example.org/hips/
# contact: mailto:hello@example.org
disclaimer: General exercise guidance, not medical advice.
"""


def slug_of(name: str) -> str:
    """A title as a file name: "Side-lying leg raise" → "side-lying-leg-raise"."""
    # Accents go rather than the letters they sit on: "Übung" → "ubung".
    ascii_name = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_name).split())


def starter(content: Path, kind: str, name: str | None, again: str) -> tuple[Path, str]:
    """The path and text of a new ``kind`` file in ``content``; raises HipappError.

    ``again`` is the command that would make a missing prerequisite ("hipapp new exercise
    NAME --content studio"), with ``{kind}`` where the kind goes.
    """
    if kind == "site":
        title = name or "My studio"
        short = title if len(title) <= 12 else title.split()[0][:12]
        return content / "site.yaml", SITE.format(title=_quoted(title), short=_quoted(short))
    if not name:
        raise HipappError(f'name the new {kind}, like: hipapp new {kind} "Morning hips"')
    slug = slug_of(name)
    if not slug:
        raise HipappError(f'cannot make a file name from "{name}"; use letters and digits')
    if len(slug) > MAX_SLUG:
        raise HipappError(f"the name is too long for a file name; keep it under {MAX_SLUG}")
    title = _quoted(name if name != slug else slug.replace("-", " ").capitalize())
    if kind == "exercise":
        return content / "exercises" / f"{slug}.md", EXERCISE.format(title=title, slug=slug)
    needs = "exercises" if kind == "routine" else "routines"
    found = [f.slug for f in content_files(content, needs, [], set())] if content.is_dir() else []
    if not found:
        made = again.replace("{kind}", needs.removesuffix("s"))
        raise HipappError(f"a {kind} needs {needs}; run '{made}' first")
    if kind == "routine":
        return content / "routines" / f"{slug}.md", ROUTINE.format(title=title, card=found[0])
    return content / "programs" / f"{slug}.md", PROGRAM.format(title=title, routine=found[0])


def _quoted(text: str) -> str:
    """``text`` as a YAML value: bare when YAML reads it back as the same text, else quoted."""
    if PLAIN.fullmatch(text) and text.lower() not in YAML_WORDS:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
