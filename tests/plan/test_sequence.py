"""Expanding routines into timed steps: the contract the player plays."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hipapp.content.model import Dosage, ExerciseStep, RestStep, Step
from hipapp.content.timing import routine_seconds
from hipapp.plan.sequence import Timed, expand, expand_exercise, total_seconds


def kinds(timed: list[Timed]) -> list[tuple[str, int, str | None]]:
    return [(t.kind, t.seconds, t.side) for t in timed]


def test_issue_example_two_sided_two_sets() -> None:
    timed = expand_exercise("s", Dosage(hold=20, sides="both", sets=2, rest=10))
    assert kinds(timed) == [
        ("lead-in", 5, None),
        ("hold", 20, "left"),
        ("switch", 5, "right"),
        ("hold", 20, "right"),
        ("rest", 10, None),
        ("hold", 20, "left"),
        ("switch", 5, "right"),
        ("hold", 20, "right"),
    ]
    assert total_seconds(timed) == 105
    assert [t.set for t in timed] == [1, 1, 1, 1, 1, 2, 2, 2]


def test_one_sided_hold() -> None:
    assert kinds(expand_exercise("s", Dosage(hold=30))) == [
        ("lead-in", 5, None),
        ("hold", 30, None),
    ]


def test_no_rest_after_last_set_and_none_when_zero() -> None:
    timed = expand_exercise("s", Dosage(hold=10, sets=3, rest=0))
    assert [t.kind for t in timed] == ["lead-in", "hold", "hold", "hold"]
    timed = expand_exercise("s", Dosage(hold=10, sets=2, rest=15))
    assert [t.kind for t in timed][-1] == "hold"


def test_rep_steps_use_tempo_or_three_seconds() -> None:
    default = expand_exercise("b", Dosage(reps=10))[1]
    assert (default.kind, default.seconds, default.reps, default.tempo) == ("reps", 30, 10, None)
    timed = expand_exercise("b", Dosage(reps=8, tempo=4, sides="both"))
    assert kinds(timed) == [
        ("lead-in", 5, None),
        ("reps", 32, "left"),
        ("switch", 5, "right"),
        ("reps", 32, "right"),
    ]
    assert timed[1].tempo == 4


def test_only_rep_phases_of_a_waiting_card_wait() -> None:
    timed = expand_exercise("b", Dosage(reps=8, sides="both", wait=True))
    assert [(t.kind, t.wait) for t in timed] == [
        ("lead-in", None),
        ("reps", True),
        ("switch", None),
        ("reps", True),
    ]
    assert timed[1].seconds == 24  # still estimated at the rep pace, for the total
    assert expand_exercise("b", Dosage(reps=8))[1].wait is None  # counted, not waited for
    assert expand_exercise("h", Dosage(hold=8, wait=True))[1].wait is None


def test_rest_steps_as_written_and_order_kept() -> None:
    steps = [RestStep(30), ExerciseStep("a", Dosage(hold=10)), RestStep(45)]
    assert kinds(expand(steps)) == [
        ("rest", 30, None),
        ("lead-in", 5, None),
        ("hold", 10, None),
        ("rest", 45, None),
    ]


def test_adjustable_lead_in_and_switch() -> None:
    timed = expand_exercise("s", Dosage(hold=10, sides="both"), lead_in=0, switch=3)
    assert kinds(timed) == [("hold", 10, "left"), ("switch", 3, "right"), ("hold", 10, "right")]


dosages = st.builds(
    Dosage,
    hold=st.one_of(st.none(), st.integers(1, 600)),
    reps=st.integers(1, 50),
    tempo=st.one_of(st.none(), st.integers(1, 10)),
    sides=st.sampled_from(["both", "none"]),
    sets=st.integers(1, 6),
    rest=st.integers(0, 120),
).map(lambda d: d if d.hold is None else Dosage(d.hold, None, None, d.sides, d.sets, d.rest))


@given(dosages)
def test_total_matches_the_formula(d: Dosage) -> None:
    per_side = d.hold if d.hold is not None else (d.reps or 0) * (d.tempo or 3)
    sides = 2 if d.sides == "both" else 1
    expected = 5 + d.sets * (sides * per_side + (sides - 1) * 5) + (d.sets - 1) * d.rest
    assert total_seconds(expand_exercise("x", d)) == expected


@given(dosages)
def test_structure_invariants(d: Dosage) -> None:
    timed = expand_exercise("x", d)
    assert timed[0].kind == "lead-in"
    assert timed[-1].kind in ("hold", "reps")
    work = [t for t in timed if t.kind in ("hold", "reps")]
    assert len(work) == d.sets * (2 if d.sides == "both" else 1)
    if d.sides == "both":
        assert [t.side for t in work] == ["left", "right"] * d.sets
    assert all(t.seconds > 0 for t in timed)
    assert all(1 <= t.set <= d.sets for t in timed)


steps = st.lists(
    st.one_of(
        st.builds(RestStep, st.integers(1, 600)),
        st.builds(ExerciseStep, st.just("x"), dosages),
    ),
    max_size=8,
)


@given(steps)
def test_content_total_is_what_the_planner_expands(routine: list[Step]) -> None:
    """The content checks bound a routine by this total: it must be what the player plays."""
    assert routine_seconds(routine) == total_seconds(expand(routine))
