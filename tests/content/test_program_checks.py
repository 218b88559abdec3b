"""Content checks that need a whole program: progression order, reach and resulting dosages."""

from __future__ import annotations

from pathlib import Path

from hipapp.content import load_catalogue

from ..conftest import Write
from .test_content import problems

REPS_CARD = "---\ntitle: Bridge\nreps: 3\n---\n"
SHORT = """\
---
title: P
days: [daily, rest, reps]
repeat: 5
progression:
{entries}
---
"""


def program(write: Write, entries: str) -> Path:
    write("exercises/bridge.md", REPS_CARD)
    write("routines/reps.md", "---\ntitle: Reps\nsteps: [bridge]\n---\n")
    return write("programs/p.md", SHORT.format(entries=entries))


def test_progression_that_shrinks_a_step_to_nothing_names_routine_and_card(
    small_content: Path, write: Write
) -> None:
    root = program(
        write,
        "  - from_week: 2\n    hold: -20s\n    sets: -2\n    reps: -3\n",
    )
    assert problems(root) == [
        'content/programs/p.md:7: progression[1].hold: makes hold of "stretch" in routine '
        '"daily" 0 s from week 2; it must stay at least 1 s',
        # Week 2 starts on day 8, a rest day; day 9 plays "reps" (1 set) before "daily".
        'content/programs/p.md:8: progression[1].sets: makes sets of "bridge" in routine '
        '"reps" -1 from week 2; it must stay at least 1 set',
        'content/programs/p.md:9: progression[1].reps: makes reps of "bridge" in routine '
        '"reps" 0 from week 2; it must stay at least 1 rep',
    ]


def test_a_shrinking_change_that_stays_above_zero_is_fine(
    small_content: Path, write: Write
) -> None:
    root = program(write, "  - from_week: 2\n    hold: -19s\n    reps: -2\n")
    cat, warnings = load_catalogue(root, strict=True)
    assert warnings == []
    assert cat.programs["p"].progression[0].hold == -19


def test_progression_entries_must_go_up(small_content: Path, write: Write) -> None:
    root = program(
        write,
        "  - from_week: 3\n    hold: +5s\n  - from_week: 2\n    hold: +1s\n"
        "  - from_week: 3\n    sets: +1\n",
    )
    assert problems(root) == [
        "content/programs/p.md:8: progression[2].from_week: weeks must go up: week 2 comes "
        "after week 3; list entries in the order they start",
        "content/programs/p.md:10: progression[3].from_week: weeks must go up: week 3 comes "
        "after week 3; list entries in the order they start",
    ]


def test_progression_beyond_the_program_is_a_warning(small_content: Path, write: Write) -> None:
    # 3 days × 5 = 15 days: 3 weeks (the last one partial).
    root = program(write, "  - from_week: 3\n    hold: +5s\n  - from_week: 4\n    hold: +9s\n")
    cat, warnings = load_catalogue(root)
    assert [str(w) for w in warnings] == [
        "content/programs/p.md:8: warning: progression[2].from_week: never applies: "
        "the program has 3 weeks (15 days)"
    ]
    assert problems(root, strict=True) == [str(w) for w in warnings]
    assert cat.programs["p"].progression[1].from_week == 4


def test_a_shrink_is_checked_only_on_the_days_it_governs(small_content: Path, write: Write) -> None:
    # Week 2 is day 8 alone, which plays "reps": a hold change cannot hurt it, and the
    # "daily" holds of week 1 are never shortened.
    write("exercises/bridge.md", REPS_CARD)
    write("routines/reps.md", "---\ntitle: Reps\nsteps: [bridge]\n---\n")
    root = write(
        "programs/p.md",
        "---\ntitle: P\ndays: [daily, daily, daily, daily, daily, daily, daily, reps]\n"
        "progression:\n  - from_week: 2\n    hold: -30s\n---\n",
    )
    _, warnings = load_catalogue(root, strict=True)
    assert warnings == []
