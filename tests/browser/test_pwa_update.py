"""Deploying a new build: one "Update ready", new content after accepting, old cache gone,
and never a request for a file the new build does not have."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from hipapp.build.export import build
from hipapp.paths import DEFAULT_CONTENT

from ..pwa.test_pwa import served_files
from ..support.browser import LiveServer
from ..support.pwa_helpers import (
    PATIENCE,
    as_file,
    revisions,
    start_recording_static,
    version_of,
    wait_ready_offline,
)


@pytest.fixture
def deploy(tmp_path: Path) -> Iterator[tuple[Path, Path, LiveServer]]:
    """A copy of the bundled content, its export under /hips/, and a static server."""
    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT, content)
    www = tmp_path / "www"
    build(content, www / "hips")
    server = start_recording_static(www)
    yield content, www / "hips", server
    server.stop()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_new_build_offers_one_update_then_serves_only_the_new_build(
    sw_context: BrowserContext, sw_page: Page, deploy: tuple[Path, Path, LiveServer]
) -> None:
    content, out, server = deploy
    base = server.url + "/hips/"
    page = sw_page
    page.goto(base)
    wait_ready_offline(page)
    old_version = version_of((out / "sw.js").read_text())
    assert page.evaluate("caches.keys()") == [f"hipapp:/hips/:{old_version}"]
    old_files = set(build_files(out))
    old_revisions = revisions((out / "sw.js").read_text())

    # The studio renames a card and changes its colour (so the hashed CSS changes too).
    edit(content / "exercises" / "glute-bridge.md", "title: Glute bridge", "title: Bridge")
    edit(content / "site.yaml", '"#1f6f5c"', '"#6a3d9a"')
    new_files = set(served_files(build(content, out)))
    new_version = version_of((out / "sw.js").read_text())
    new_revisions = revisions((out / "sw.js").read_text())
    assert new_version != old_version and old_files - new_files  # an old asset is gone
    log: list[str] = server.extra["log"]
    log.clear()

    page.reload()
    # The old version keeps serving, whole, until the person accepts.
    expect(page.locator("#update-banner")).to_have_text(
        "Update ready: Reload", timeout=PATIENCE * 1000
    )
    assert page.locator("#update-banner button").count() == 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Hip Mobility Studio")
    seen: list[str] = []
    sw_context.on("request", lambda request: seen.append(request.url.split("?", 1)[0]))
    with page.expect_navigation():
        page.get_by_role("button", name="Reload").click()
    expect(page.locator("#update-banner")).to_be_empty()
    wait_ready_offline(page)
    assert page.evaluate("caches.keys()") == [f"hipapp:/hips/:{new_version}"]
    page.goto(base + "exercises/glute-bridge/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bridge")

    # What reached the server, and what the pages asked for after accepting, all exist
    # in the new build.
    on_server = {path.split("?", 1)[0].removeprefix("/hips/") for path in log}
    from_pages = {url.removeprefix(base) for url in seen}
    for requested in (on_server, from_pages):
        assert {p for p in requested if as_file(p) not in new_files | {"sw.js"}} == set()
    # Only what changed went to the network: the new stylesheet, not the unchanged scripts.
    changed = {p for p, revision in new_revisions.items() if old_revisions.get(p) != revision}
    assert on_server - {"sw.js"} == {p.removeprefix("./") for p in changed}
    assert any(p.startswith("static/gen/site-css") for p in changed)
    assert not any(p.startswith("static/gen/player-js") for p in on_server)
    assert any(p.startswith("static/gen/site-css") for p in from_pages)


def build_files(out: Path) -> list[str]:
    return served_files(
        sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    )


def test_no_update_offer_without_a_new_build(
    sw_page: Page, deploy: tuple[Path, Path, LiveServer]
) -> None:
    content, out, server = deploy
    page = sw_page
    page.goto(server.url + "/hips/")
    wait_ready_offline(page)
    build(content, out)  # the same content again: the same worker bytes
    page.reload()
    wait_ready_offline(page)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    expect(page.locator("#update-banner")).to_be_empty()
    assert (
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r.waiting)") is False
    )
