"""A small content folder in a given language, whose own words are all «in guillemets».

Everything the studio wrote is marked, so a test can tell the studio's text from the
app's: on a page in the pseudo-locale, any text that is neither ⟦wrapped⟧ nor «marked»
was not taken from the catalogue.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

FILES = {
    "exercises/bridge.md": """\
        ---
        title: «Bridge»
        summary: «Lift the hips.»
        reps: 3
        tempo: 2s
        sets: 2
        rest: 5s
        targets: [«glutes»]
        equipment: [«mat»]
        easier: stretch
        image: pose.svg
        image_alt: «A bridge.»
        cue: «Squeeze.»
        ---
        ## «How»
        1. «Lift.»
        """,
    "exercises/stretch.md": """\
        ---
        title: «Stretch»
        hold: 4s
        sides: both
        harder: bridge
        cue: «Breathe.»
        ---
        «Body.»
        """,
    "exercises/count.md": """\
        ---
        title: «Count»
        reps: 2
        ---
        «Body.»
        """,
    "routines/daily.md": """\
        ---
        title: «Daily»
        summary: «Short.»
        steps:
          - stretch
          - rest: 3s
          - bridge
          - count
        ---
        «Intro.»
        """,
    "routines/gentle.md": """\
        ---
        title: «Gentle»
        steps: [stretch]
        ---
        """,
    "programs/plan.md": """\
        ---
        title: «Plan»
        summary: «Two weeks.»
        days: [daily, rest, daily, rest, daily, rest, rest]
        repeat: 2
        rest_routine: gentle
        progression:
          - from_week: 2
            hold: +2s
            sets: +1
            reps: -1
        ---
        «Why.»
        """,
    "pages/about.md": """\
        ---
        title: «About»
        ---
        «Us.»
        """,
    "media/pose.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"></svg>',
}

SITE = """\
name: «Studio»
short_name: «St»
description: «For backs.»
lang: {lang}
contact: "mailto:hello@example.org"
disclaimer: «Not advice.»
"""


def write_content(root: Path, lang: str, extra: str = "") -> Path:
    """Write the folder under ``root`` with ``lang: <lang>`` (and ``extra`` site.yaml lines)."""
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "site.yaml").write_text(SITE.format(lang=lang) + extra, encoding="utf-8")
    return root
