"""Offline first, in headless Chromium with service workers allowed.

One online visit to the home page must be enough: then, with the server stopped, every
page, card and image opens, and unknown pages get the offline page.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

from hipapp import create_app
from hipapp.paths import DEFAULT_CONTENT

from ..support.browser import LiveServer
from ..support.exports import Exported
from ..support.pwa_helpers import precache_list, start_recording_static, wait_ready_offline

Site = tuple[LiveServer, str]  # the server, and the site's URL on it ending in "/"


@pytest.fixture
def servers() -> Iterator[list[LiveServer]]:
    started: list[LiveServer] = []
    yield started
    for server in started:
        server.stop()


@pytest.fixture(params=["flask", "export", "export-subpath"])
def site(
    request: pytest.FixtureRequest, bundled_export: Exported, servers: list[LiveServer]
) -> Site:
    """The bundled content served by Flask, by a static server, and under /hips/."""
    if request.param == "flask":
        from ..support.browser import start_flask

        server = start_flask(create_app(DEFAULT_CONTENT))
        servers.append(server)
        return server, server.url + "/"
    prefix = "hips/" if request.param == "export-subpath" else ""
    out, _ = bundled_export("https://example.org/hips/" if prefix else None)
    server = start_recording_static(out.parent if prefix else out)
    servers.append(server)
    return server, f"{server.url}/{prefix}"


def open_all_offline(page: Page, base: str, urls: list[str]) -> None:
    """Every precached page opens from the worker, with every image on it loaded; every
    other file (images, icons, bundles, manifest) is fetched from the worker by the page."""
    for url in urls:
        if url.endswith("/"):
            response = page.goto(base + url.removeprefix("./"))
            assert response is not None, url
            assert response.status == 200, url
            assert response.from_service_worker, url
            # Lazy images may not have started loading: fetch each one as they would.
            broken = page.evaluate(
                """() => Promise.all([...document.images].map(i => fetch(i.src).then(
                    r => (r.ok ? "" : i.src), () => i.src))).then(s => s.filter(Boolean))"""
            )
            assert broken == [], url
    files = [u for u in urls if not u.endswith("/")]
    statuses = page.evaluate(
        "urls => Promise.all(urls.map(u => fetch(u).then(r => r.status, () => 0)))",
        [base + u for u in files],
    )
    assert dict(zip(files, statuses, strict=True)) == dict.fromkeys(files, 200)


def test_one_visit_then_everything_works_offline(sw_page: Page, site: Site) -> None:
    server, base = site
    sw_page.goto(base)
    wait_ready_offline(sw_page)
    urls = precache_list(sw_page.evaluate("fetch('sw.js').then(r => r.text())"))
    assert "routines/daily-hips/play/" in urls and "media/glute-bridge.svg" in urls
    server.stop()
    sw_page.reload()
    expect(sw_page.get_by_role("heading", level=1)).to_have_text("Hip Mobility Studio")
    wait_ready_offline(sw_page)
    open_all_offline(sw_page, base, urls)
    sw_page.goto(base + "routines/daily-hips/")
    sw_page.get_by_role("link", name="Start").click()
    sw_page.wait_for_url("**/routines/daily-hips/play/")
    # One tap starts the session, offline too: the bundle a session runs with is precached.
    expect(sw_page.locator("#player")).to_have_attribute("data-phase", "lead-in")


def test_unknown_page_offline_shows_the_offline_page(sw_page: Page, site: Site) -> None:
    server, base = site
    sw_page.goto(base)
    wait_ready_offline(sw_page)
    server.stop()
    sw_page.goto(base + "routines/renamed-routine/?x=1")
    expect(sw_page.get_by_role("heading", level=1)).to_have_text("You're offline")
    wanted = urlsplit(base).path + "routines/renamed-routine/?x=1"
    assert sw_page.url == base + "offline/?" + urlencode({"from": wanted})
    retry = sw_page.get_by_role("link", name="Try that page again")
    assert retry.get_attribute("href") == base + "routines/renamed-routine/?x=1"
    # Its relative links still work: it is shown at its own address.
    sw_page.get_by_role("link", name="Browse exercises").click()
    expect(sw_page.get_by_role("heading", level=1)).to_have_text("Exercises")


def test_evicted_cache_is_refilled_on_the_next_online_visit(sw_page: Page, site: Site) -> None:
    server, base = site
    sw_page.goto(base)
    wait_ready_offline(sw_page)
    names = sw_page.evaluate("caches.keys()")
    assert len(names) == 1
    sw_page.evaluate("caches.delete(" + repr(names[0]) + ")")
    assert sw_page.evaluate("caches.keys()") == []
    sw_page.reload()
    wait_ready_offline(sw_page)
    assert sw_page.evaluate("caches.keys()") == names
    stored = sw_page.evaluate(f"caches.open({names[0]!r}).then(c => c.keys()).then(k => k.length)")
    urls = precache_list(sw_page.evaluate("fetch('sw.js').then(r => r.text())"))
    assert stored == len(urls)
    server.stop()
    open_all_offline(sw_page, base, urls[:3])


def test_an_address_without_its_trailing_slash_opens_offline(sw_page: Page, site: Site) -> None:
    """Links lose their last slash to chat apps and hand typing; the server redirects, and
    so must the worker with the server gone. The query (a client's start date) is kept."""
    server, base = site
    sw_page.goto(base)
    wait_ready_offline(sw_page)
    server.stop()
    sw_page.goto(base + "routines/daily-hips")
    assert sw_page.url == base + "routines/daily-hips/"
    expect(sw_page.get_by_role("heading", level=1)).to_have_text("Daily hips for a calmer back")
    sw_page.goto(base + "programs/four-weeks/today?start=2026-11-16")
    assert sw_page.url == base + "programs/four-weeks/today/?start=2026-11-16"
    expect(sw_page.locator("#today")).not_to_have_attribute("data-state", "loading")
    sw_page.goto(base + "routines/renamed-routine")
    expect(sw_page.get_by_role("heading", level=1)).to_have_text("You're offline")
