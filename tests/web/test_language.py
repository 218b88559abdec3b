"""Pages in the site's language: every word the app adds comes from the catalogue."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask

from hipapp import create_app
from hipapp.web.filters import NBSP
from hipapp.web.sitemap import site_paths

from ..support.language_content import write_content

INNERMOST = re.compile(r"⟦[^⟦⟧]*⟧|«[^«»]*»")
# What may stand outside the catalogue: numbers, clocks, dates, punctuation, the e-mail
# address the studio gave, and the ⟦⟧ of wrapped text that holds «content».
NEUTRAL = re.compile(r"https?://\S+|[\s\d:.,·×/()\-–+%⟦⟧«»…]+|hello@example\.org")
READ_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder", "label")


class Texts(HTMLParser):
    """The text a person can read or hear on a page: text nodes and labelling attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        names = READ_ATTRIBUTES + (("content",) if ("name", "description") in attrs else ())
        self.texts += [v for k, v in attrs if k in names and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip and data.strip():
            self.texts.append(data)


def unwrapped(text: str) -> str:
    """``text`` without its ⟦wrapped⟧ and «marked» parts, however deeply they nest."""
    while (shorter := INNERMOST.sub(" ", text)) != text:
        text = shorter
    return NEUTRAL.sub(" ", text).strip()


def leftovers(html: str) -> list[str]:
    """Text on the page that is neither wrapped by the pseudo-locale nor the studio's.

    The texts are joined first: a message with markup in it (``About <strong>…</strong>``)
    spans several text nodes.
    """
    parser = Texts()
    parser.feed(html)
    return unwrapped("\n".join(parser.texts)).split()


@pytest.fixture(scope="module")
def pseudo_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    return create_app(write_content(tmp_path_factory.mktemp("xx"), "xx"))


def test_every_page_in_the_pseudo_locale_takes_its_words_from_the_catalogue(
    pseudo_app: Flask,
) -> None:
    client = pseudo_app.test_client()
    pages = [p for p in site_paths(pseudo_app) if p.endswith("/")] + ["/404.html", "/nowhere/"]
    found = {}
    for path in pages:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        if left := leftovers(response.get_data(as_text=True)):
            found[path] = left
    assert found == {}


def test_the_manifest_is_in_the_language(pseudo_app: Flask) -> None:
    manifest = json.loads(pseudo_app.test_client().get("/manifest.webmanifest").data)
    assert manifest["lang"] == "xx"
    labels = [s["label"] for s in manifest["screenshots"]]
    labels += [s["description"] for s in manifest["shortcuts"]]
    assert all(leftovers(f"<p>{label}</p>") == [] for label in labels), labels


def test_counts_take_the_plural_the_number_needs(tmp_path: Path) -> None:
    client = create_app(write_content(tmp_path, "en")).test_client()
    html = client.get("/").get_data(as_text=True)
    assert "4 steps" in html and "1 step<" in html and "1 steps" not in html
    assert "14 days" in client.get("/programs/plan/").get_data(as_text=True)


# What each language says where English says "Left side"… on the server's pages.
SAID = {
    "de": ("Tag 3 von 14", "2 × 3 Wiederholungen, 5 Sek. Pause zwischen den Sätzen", "Ruhetag"),
    "es": ("Día 3 de 14", "2 × 3 repeticiones, 5 s de descanso entre series", "Día de descanso"),
    "fr": ("Jour 3 sur 14", "2 × 3 répétitions, 5 s de repos entre les séries", "Jour de repos"),
}
ENGLISH = ("each side", "Rest day", "steps", "Start routine", "Back to", "Exercises", "About")


@pytest.mark.parametrize("lang", sorted(SAID))
def test_pages_speak_the_sites_language(lang: str, tmp_path: Path) -> None:
    app = create_app(write_content(tmp_path, lang))
    client = app.test_client()
    day, dosage, rest = SAID[lang]
    assert f"{day} · «Daily»" in client.get("/programs/plan/day/3/").get_data(as_text=True)
    assert dosage in client.get("/exercises/bridge/").get_data(as_text=True).replace(NBSP, " ")
    assert rest in client.get("/programs/plan/").get_data(as_text=True).replace(NBSP, " ")
    for path in [p for p in site_paths(app) if p.endswith("/")] + ["/404.html"]:
        html = client.get(path).get_data(as_text=True)
        assert f'<html lang="{lang}">' in html
        parser = Texts()
        parser.feed(html)
        text = re.sub("«[^»]*»", "", "\n".join(parser.texts))  # the studio's words
        assert [w for w in ENGLISH if re.search(rf"\b{w}\b", text)] == [], path
    assert json.loads(client.get("/manifest.webmanifest").data)["lang"] == lang


def test_a_cue_heading_in_the_sites_language_gives_the_player_its_cue(tmp_path: Path) -> None:
    root = write_content(tmp_path, "de")
    (root / "exercises/count.md").write_text(
        "---\ntitle: Zählen\nreps: 2\n---\n## Hinweise\n- Langsam ausatmen.\n", encoding="utf-8"
    )
    assert create_app(root).extensions["hipapp"].exercises["count"].cue == "Langsam ausatmen."
