"""One timing rule: the browser expands personal plans exactly as Python does.

The same random libraries, routines, programs, plans and days go to the Python reference
(hipapp/plan/{sequence,programs,personal}.py) and to static/js/plans/expand.js in
Chromium; every timed step must match. Cases are sent in batches, one browser call each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Page

from hipapp.content.model import (
    Dosage,
    Exercise,
    ExerciseStep,
    Program,
    Progression,
    RestStep,
    Routine,
    Step,
)
from hipapp.content.schedule import length
from hipapp.plan.personal import CardItem, Change, Item, Plan, RestItem, plan_day, plan_routine
from hipapp.plan.sequence import expand

from ..support.browser import LiveServer, browser_examples
from ..support.models import plain

BATCH = 8
BATCHES = 50  # 400 cases
CARDS = ("a", "b", "hip-cars", "c")

RUN = """
async (cases) => {
  const X = await import('/static/js/plans/expand.js');
  return cases.map(({library, plan, routine, number, rules}) => {
    const mine = X.planRoutine(plan, library.routines[routine], library.cards);
    const {day, missing} = X.planDay(
      plan, library.program, library.routines, library.cards, number);
    return {
      routine: X.expand(mine.steps, rules), missing: mine.missing,
      day: X.expand(day.steps, rules), day_missing: missing,
      title: day.title, rest: day.rest, slug: day.routine, week: day.week,
      total: X.totalSeconds(X.expand(day.steps, rules)),
    };
  });
}
"""

small = st.integers(1, 90)
seconds = st.one_of(small, st.sampled_from([1, 3600]))
sets = st.one_of(st.integers(1, 4), st.sampled_from([1, 12]))
sides = st.sampled_from(["both", "none"])


@st.composite
def dosages(draw: st.DrawFn) -> Dosage:
    if draw(st.booleans()):
        return Dosage(hold=draw(seconds), sides=draw(sides), sets=draw(sets), rest=draw(rests))
    tempo = draw(st.one_of(st.none(), st.integers(1, 6)))
    reps = draw(st.one_of(st.integers(1, 20), st.just(1000)))
    wait = draw(st.booleans())  # reps that wait for Done
    return Dosage(
        reps=reps, tempo=tempo, sides=draw(sides), sets=draw(sets), rest=draw(rests), wait=wait
    )


rests = st.one_of(st.just(0), small, st.just(3600))
changes = st.builds(
    Change,
    hold=st.one_of(st.none(), seconds),
    reps=st.one_of(st.none(), st.integers(1, 30)),
    sets=st.one_of(st.none(), sets),
    rest=st.one_of(st.none(), rests),
    sides=st.one_of(st.none(), sides),
)
items: st.SearchStrategy[Item] = st.one_of(
    st.builds(CardItem, st.sampled_from((*CARDS, "gone")), changes),
    st.builds(RestItem, small),
)


@dataclass(frozen=True)
class Case:
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    program: Program
    plan: Plan
    routine: str
    number: int
    lead_in: int
    switch: int


@st.composite
def cases(draw: st.DrawFn) -> Case:
    exercises = {s: Exercise(s, s.title(), draw(dosages())) for s in CARDS}
    routines = {}
    for slug in ("r1", "r2", "r3"):
        steps: list[Step] = []
        for _ in range(draw(st.integers(0, 5))):
            if draw(st.integers(0, 4)) == 0:
                steps.append(RestStep(draw(small)))
            else:
                card = exercises[draw(st.sampled_from(CARDS))]
                # A routine step is the card with the routine's own overrides.
                steps.append(
                    ExerciseStep(
                        card.slug, card.dosage if draw(st.booleans()) else (draw(dosages()))
                    )
                )
        routines[slug] = Routine(slug, slug.upper(), tuple(steps))
    days = draw(st.lists(st.sampled_from(["r1", "r2", "r3", None]), min_size=1, max_size=7))
    progression = tuple(
        Progression(
            draw(st.integers(1, 5)),
            draw(st.integers(-3, 20)),
            draw(st.integers(0, 2)),
            draw(st.integers(-1, 5)),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    program = Program(
        "p",
        "P",
        tuple(days),
        draw(st.integers(1, 3)),
        progression,
        draw(st.sampled_from([None, "r1", "r3"])),
    )
    personal = draw(st.lists(st.sampled_from(["r1", "r2", "r3"]), unique=True))
    plan = Plan(
        "program",
        "p",
        routines={slug: tuple(draw(st.lists(items, max_size=7))) for slug in personal},
    )
    return Case(
        exercises,
        routines,
        program,
        plan,
        draw(st.sampled_from(["r1", "r2", "r3"])),
        draw(st.integers(1, length(program))),
        draw(st.integers(0, 8)),
        draw(st.integers(0, 8)),
    )


def steps_json(steps: tuple[Step, ...], case: Case) -> list[dict[str, Any]]:
    timed = expand(steps, lead_in=case.lead_in, switch=case.switch)
    return [{k: v for k, v in vars(t).items() if v is not None} for t in timed]


def python_side(case: Case) -> dict[str, Any]:
    mine, missing = plan_routine(case.plan, case.routines[case.routine], case.exercises)
    day, day_missing = plan_day(case.plan, case.program, case.routines, case.exercises,
                                case.number)  # fmt: skip
    timed = steps_json(day.steps, case)
    return {
        "routine": steps_json(mine, case), "missing": list(missing),
        "day": timed, "day_missing": list(day_missing),
        "title": day.title, "rest": day.rest, "slug": day.routine, "week": day.week,
        "total": sum(t["seconds"] for t in timed),
    }  # fmt: skip


def browser_input(case: Case) -> dict[str, Any]:
    library = {
        "cards": {slug: {"dosage": plain(card.dosage)} for slug, card in case.exercises.items()},
        "routines": plain(case.routines),
        "program": plain(case.program),
    }
    plan = {"routines": plain(dict(case.plan.routines))}
    rules = {"leadIn": case.lead_in, "switch": case.switch, "tempo": 3}
    return {"library": library, "plan": plan, "routine": case.routine, "number": case.number,
            "rules": rules}  # fmt: skip


@pytest.fixture
def run_js(page: Page, live_server: LiveServer) -> Any:
    page.goto(live_server.url + "/offline/")
    return lambda batch: page.evaluate(RUN, batch)


def test_a_known_plan_expands_alike(run_js: Any) -> None:
    """A readable case first: a 35 s hold for 3 sets replaces the routine's 20 s."""
    card = Exercise("a", "A", Dosage(hold=20, sides="both", sets=2, rest=10))
    routine = Routine("r1", "R", (ExerciseStep("a", card.dosage), RestStep(30)))
    plan = Plan("routine", "r1", routines={"r1": (CardItem("a", Change(hold=35, sets=3)),)})
    case = Case({"a": card}, {"r1": routine}, Program("p", "P", ("r1",)), plan, "r1", 1, 5, 5)
    (got,) = run_js([browser_input(case)])
    assert got == python_side(case)
    holds = [s["seconds"] for s in got["routine"] if s["kind"] == "hold"]
    assert holds == [35] * 6 and got["total"] == 5 + 3 * (35 + 5 + 35) + 2 * 10


@browser_examples(BATCHES)
@given(batch=st.lists(cases(), min_size=BATCH, max_size=BATCH))
def test_browser_expansion_matches_python(run_js: Any, batch: list[Case]) -> None:
    got = run_js([browser_input(c) for c in batch])
    for case, js in zip(batch, got, strict=True):
        assert js == python_side(case), case
