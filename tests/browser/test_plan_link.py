"""The plan link: Python (the reference) and the browser read what the other writes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Page

from hipapp.plan.link import MAX_CLIENT, MAX_NOTE, decode, encode
from hipapp.plan.personal import CardItem, Change, Item, Plan, RestItem

from ..support.browser import LiveServer, browser_examples
from ..support.models import plain

RUN = """
async (cases) => {
  const L = await import('/static/js/plans/link.js');
  return cases.map(({text, plan}) => {
    let read;
    try { read = L.decodePlan(text); } catch (e) { read = {error: e.reason}; }
    return {read, written: L.encodePlan(plan)};
  });
}
"""

slugs = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}\Z")
numbers = st.one_of(st.none(), st.integers(0, 9999))
changes = st.builds(
    Change,
    hold=numbers,
    reps=numbers,
    sets=numbers,
    rest=numbers,
    sides=st.one_of(st.none(), st.sampled_from(["both", "none"])),
)
items: st.SearchStrategy[Item] = st.one_of(
    st.builds(CardItem, slugs, changes), st.builds(RestItem, st.integers(0, 9999))
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    kind = draw(st.sampled_from(["routine", "program"]))
    slug = draw(slugs)
    names = [slug] if kind == "routine" else draw(st.lists(slugs, unique=True, max_size=3))
    return Plan(
        kind,
        slug,
        draw(st.from_regex(r"\A[0-9A-F]{0,6}\Z")),
        draw(st.one_of(st.none(), st.dates(date(1970, 1, 1), date(2200, 1, 1)))),
        draw(st.text(max_size=MAX_CLIENT)),
        draw(st.text(max_size=MAX_NOTE)),
        {n: tuple(draw(st.lists(items, max_size=6))) for n in names},
    )


def as_js(plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = plain(plan)
    out["start"] = plan.start.isoformat() if plan.start else ""
    out["routines"] = plain(dict(plan.routines))
    for items in out["routines"].values():
        for item in items:
            if "change" in item:
                item["change"] = {k: v for k, v in item["change"].items() if v is not None}
    return out


@pytest.fixture
def run_js(page: Page, live_server: LiveServer) -> Any:
    page.goto(live_server.url + "/offline/")
    return lambda batch: page.evaluate(RUN, batch)


@browser_examples(15)
@given(batch=st.lists(plans(), min_size=8, max_size=8))
def test_each_side_reads_the_other(run_js: Any, batch: list[Plan]) -> None:
    got = run_js([{"text": encode(p), "plan": as_js(p)} for p in batch])
    for plan, js in zip(batch, got, strict=True):
        assert js["read"] == as_js(plan)
        assert js["written"] == encode(plan)
        assert decode(js["written"]) == plan


def test_damaged_links_are_refused_alike(run_js: Any) -> None:
    good = encode(Plan("routine", "daily", routines={"daily": (CardItem("a", Change(hold=35)),)}))
    bad = [good.replace("H35", "H36"), good[:-3], good + "/", "P9/x", "Q1", good.replace("$", "")]
    got = run_js([{"text": t, "plan": as_js(decode(good))} for t in bad])
    assert [g["read"] for g in got] == [{"error": "damaged"}] * 3 + [{"error": "newer"}] + [
        {"error": "damaged"}
    ] * 2
