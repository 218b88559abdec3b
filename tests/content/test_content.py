"""Loading and checking content: every problem, located and worded exactly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hipapp.content import load_catalogue
from hipapp.content.model import Dosage, ExerciseStep, RestStep
from hipapp.errors import ContentError
from hipapp.paths import DEFAULT_CONTENT

from ..conftest import CARD, Write


def problems(root: Path, strict: bool = False) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_catalogue(root, strict=strict)
    return [str(p) for p in info.value.problems]


def test_bundled_content_passes_strict_check() -> None:
    cat, warnings = load_catalogue(DEFAULT_CONTENT, strict=True)
    assert warnings == []
    assert len(cat.exercises) >= 9
    assert {"daily-hips", "hip-strength", "desk-break"} <= set(cat.routines)
    assert "about" in cat.pages


def test_small_library_loads(small_content: Path) -> None:
    cat, warnings = load_catalogue(small_content)
    assert warnings == []
    card = cat.exercises["stretch"]
    assert card.dosage == Dosage(hold=20, sides="both", sets=2, rest=10)
    assert card.cue == "Breathe out slowly"
    assert cat.routines["daily"].steps == (
        ExerciseStep("stretch", card.dosage),
        RestStep(30),
    )


CARD_CASES = [
    # YAML's own words ("did not find expected ',' or ']'") become the fix, on the line
    # where the list opens; tests/support/hostile/ holds many more.
    (
        "title: [unclosed\nhold: 30\n",
        "x.md:2: the [ on this line is never closed; add ] at the end of the list",
    ),
    ("hold: 30\n", "x.md:1: title: required; add a line like 'title: Glute bridge'"),
    ("title: T\nhold: 30\nreps: 10\n", "x.md:3: hold: use either hold (seconds) or reps, not both"),
    (
        "title: T\n",
        "x.md:1: hold: required (or reps); add a line like 'hold: 30s' (seconds per side) "
        "or 'reps: 10'",
    ),
    ("title: T\nhold: long\n", 'x.md:3: hold: expected seconds like 30 or "45s", got "long"'),
    ("title: T\nhold: -5\n", "x.md:3: hold: must be at least 1 second, got -5"),
    ("title: T\nhold: 0\n", "x.md:3: hold: must be at least 1 second, got 0"),
    ("title: T\nhold: 30\nsides: left\n", 'x.md:4: sides: expected both or none, got "left"'),
    ("title: T\nhold: 30\neasier: nope\n", 'x.md:4: easier: unknown card "nope"'),
    (
        "title: T\nhold: 30\nharder: stretch-two\n",
        'x.md:4: harder: unknown card "stretch-two" (did you mean "stretch"?)',
    ),
    ("title: T\nhold: 30\nharder: x\n", "x.md:4: harder: points to the card itself"),
    ("title: T\nhold: 30\nimage: nope.svg\n", 'x.md:4: image: no file "nope.svg" in media/'),
    ("title: T\nreps: ten\n", 'x.md:3: reps: expected a whole number, got "ten"'),
    ("title: T\nhold: 30\nsets: 0\n", "x.md:4: sets: must be between 1 and 100, got 0"),
    (
        "title: T\nhold: 30\npain_limit: 11\n",
        "x.md:4: pain_limit: must be between 0 and 10, got 11",
    ),
    (
        "title: T\nhold: 30\ntargets: 5\n",
        "x.md:4: targets: expected a list like [mat, band], got 5",
    ),
    ("- a\n- b\n", "x.md:2: front matter must be a mapping of 'key: value' lines"),
    (
        "title: T\nreps: 5\nwait: yes please\n",
        'x.md:4: wait: expected true or false, got "yes please"',
    ),
    (
        "title: T\nhold: 30\nwait: true\n",
        "x.md:4: wait: only reps can wait for Done; a hold counts down by itself",
    ),
]


@pytest.mark.parametrize(("front", "message"), CARD_CASES)
def test_card_problems(write: Write, front: str, message: str) -> None:
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    root = write("exercises/x.md", f"---\n{front}---\nBody\n")
    assert problems(root) == [f"content/exercises/{message}"]


def test_missing_and_unclosed_front_matter(write: Write) -> None:
    write("exercises/a.md", "No front matter here\n")
    root = write("exercises/b.md", "---\ntitle: T\nhold: 30\n")
    assert problems(root) == [
        "content/exercises/a.md:1: missing front matter: start the file with a line '---'",
        "content/exercises/b.md:1: front matter is not closed: add a line '---' after it",
    ]


def test_non_utf8_file_names_the_line(write: Write) -> None:
    root = write("exercises/cafe.md", data=b"---\ntitle: T\nhold: 30\nsummary: Caf\xe9\n---\n")
    assert problems(root) == [
        "content/exercises/cafe.md:4: not UTF-8 text (byte 0xe9); save it as UTF-8: in Notepad, "
        "File > Save as, Encoding: UTF-8; in TextEdit, Format > Make Plain Text, then File > Save, "
        "Plain Text Encoding: Unicode (UTF-8)"
    ]


def test_duplicate_slugs_across_subfolders(write: Write) -> None:
    write("exercises/stretch.md", CARD.format(title="A"))
    root = write("exercises/hips/stretch.md", CARD.format(title="B"))
    assert problems(root) == [
        'content/exercises/stretch.md: duplicate slug "stretch"; '
        "content/exercises/hips/stretch.md has the same file name"
    ]


def test_bad_file_name(write: Write) -> None:
    root = write("exercises/Glute Bridge.md", CARD.format(title="A"))
    assert problems(root) == [
        "content/exercises/Glute Bridge.md: file name must be lowercase letters, digits "
        "and hyphens, like glute-bridge.md"
    ]


def test_unknown_keys_warn_and_fail_under_strict(write: Write) -> None:
    root = write("exercises/x.md", "---\ntitle: T\nhold: 30\nhodl: 5\n---\n")
    cat, warnings = load_catalogue(root)
    assert [str(w) for w in warnings] == [
        'content/exercises/x.md:4: warning: hodl: unknown key (did you mean "hold"?)'
    ]
    assert problems(root, strict=True) == [str(warnings[0])]


def test_duplicate_yaml_key_warns(write: Write) -> None:
    root = write("exercises/x.md", "---\ntitle: T\nhold: 30\nhold: 40\n---\n")
    cat, warnings = load_catalogue(root)
    assert [str(w) for w in warnings] == [
        "content/exercises/x.md:4: warning: hold: duplicate key; the last one wins"
    ]
    assert cat.exercises["x"].dosage.hold == 40


def test_parser_messages_count_steps_from_1_as_the_others_do(write: Write) -> None:
    write("exercises/x.md", "---\ntitle: X\nhold: 30\n---\n")
    steps = "  - exercise: x\n    hold: 30\n    hold: 40\n  - exercise: x\n    se\u200bts: 2\n"
    root = write("routines/r.md", f"---\ntitle: R\nsteps:\n{steps}---\n")
    assert problems(root) == [
        "content/routines/r.md:6: warning: steps[1].hold: duplicate key; the last one wins",
        "content/routines/r.md:8: steps[2].sets: an invisible character (U+200B, a zero-width"
        " space) is in this key; delete it and type plain spaces",
    ]


def test_routine_problems_are_all_reported_with_lines(write: Write) -> None:
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    root = write(
        "routines/daily.md",
        """\
        ---
        title: Daily
        steps:
          - stretch
          - exercise: strech
          - exercise: stretch
            hold: long
          - 42
          - rest: 0
          - rest: 10s
            hold: 5
        ---
        """,
    )
    assert problems(root) == [
        'content/routines/daily.md:5: steps[2]: unknown card "strech" (did you mean "stretch"?)',
        'content/routines/daily.md:7: steps[3].hold: expected seconds like 30 or "45s", got "long"',
        "content/routines/daily.md:8: steps[4]: expected a card slug, 'exercise: slug' with "
        "overrides, or 'rest: 30s'",
        "content/routines/daily.md:9: steps[5].rest: must be at least 1 second, got 0",
        "content/routines/daily.md:11: steps[6].hold: unknown key",
    ]


def test_routine_without_steps(write: Write) -> None:
    root = write("routines/empty.md", "---\ntitle: Empty\nsteps: []\n---\n")
    assert problems(root) == [
        "content/routines/empty.md:3: steps: a routine needs a list of steps, like '- glute-bridge'"
    ]


def test_step_overrides_merge_with_the_card(write: Write) -> None:
    write("exercises/bridge.md", "---\ntitle: Bridge\nreps: 10\ntempo: 3s\nsets: 2\n---\n")
    root = write(
        "routines/r.md",
        """\
        ---
        title: R
        steps:
          - exercise: bridge
            hold: 45s
            sides: both
          - exercise: bridge
            sets: 3
            rest: 20s
        ---
        """,
    )
    cat, _ = load_catalogue(root)
    first, second = cat.routines["r"].steps
    assert first == ExerciseStep("bridge", Dosage(hold=45, tempo=3, sides="both", sets=2))
    assert second == ExerciseStep("bridge", Dosage(reps=10, tempo=3, sets=3, rest=20))


def test_wait_on_a_card_or_a_routine_step(write: Write) -> None:
    """Reps that can't be paced wait for Done; a routine can ask for it, or undo it."""
    write("exercises/band.md", "---\ntitle: Band walk\nreps: 10\nwait: true\n---\n")
    write("exercises/bridge.md", "---\ntitle: Bridge\nreps: 10\n---\n")
    root = write(
        "routines/r.md",
        """\
        ---
        title: R
        steps:
          - band
          - exercise: band
            wait: false
          - exercise: bridge
            wait: true
          - exercise: band
            hold: 30s
        ---
        """,
    )
    cat, warnings = load_catalogue(root, strict=True)
    assert warnings == []
    assert cat.exercises["band"].dosage.wait is True
    assert cat.exercises["bridge"].dosage.wait is False
    assert [s.dosage.wait for s in cat.routines["r"].steps] == [True, False, True, False]


