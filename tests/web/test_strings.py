"""The page's strings table: its scripts' words in the site's language, and only those."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hipapp import create_app
from hipapp.build.export import build
from hipapp.web.sitemap import site_paths

from ..support.language_content import write_content

TABLE = re.compile(r'<script type="application/json" id="strings">(.*?)</script>', re.S)


def table(html: str) -> dict[str, Any] | None:
    found = TABLE.findall(html)
    assert len(found) <= 1
    return json.loads(found[0]) if found else None


def test_a_german_page_carries_its_scripts_words_in_german(tmp_path: Path) -> None:
    client = create_app(write_content(tmp_path, "de")).test_client()
    player = table(client.get("/routines/daily/play/").get_data(as_text=True))
    assert player is not None
    assert player["Switch sides"] == "Seite wechseln"
    assert player["Get ready"] == "Mach dich bereit"
    assert player[""] == ["one", "other"]
    history = table(client.get("/history/").get_data(as_text=True))
    assert history is not None
    assert history["Downloaded {n} session as {format}."] == [
        "{n} Einheit als {format} heruntergeladen.",
        "{n} Einheiten als {format} heruntergeladen.",
    ]
    # Each page carries the words of the scripts it loads, not the player's everywhere.
    assert "Switch sides" not in history
    assert "Downloaded {n} session as {format}." not in player


def test_every_page_in_a_language_has_a_table_and_an_english_one_has_none(
    tmp_path: Path,
) -> None:
    for lang in ("en", "fr"):
        app = create_app(write_content(tmp_path / lang, lang))
        client = app.test_client()
        for path in [p for p in site_paths(app) if p.endswith("/")] + ["/404.html"]:
            found = table(client.get(path).get_data(as_text=True))
            assert (found is None) == (lang == "en"), (lang, path)


def test_french_plurals_name_three_forms_in_the_catalogues_order(tmp_path: Path) -> None:
    client = create_app(write_content(tmp_path, "fr")).test_client()
    found = table(client.get("/history/").get_data(as_text=True))
    assert found is not None
    assert found[""] == ["one", "many", "other"]
    assert all(len(v) == 3 for v in found.values() if isinstance(v, list) and v is not found[""])


def test_the_studios_phrases_reach_the_scripts_and_cannot_end_the_element(
    tmp_path: Path,
) -> None:
    hostile = "Ready </script><script>alert(1)</script> & <!--"
    extra = f"phrases:\n  rest: {json.dumps(hostile)}\n"
    client = create_app(write_content(tmp_path, "en", extra)).test_client()
    html = client.get("/routines/daily/play/").get_data(as_text=True)
    assert html.count("</script>") == html.count("<script")
    assert "<!--" not in html.split('id="strings">')[1]
    found = table(html)
    assert found == {"Rest": hostile}


def test_each_exported_page_carries_the_same_words_as_the_servers(tmp_path: Path) -> None:
    """Bug: the export renders every page in one app context, and each page's table
    gathered the scripts of every page rendered before it (the player's on a card page)."""
    content = write_content(tmp_path / "content", "de")
    build(content, tmp_path / "site")
    app = create_app(content)
    client = app.test_client()
    pages = [p for p in site_paths(app) if p.endswith("/")]
    assert len(pages) > 10
    for path in pages:
        exported = (tmp_path / "site" / path.lstrip("/") / "index.html").read_text("utf-8")
        assert table(exported) == table(client.get(path).get_data(as_text=True)), path
