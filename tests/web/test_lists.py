"""The lists of routines and programs: where a link cut short at /routines/ or /programs/
lands, instead of the page-not-found page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.build.export import build

from ..conftest import CARD, Write
from ..support.library import generate
from ..support.pwa_helpers import PartReader, precache_list, revisions


def tiles(html: str) -> dict[str, str]:
    """Each tile's link and the title it shows."""
    return dict(re.findall(r'<a class="tile" href="([^"]+)"><strong>([^<]+)</strong>', html))


@pytest.mark.parametrize(
    ("folder", "heading"), [("routines", "Routines"), ("programs", "Programs")]
)
def test_a_list_shows_what_the_home_page_does_by_title(
    client: FlaskClient, folder: str, heading: str
) -> None:
    page = client.get(f"/{folder}/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f"<title>{heading} · " in html and f"<h1>{heading}</h1>" in html
    listed = tiles(html)
    home = tiles(client.get("/").get_data(as_text=True))
    # The same tiles as the home page, by title, each link relative to the list's folder.
    assert listed == {
        link.removeprefix(f"{folder}/"): title
        for link, title in home.items()
        if link.startswith(f"{folder}/")
    }
    for link in listed:
        assert client.get(f"/{folder}/{link}").status_code == 200, link


def test_a_library_without_programs_says_how_to_add_one(small_client: FlaskClient) -> None:
    html = small_client.get("/programs/").get_data(as_text=True)
    assert "No programs yet. Add a file to <code>programs/</code>" in html
    assert tiles(html) == {}


def test_the_lists_speak_the_studios_language(write: Write) -> None:
    write("exercises/stretch.md", CARD.format(title="Dehnung"))
    write("site.yaml", "name: Studio\nlang: de\n")
    client = create_app(write()).test_client()
    assert "<h1>Programme</h1>" in client.get("/programs/").get_data(as_text=True)
    assert "Noch keine Programme" in client.get("/programs/").get_data(as_text=True)


def test_the_export_writes_both_lists(small_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    files = build(small_content, out)
    assert {"routines/index.html", "programs/index.html"} <= set(files)


def test_a_phone_stores_the_lists_only_once_it_opens_them(tmp_path: Path) -> None:
    """The home page lists the same: a client following one program does not download
    every routine's tile twice on install, but the lists still open offline once seen."""
    client = create_app(
        generate(tmp_path / "c", 150, 30, 2), config={"PRECACHE_ALL_BELOW": 0}
    ).test_client()
    source = client.get("/sw.js").get_data(as_text=True)
    shell = precache_list(source)
    assert "./" in shell and "routines/" not in shell and "programs/" not in shell

    def part(name: str) -> bytes:
        return client.get(f"/sw-parts/{name}.json").get_data()

    reader: PartReader = part
    assert {"routines/", "programs/"} <= set(revisions(source, reader))
