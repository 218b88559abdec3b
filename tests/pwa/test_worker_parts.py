"""A large site's worker: its own file stays small, and its parts list every URL once.

Every client downloads sw.js on every update, so it must not grow with the library: it
holds the shell, and names the parts (hipapp/pwa/precache.py) that list the rest.
"""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.paths import SW_SOURCE
from hipapp.pwa.precache import bucket_of, precache_of
from hipapp.web import pwa
from hipapp.web.pwa import NOT_PRECACHED
from hipapp.web.sitemap import site_paths

from ..support.library import generate
from ..support.pwa_helpers import PartReader, follow_groups, header, precache_list, revisions

LARGE = {"PRECACHE_ALL_BELOW": 0}
THREADS = 4  # a gthread worker's threads, as the README runs gunicorn


def client_for(content: Path) -> FlaskClient:
    return create_app(content, config=LARGE).test_client()


def reader(client: FlaskClient) -> PartReader:
    def part(name: str) -> bytes:
        response = client.get(f"/sw-parts/{name}.json")
        assert response.status_code == 200 and response.mimetype == "application/json"
        return response.get_data()

    return part


def test_the_worker_does_not_grow_with_the_library(tmp_path: Path) -> None:
    """Doubling the cards and routines adds a few parts' names to sw.js, not a line per
    URL or per routine."""
    sizes = []
    for cards in (150, 300):
        client = client_for(generate(tmp_path / str(cards), cards, cards // 3, 1))
        source = client.get("/sw.js").get_data(as_text=True)
        assert "exercises/exercise-" not in source  # no card is in the shell
        assert "routines/routine-" not in source
        sizes.append(len(source))
    assert sizes[1] - sizes[0] < 200, sizes


def test_the_parts_list_every_url_once_where_the_worker_looks(tmp_path: Path) -> None:
    content = generate(tmp_path / "content", 200, 10, 2)
    client = client_for(content)
    source = client.get("/sw.js").get_data(as_text=True)
    part = reader(client)
    buckets = header(source, "BUCKETS")
    shell = precache_list(source)
    listed = [path for path, _ in header(source, "SHELL")]
    for number, name in enumerate(buckets):
        for path, revision in json.loads(part(name)):
            assert bucket_of(path, len(buckets)) == number, path
            assert len(revision) == 10
            listed.append(path)
    app = create_app(content, config=LARGE)
    expected = {p.removeprefix("/") or "./" for p in site_paths(app, exclude=NOT_PRECACHED)}
    assert sorted(listed) == sorted(expected)  # each URL once, shell or lookup part
    index = header(source, "GROUPS")
    for number, name in enumerate(index):
        for root, _ in json.loads(part(name)):
            assert bucket_of(root, len(index)) == number, root
    known = revisions(source, part)
    groups = follow_groups(source, part)
    assert set(groups) >= {"programs/program-0/", "routines/routine-0/"}
    for root, paths in groups.items():
        assert paths and set(paths) <= set(known) and not set(paths) & set(shell), root


def test_an_unknown_part_is_a_404(tmp_path: Path) -> None:
    client = client_for(generate(tmp_path / "content", 20, 2))
    for name in ("0123456789", "../sw", "%2e%2e", "x" * 300):
        assert client.get(f"/sw-parts/{name}.json").status_code == 404


def test_concurrent_first_requests_plan_the_worker_once(
    small_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a restart every client asks for sw.js at once: one thread renders the site
    for the worker's list, and the others wait for it instead of each rendering it too."""
    app = create_app(small_content)
    calls: list[int] = []
    everyone = threading.Event()
    real = pwa.fetch_through

    def counted(app: Flask) -> tuple[pwa.Revision, pwa.Size]:
        calls.append(1)
        if len(calls) == THREADS:
            everyone.set()
        everyone.wait(0.5)  # without the lock, every thread gets here first
        return real(app)

    monkeypatch.setattr(pwa, "fetch_through", counted)

    def ask() -> int:
        return app.test_client().get("/sw.js").status_code

    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(lambda _: ask(), range(THREADS)))
    assert statuses == [200] * THREADS and len(calls) == 1


@pytest.mark.parametrize(("limit", "whole", "asked"), [(250, False, 3), (10_000, True, 10)])
def test_sizes_are_asked_only_until_they_pass_the_whole_site_limit(
    limit: int, whole: bool, asked: int
) -> None:
    """The export looks each size up on disk: a large site's thousands, on every build."""
    paths = [f"/exercises/card-{n}/" for n in range(10)]
    sizes: list[str] = []

    def size(path: str) -> int:
        sizes.append(path)
        return 100

    pre = precache_of(
        [(p, "0123456789abcdef") for p in paths],
        shell=set(paths[:1]),
        groups={},
        size=size,
        everything_below=limit,
        relative=lambda p: p.lstrip("/"),
        source=SW_SOURCE,
    )
    assert len(sizes) == asked
    assert len(pre.shell) == (10 if whole else 1)
