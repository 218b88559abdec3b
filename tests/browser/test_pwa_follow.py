"""A client's phone stores what that client plays, and an update fetches only what changed.

A library above the store-everything threshold (here the threshold is set to 0): the
first visit to one program's link stores the shell and that program, nothing else; pages
opened online are stored as they are viewed; after a one-card edit, the new worker
copies every unchanged entry from the old cache and fetches only the changed URLs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hipapp.build.export import build

from ..support.browser import LiveServer
from ..support.library import generate
from ..support.pwa_helpers import (
    follow_groups,
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
    return {u.removeprefix(base) or "./" for u in urls if not u.endswith("__hipapp/followed")}


def worker(out: Path) -> str:
    return (out / "sw.js").read_text()


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
    groups = follow_groups(worker(out))
    shell = set(precache_list(worker(out)))
    mine, theirs = set(groups["programs/program-0/"]), set(groups["programs/program-1/"])
    assert {"programs/program-0/day/28/", "history/", "offline/"} <= mine | shell
    have = stored(sw_page, base)
    assert have == shell | mine
    # The other program's days, and the cards neither program plays, stay on the server.
    others = {p for p in theirs if p.startswith("programs/program-1/")}
    unplayed = {p for p in revisions(worker(out)) if p.startswith("exercises/")} - mine - theirs
    assert len(others) >= 28 and unplayed - shell
    assert not (others | unplayed - shell) & have


def test_every_day_of_the_followed_program_opens_offline(sw_page: Page, site: Site) -> None:
    _, out, server = site
    base = first_visit(sw_page, server, "programs/program-0/")
    days = [p for p in follow_groups(worker(out))["programs/program-0/"] if "/day/" in p]
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
    group = set(follow_groups(worker(out))["programs/program-0/"])
    other = next(
        p for p in revisions(worker(out)) if p.startswith("exercises/exercise-") and p not in group
    )
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
    before = revisions(worker(out))
    have = stored(sw_page, base)
    card = next(p for p in sorted(have) if p.startswith("exercises/exercise-"))
    source = content / "exercises" / f"{card.split('/')[1]}.md"
    source.write_text(source.read_text().replace("## Cues", "## Cues\n- A new cue.", 1))
    build(content, out)
    after = revisions(worker(out))
    changed = {p for p in have if before.get(p) != after.get(p)}
    assert card in changed and len(changed) < len(have) / 4
    log: list[str] = server.extra["log"]
    log.clear()
    sw_page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    poll(sw_page, "navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)")
    fetched = {p.removeprefix("/hips/") for p in log}
    assert fetched == changed | {"sw.js"}
