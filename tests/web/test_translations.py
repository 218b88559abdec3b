"""The templates' words and links, each looked up once per app: still right for every app."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hipapp import create_app

from ..conftest import ROUTINE, Write


def test_each_app_keeps_its_own_language(small_content: Path, tmp_path: Path) -> None:
    german = tmp_path / "german"
    shutil.copytree(small_content, german)
    (german / "site.yaml").write_text("name: Studio\nlang: de\n")
    apps = [create_app(small_content), create_app(german), create_app(small_content)]
    pages = [app.test_client().get("/routines/daily/").text for app in apps]
    assert "Start routine" in pages[0] and "Ablauf starten" not in pages[0]
    assert "Ablauf starten" in pages[1] and "Start routine" not in pages[1]
    assert pages[2] == pages[0]


def test_a_studio_phrase_is_text_not_markup(write: Write, small_content: Path) -> None:
    write("site.yaml", 'name: Studio\nphrases:\n  start_routine: "Los <b>geht\'s</b> & 100%"\n')
    page = create_app(small_content).test_client().get("/routines/daily/").text
    assert "Los &lt;b&gt;geht&#39;s&lt;/b&gt; &amp; 100%" in page
    assert "<b>" not in page


def test_a_message_with_values_escapes_them_and_keeps_its_own_markup(
    write: Write, small_content: Path
) -> None:
    write("exercises/stretch.md", "---\ntitle: Stretch <i>\nhold: 30s\npain_limit: 3\n---\n")
    page = create_app(small_content).test_client().get("/exercises/stretch/").text
    assert "Keep discomfort at 3/10 or below" in page
    assert "Stretch &lt;i&gt;" in page and "<i>" not in page


def test_links_follow_the_mount_point_the_page_was_asked_for(small_content: Path) -> None:
    """Built URLs are kept per mount point: one asked for under /a is never reused under /b."""
    client = create_app(small_content, config={"DELIVERY": False}).test_client()
    for mount in ("/a", "/b"):
        page = client.get("/routines/daily/", environ_overrides={"SCRIPT_NAME": mount}).text
        links = re.findall(r'href="([^"#]+)', page)
        assert "../../exercises/stretch/" in links
        assert not [link for link in links if "/a/" in link or "/b/" in link], links


@pytest.mark.parametrize(
    ("lang", "link"),
    [("en", "All 1,200 routines"), ("de", "Alle 1.200 Abläufe"), ("es", "Todas las 1200 rutinas")],
)
def test_counts_are_written_as_the_language_writes_numbers(
    write: Write, small_content: Path, lang: str, link: str
) -> None:
    """A count in a template's plural reads as the language writes numbers."""
    for n in range(1, 1200):
        write(f"routines/r{n:04}.md", ROUTINE)
    write("site.yaml", f"name: Studio\nlang: {lang}\n")
    home = create_app(small_content).test_client().get("/").text
    assert f'<a href="routines/">{link}</a>' in home
