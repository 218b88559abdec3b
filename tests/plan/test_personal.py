"""What a personal plan means: the reference rules in hipapp/plan/personal.py."""

from __future__ import annotations

from datetime import date

import pytest

from hipapp.content import load_catalogue
from hipapp.content.model import (
    Dosage,
    Exercise,
    ExerciseStep,
    Program,
    Progression,
    RestStep,
    Routine,
)
from hipapp.paths import DEFAULT_CONTENT
from hipapp.plan.link import LinkError, decode, encode
from hipapp.plan.personal import CardItem, Change, Plan, RestItem, plan_day, plan_routine, revision

CARDS = {
    "a": Exercise("a", "A", Dosage(hold=20, sides="both")),
    "b": Exercise("b", "B", Dosage(reps=10, tempo=2)),
}
ROUTINE = Routine(
    "r", "R", (ExerciseStep("a", Dosage(hold=30, sides="both", sets=2)), RestStep(15),
               ExerciseStep("a", Dosage(hold=40, sides="both")))
)  # fmt: skip


def test_the_nth_item_of_a_card_starts_from_the_nth_step_that_plays_it() -> None:
    plan = Plan("routine", "r", routines={"r": (
        CardItem("a", Change(sets=3)), CardItem("a"), CardItem("a"), CardItem("b", Change(reps=12)),
        RestItem(45),
    )})  # fmt: skip
    steps, missing = plan_routine(plan, ROUTINE, CARDS)
    assert missing == ()
    assert steps == (
        ExerciseStep("a", Dosage(hold=30, sides="both", sets=3)),
        ExerciseStep("a", Dosage(hold=40, sides="both")),
        ExerciseStep("a", Dosage(hold=20, sides="both")),  # past the routine: the card
        ExerciseStep("b", Dosage(reps=12, tempo=2)),  # added from the library
        RestStep(45),
    )


def test_a_hold_replaces_reps_and_removed_cards_are_reported_once() -> None:
    items = (CardItem("b", Change(hold=35, sides="none")), CardItem("gone"), CardItem("gone"))
    steps, missing = plan_routine(Plan("routine", "r", routines={"r": items}), ROUTINE, CARDS)
    assert steps == (ExerciseStep("b", Dosage(hold=35, tempo=2)),)
    assert missing == ("gone",)


def test_a_routine_the_plan_leaves_alone_plays_as_written() -> None:
    assert plan_routine(Plan("routine", "r"), ROUTINE, CARDS) == (ROUTINE.steps, ())


def test_program_days_progress_from_the_personal_dosage() -> None:
    program = Program("p", "P", ("r", None), 14, (Progression(3, hold=15, sets=1),), "r")
    plan = Plan("program", "p", routines={"r": (CardItem("a", Change(hold=35)),)})
    week1, _ = plan_day(plan, program, {"r": ROUTINE}, CARDS, 1)
    week3, _ = plan_day(plan, program, {"r": ROUTINE}, CARDS, 15)
    rest, _ = plan_day(plan, program, {"r": ROUTINE}, CARDS, 16)
    assert week1.steps == (ExerciseStep("a", Dosage(hold=35, sides="both", sets=2)),)
    assert week3.steps == (ExerciseStep("a", Dosage(hold=50, sides="both", sets=3)),)
    # The gentle routine of a rest day takes the plan's changes, never the progression.
    assert (rest.rest, rest.steps) == (True, week1.steps)
    with pytest.raises(ValueError):
        plan_day(plan, program, {"r": ROUTINE}, CARDS, 29)


def test_revision_follows_dosages_not_titles() -> None:
    cat, _ = load_catalogue(DEFAULT_CONTENT)
    daily = cat.routines["daily-hips"]
    first = revision((daily,), cat.exercises)
    assert len(first) == 6 and first == first.upper()
    renamed = Routine(daily.slug, "Another title", daily.steps)
    assert revision((renamed,), cat.exercises) == first
    harder = dict(cat.exercises)
    card = harder["glute-bridge"]
    harder["glute-bridge"] = Exercise(card.slug, card.title, Dosage(reps=99))
    assert revision((daily,), harder) != first


ANNA = Plan(
    "program", "four-weeks", "3F9A2C", date(2026, 12, 7), "Anna", "Keep the lunge shallow ✓",
    {"daily-hips": (CardItem("hip-flexor-stretch", Change(hold=35, sets=3)),
                    CardItem("glute-bridge", Change(reps=12, rest=0, sides="both")),
                    RestItem(30))},
)  # fmt: skip


def test_links_round_trip_and_use_the_qr_alphanumeric_set_outside_text() -> None:
    text = encode(ANNA)
    assert text.startswith("P1/PFOUR-WEEKS:3F9A2C:20261207/DAILY-HIPS$HIP-FLEXOR-STRETCH+H35+S3.")
    assert "GLUTE-BRIDGE+N12+R0+B.+R30/Anna/Keep%20the%20lunge%20shallow%20%E2%9C%93/" in text
    assert decode(text) == ANNA
    assert decode("#" + text) == ANNA
    routine = Plan("routine", "daily-hips", routines={"daily-hips": ()})
    assert encode(routine).startswith("P1/RDAILY-HIPS::/$//")
    assert decode(encode(routine)) == routine


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda t: t.replace("+H35", "+H36"), "damaged"),  # tampered
        (lambda t: t[:-12], "damaged"),  # truncated
        (lambda t: t.replace("Anna", "Bob"), "damaged"),
        (lambda t: "P2" + t[2:], "newer"),
        (lambda t: "hello", "damaged"),
    ],
)
def test_a_changed_link_is_refused(change, reason) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LinkError) as caught:
        decode(change(encode(ANNA)))
    assert caught.value.reason == reason