def test_pain_check_in_site_yaml(small_content: Path, write: Write) -> None:
    cat, _ = load_catalogue(small_content)
    assert cat.site.pain_check == "end"
    cat, _ = load_catalogue(write("site.yaml", "name: S\npain_check: after_each\n"))
    assert cat.site.pain_check == "after_each"
    root = write("site.yaml", "name: S\npain_check: always\n")
    assert problems(root) == [
        'content/site.yaml:2: pain_check: expected end or after_each, got "always"'
    ]


def test_program_problems(small_content: Path, write: Write) -> None:
    root = write(
        "programs/p.md",
        """\
        ---
        title: P
        days: [daily, dialy, rest, 7]
        rest_routine: nope
        progression:
          - from_week: 0
            hold: more
          - week: 2
        ---
        """,
    )
    assert problems(root) == [
        'content/programs/p.md:3: days[2]: unknown routine "dialy" (did you mean "daily"?)',
        "content/programs/p.md:3: days[4]: expected a routine slug or rest",
        'content/programs/p.md:4: rest_routine: unknown routine "nope"',
        "content/programs/p.md:6: progression[1].from_week: must be between 1 and 520, got 0",
        "content/programs/p.md:7: progression[1].hold: expected a change like +15s or -5s, "
        'got "more"',
        "content/programs/p.md:8: progression[2].from_week: required; the week this change "
        "starts, like 3",
        'content/programs/p.md:8: progression[2].week: unknown key (did you mean "from_week"?)',
    ]


