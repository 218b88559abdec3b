"""Program expansion: weeks, progression (cumulative, never summed) and every day's steps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipapp.content import load_catalogue
from hipapp.content.model import Dosage, ExerciseStep, Program, Progression, RestStep, Routine
from hipapp.content.schedule import active, apply_change, length, week_of, weeks
from hipapp.paths import DEFAULT_CONTENT
from hipapp.plan.programs import calendar, day_routine, describe_change


def apply_progression(dosage: Dosage, ladder: tuple[Progression, ...], week: int) -> Dosage:
    return apply_change(dosage, active(ladder, week))


HOLD = Dosage(hold=30, sides="both", sets=2, rest=10)
REPS = Dosage(reps=10, tempo=3)
ROUTINES = {
    "a": Routine("a", "Routine A", (ExerciseStep("x", HOLD), RestStep(20))),
    "b": Routine("b", "Routine B", (ExerciseStep("y", REPS),)),
    "gentle": Routine("gentle", "Gentle", (ExerciseStep("x", HOLD),)),
}
LADDER = (Progression(2, hold=5), Progression(3, hold=15, sets=1, reps=2))
PROGRAM = Program("p", "P", ("a", "b", None), repeat=6, progression=LADDER, rest_routine="gentle")


@pytest.mark.parametrize(
    ("day", "week"), [(1, 1), (7, 1), (8, 2), (14, 2), (15, 3), (28, 4), (29, 5)]
)
def test_week_of(day: int, week: int) -> None:
    assert week_of(day) == week


def test_week_of_rejects_day_zero() -> None:
    with pytest.raises(ValueError, match="days count from 1, got 0"):
        week_of(0)


def test_length_and_weeks() -> None:
    assert length(PROGRAM) == 18
    assert weeks(PROGRAM) == 3
    assert weeks(Program("q", "Q", ("a",) * 7, repeat=4)) == 4


def test_the_latest_entry_applies_and_entries_are_not_summed() -> None:
    assert apply_progression(HOLD, LADDER, 1) == HOLD
    assert apply_progression(HOLD, LADDER, 2) == Dosage(hold=35, sides="both", sets=2, rest=10)
    # Week 3: +15 s from week 1 (not 5 + 15), one more set.
    assert apply_progression(HOLD, LADDER, 3) == Dosage(hold=45, sides="both", sets=3, rest=10)
    assert apply_progression(HOLD, LADDER, 9) == apply_progression(HOLD, LADDER, 3)
    # Reps change reps and sets; a rep card never grows a hold.
    assert apply_progression(REPS, LADDER, 3) == Dosage(reps=12, tempo=3, sets=2)
    assert apply_progression(REPS, LADDER, 2) == REPS


def test_day_routine_applies_the_weeks_progression() -> None:
    day1 = day_routine(PROGRAM, ROUTINES, 1)
    assert (day1.number, day1.week, day1.routine, day1.title, day1.rest) == (
        1,
        1,
        "a",
        "Routine A",
        False,
    )
    assert day1.steps == ROUTINES["a"].steps and day1.change is None
    day16 = day_routine(PROGRAM, ROUTINES, 16)  # week 3, list day 1
    assert day16.change == LADDER[1]
    assert day16.steps == (
        ExerciseStep("x", Dosage(hold=45, sides="both", sets=3, rest=10)),
        RestStep(20),
    )


def test_rest_day_offers_the_gentle_routine_unprogressed() -> None:
    day = day_routine(PROGRAM, ROUTINES, 18)
    assert (day.rest, day.routine, day.title, day.change) == (True, "gentle", "Rest day", None)
    assert day.steps == ROUTINES["gentle"].steps
    bare = Program("p", "P", ("a", None))
    assert day_routine(bare, ROUTINES, 2).routine is None
    assert day_routine(bare, ROUTINES, 2).steps == ()


@pytest.mark.parametrize("number", [0, -1, 19])
def test_days_outside_the_program(number: int) -> None:
    with pytest.raises(ValueError, match="outside the program's 18 days"):
        day_routine(PROGRAM, ROUTINES, number)


def test_calendar_lists_every_day() -> None:
    days = calendar(PROGRAM, ROUTINES)
    assert [d.number for d in days] == list(range(1, 19))
    assert [d.routine for d in days[:6]] == ["a", "b", "gentle", "a", "b", "gentle"]
    assert [d.rest for d in days[:3]] == [False, False, True]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (Progression(2, hold=5), "holds 5 s longer than in week 1"),
        (
            Progression(3, hold=15, sets=1, reps=2),
            "holds 15 s longer, 1 more set, and 2 more reps than in week 1",
        ),
        (Progression(3, hold=-5, sets=-1), "holds 5 s shorter and 1 fewer set than in week 1"),
        (Progression(3, sets=2), "2 more sets than in week 1"),
        (Progression(3), "the same as week 1"),
    ],
)
def test_describe_change(change: Progression, words: str) -> None:
    assert describe_change(change) == words


def test_bundled_program_day_17_is_week_3_strength() -> None:
    cat, _ = load_catalogue(DEFAULT_CONTENT)
    program = cat.programs["four-weeks"]
    day = day_routine(program, cat.routines, 16)
    assert (day.week, day.routine) == (3, "hip-strength")
    first = day.steps[0]
    assert isinstance(first, ExerciseStep) and first.exercise == "glute-bridge"
    card = cat.exercises["glute-bridge"].dosage
    assert first.dosage.sets == card.sets + 1


entries = st.lists(
    st.builds(
        Progression,
        from_week=st.integers(1, 12),
        hold=st.integers(-20, 60),
        sets=st.integers(-1, 3),
        reps=st.integers(-3, 10),
    ),
    max_size=5,
).map(lambda items: tuple(sorted({p.from_week: p for p in items}.values(), key=active_key)))


def active_key(p: Progression) -> int:
    return p.from_week


dosages = st.one_of(
    st.builds(Dosage, hold=st.integers(1, 300), sets=st.integers(1, 5)),
    st.builds(Dosage, reps=st.integers(1, 50), sets=st.integers(1, 5)),
)


@given(dosages, entries, st.integers(1, 20))
def test_progression_is_exactly_the_latest_entry(
    dosage: Dosage, ladder: tuple[Progression, ...], week: int
) -> None:
    after = apply_progression(dosage, ladder, week)
    due = [p for p in ladder if p.from_week <= week]
    change = due[-1] if due else Progression(1)
    assert after.sets == dosage.sets + change.sets
    assert after.hold == (None if dosage.hold is None else dosage.hold + change.hold)
    assert after.reps == (None if dosage.reps is None else dosage.reps + change.reps)
    assert (after.sides, after.rest, after.tempo) == (dosage.sides, dosage.rest, dosage.tempo)
    # Monotone in time: once a week's entry applies, later weeks never fall back before it.
    assert active(ladder, week + 1) is not None or active(ladder, week) is None


@given(
    st.lists(st.sampled_from(["a", "b", None]), min_size=1, max_size=10),
    st.integers(1, 6),
    entries,
)
def test_every_day_matches_its_list_position_and_week(
    days: list[str | None], repeat: int, ladder: tuple[Progression, ...]
) -> None:
    program = Program("p", "P", tuple(days), repeat=repeat, progression=ladder)
    expanded = calendar(program, ROUTINES)
    assert len(expanded) == len(days) * repeat
    for day in expanded:
        slug = days[(day.number - 1) % len(days)]
        assert day.week == (day.number - 1) // 7 + 1
        assert day.rest == (slug is None)
        if slug is not None:
            base = ROUTINES[slug].steps[0]
            assert isinstance(base, ExerciseStep)
            step = day.steps[0]
            assert isinstance(step, ExerciseStep)
            assert step.dosage == apply_progression(base.dosage, ladder, day.week)
