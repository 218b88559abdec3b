"""A client's phone stores what that client plays, and an update fetches only what changed.

A library above the store-everything threshold (here the threshold is set to 0): the
first visit to one program's link stores the shell and that program, nothing else (a
personal plan's link: the cards and pictures its plan plays); pages opened online are
stored as they are viewed; after a one-card edit, the new worker copies every unchanged
entry from the old cache and fetches only the changed URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hipapp.build.export import build
from hipapp.content import load_catalogue
from hipapp.content.model import ExerciseStep
from hipapp.plan.link import encode
from hipapp.plan.personal import CardItem, Plan, plan_day

from ..support.browser import LiveServer
from ..support.library import generate
from ..support.pwa_helpers import (
    follow_groups,
    group_parts,
    header,
    parts_in,
    poll,
    precache_list,
    revisions,
    start_recording_static,
    wait_ready_offline,
)

Site = tuple[Path, Path, LiveServer]  # content, export, server


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """40 cards with pictures, 8 routines, 2 programs, exported under /hips/."""
    monkeypatch.setenv("HIPAPP_PRECACHE_ALL_BELOW", "0")
    content = generate(tmp_path / "content", 40, 8, 2, images=True)
    out = tmp_path / "www" / "hips"
    build(content, out)
    server = start_recording_static(tmp_path / "www")
    yield content, out, server
    server.stop()


STORED = """async () => {
  const names = await caches.keys();
  if (names.length !== 1) return names;
  const cache = await caches.open(names[0]);
  return (await cache.keys()).map((r) => r.url);
}"""


def stored(page: Page, base: str) -> set[str]:
    """What the phone holds, as paths like the worker's ("./", "exercises/x/")."""
    urls = page.evaluate(STORED)
    return {
        u.removeprefix(base) or "./"
        for u in urls
        if not u.endswith("__hipapp/followed") and "/sw-parts/" not in u
    }


def worker(out: Path) -> str:
    return (out / "sw.js").read_text()


def groups_of(out: Path) -> dict[str, list[str]]:
    return follow_groups(worker(out), parts_in(out))


def known(out: Path) -> dict[str, str]:
    return revisions(worker(out), parts_in(out))


def first_visit(page: Page, server: LiveServer, path: str) -> str:
    base = server.url + "/hips/"
    page.goto(base + path)
    wait_ready_offline(page)
    return base


def test_the_phone_stores_the_program_it_follows_and_not_the_rest(
    sw_page: Page, site: Site
) -> None:
    _, out, server = site
    base = first_visit(sw_page, server, "programs/program-0/")
    groups = groups_of(out)
    shell = set(precache_list(worker(out)))
    mine, theirs = set(groups["programs/program-0/"]), set(groups["programs/program-1/"])
    assert {"programs/program-0/day/28/", "history/", "offline/"} <= mine | shell
    have = stored(sw_page, base)
    assert have == shell | mine
    # The other program's days, and the cards neither program plays, stay on the server.
    others = {p for p in theirs if p.startswith("programs/program-1/")}
    unplayed = {p for p in known(out) if p.startswith("exercises/")} - mine - theirs
    assert len(others) >= 28 and unplayed - shell
    assert not (others | unplayed - shell) & have


def test_every_day_of_the_followed_program_opens_offline(sw_page: Page, site: Site) -> None:
    _, out, server = site
    base = first_visit(sw_page, server, "programs/program-0/")
    days = [p for p in groups_of(out)["programs/program-0/"] if "/day/" in p]
    assert len(days) >= 28
    server.stop()
    for path in days:
        response = sw_page.goto(base + path)
        assert response is not None and response.status == 200, path
        assert response.from_service_worker, path
        expect(sw_page.locator("h1")).not_to_have_text("You're offline")


def test_a_page_opened_online_opens_offline_later(sw_page: Page, site: Site) -> None:
    _, out, server = site
    base = first_visit(sw_page, server, "programs/program-0/")
    group = set(groups_of(out)["programs/program-0/"])
    other = next(p for p in known(out) if p.startswith("exercises/exercise-") and p not in group)
    sw_page.goto(base + other)
    title = sw_page.locator("h1").inner_text()
    poll(sw_page, f"caches.match({base + other!r}).then(Boolean)")
    server.stop()
    response = sw_page.goto(base + other)
    assert response is not None and response.from_service_worker
    expect(sw_page.locator("h1")).to_have_text(title)