def test_site_yaml_errors_are_located(small_content: Path, write: Write) -> None:
    root = write("site.yaml", "name: Studio\nlogo: logo.png\ncolour: red\n")
    assert problems(root) == [
        'content/site.yaml:2: logo: no file "logo.png" in media/',
        "content/site.yaml:3: warning: colour: unknown key",
    ]


def test_reserved_page_slug(small_content: Path, write: Write) -> None:
    root = write("pages/exercises.md", "---\ntitle: Clash\n---\n")
    assert problems(root) == [
        'content/pages/exercises.md:1: "exercises" is a reserved address; rename the file'
    ]


def test_body_image_must_exist(small_content: Path, write: Write) -> None:
    root = write("pages/about.md", "---\ntitle: About\n---\n![Pose](pose.svg)\n")
    assert problems(root) == ['content/pages/about.md:4: body: image "pose.svg" is not in media/']


def test_missing_content_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope") == [f"{tmp_path / 'nope'}: content folder not found"]


def test_parallel_markdown_matches_serial() -> None:
    """Under ``hipapp build`` a large library renders in forked processes: same results,
    same order."""
    script = (
        "from hipapp.content.markdown import render_all, render_markdown\n"
        "from hipapp.processes import parallel\n"
        "bodies = [f'## Cues\\n- Cue {i}\\n\\n![pose](p{i}.svg) [x](javascript:y)' "
        "for i in range(260)]\n"
        "with parallel(2):\n"
        "    assert render_all(bodies, 'm/') == [render_markdown(b, 'm/') for b in bodies]\n"
        "    print(render_all(bodies, 'm/')[259].first_cue)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Cue 259\n"