def test_an_update_after_a_one_card_edit_fetches_only_the_changed_urls(
    sw_page: Page, site: Site
) -> None:
    content, out, server = site
    base = first_visit(sw_page, server, "programs/program-0/")
    before = known(out)
    have = stored(sw_page, base)
    card = next(p for p in sorted(have) if p.startswith("exercises/exercise-"))
    source = content / "exercises" / f"{card.split('/')[1]}.md"
    source.write_text(source.read_text().replace("## Cues", "## Cues\n- A new cue.", 1))
    build(content, out)
    after = known(out)
    changed = {p for p in have if before.get(p) != after.get(p)}
    assert card in changed and len(changed) < len(have) / 4
    log: list[str] = server.extra["log"]
    log.clear()
    sw_page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    poll(sw_page, "navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)")
    fetched = {p.removeprefix("/hips/") for p in log}
    # Of the worker's parts, only the followed program's new one and the index part
    # that names it: nothing that grows with the library.
    source = worker(out)
    group = group_parts(source, parts_in(out))["programs/program-0/"]
    index = next(n for n in header(source, "GROUPS") if group in parts_in(out)(n).decode())
    assert fetched == changed | {"sw.js", f"sw-parts/{group}.json", f"sw-parts/{index}.json"}


def plan_link(content: Path, out: Path) -> tuple[str, set[str]]:
    """A program-0 plan whose first routine is one card program-0 never plays; returns
    the fragment and the card pages and pictures the plan plays, as worker paths."""
    cat, _ = load_catalogue(content)
    program = cat.programs["program-0"]
    played = set(groups_of(out)["programs/program-0/"])
    extra = next(s for s in sorted(cat.exercises) if f"exercises/{s}/" not in played)
    first = next(d for d in program.days if d)
    plan = Plan("program", "program-0", client="Anna", routines={first: (CardItem(extra),)})
    cards: set[str] = set()
    for n in range(1, len(program.days) * program.repeat + 1):
        day, _ = plan_day(plan, program, cat.routines, cat.exercises, n)
        for step in day.steps:
            if isinstance(step, ExerciseStep):
                card = cat.exercises[step.exercise]
                cards |= {s for s in (card.slug, card.easier, card.harder) if s}
    urls = {"plan/library.json"} | {f"exercises/{s}/" for s in cards}
    urls |= {f"media/{cat.exercises[s].image}" for s in cards if cat.exercises[s].image}
    assert f"exercises/{extra}/" in urls
    return encode(plan), urls


def test_a_personal_plan_stores_every_card_it_plays_for_offline(sw_page: Page, site: Site) -> None:
    """A plan lives in its link, which the worker never sees: the plan page tells it what
    the plan plays, so every day's cards and pictures open offline, the one card the
    studio added included, on a library too large to be stored whole."""
    content, out, server = site
    fragment, urls = plan_link(content, out)
    base = first_visit(sw_page, server, f"plan/#{fragment}")
    expect(sw_page.locator("#plan-greeting")).to_have_text("For Anna, from Bench Studio")
    poll(sw_page, "document.getElementById('plan').dataset.offline === 'stored'")
    have = stored(sw_page, base)
    assert urls <= have, sorted(urls - have)
    theirs = set(groups_of(out)["programs/program-1/"])
    assert not {p for p in theirs if p.startswith("programs/program-1/")} & have
    server.stop()
    sw_page.goto(base + "plan/")  # the plan from the device, the library from the cache
    expect(sw_page.locator("#plan-greeting")).to_have_text("For Anna, from Bench Studio")
    for n in (1, 2, 4, 26):
        sw_page.goto(f"{base}plan/play/?day={n}")
        expect(sw_page.locator("#p-img")).to_have_attribute("src", re.compile(r"/media/"))
        poll(
            sw_page,
            "(() => { const i = document.getElementById('p-img');"
            " return i.complete && i.naturalWidth > 0; })()",
        )
    card = next(p for p in sorted(urls) if p.startswith("exercises/"))
    response = sw_page.goto(base + card)
    assert response is not None and response.from_service_worker


def test_a_plan_that_cannot_be_stored_says_so(sw_page: Page, site: Site) -> None:
    """One of the plan's pictures is missing on the host (a half-finished upload, say):
    the footer's "Ready offline" is about the site, so the plan page says what failed."""
    content, out, server = site
    fragment, urls = plan_link(content, out)
    picture = next(p for p in sorted(urls) if p.startswith("media/"))
    (out / picture).unlink()
    first_visit(sw_page, server, f"plan/#{fragment}")
    poll(sw_page, "document.getElementById('plan').dataset.offline === 'failed'")
    expect(sw_page.locator("[data-problem=offline]")).to_have_text(
        "Part of your plan couldn't be saved on this device for offline use."
        " Open this page again while you're online."
    )
