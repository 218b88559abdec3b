"""site.yaml's language fields: ``lang`` has a catalogue, ``phrases`` uses known keys."""

from __future__ import annotations

from pathlib import Path

from hipapp import create_app
from hipapp.content import load_catalogue

from ..conftest import Write

SITE = """\
name: Studio
lang: {lang}
phrases:
  start_routine: Los <geht's>
  sesion_complete: Super
"""


def test_unknown_phrase_keys_warn_with_a_suggestion(small_content: Path, write: Write) -> None:
    write("site.yaml", SITE.format(lang="de"))
    cat, warnings = load_catalogue(small_content)
    assert [str(w) for w in warnings] == [
        "content/site.yaml:5: warning: phrases.sesion_complete: unknown phrase "
        '(did you mean "session_complete"?)'
    ]
    assert cat.site.phrases == {"start_routine": "Los <geht's>"}


def test_a_language_without_a_catalogue_warns(small_content: Path, write: Write) -> None:
    write("site.yaml", "name: Studio\nlang: pt-BR\n")
    _, warnings = load_catalogue(small_content)
    assert [str(w) for w in warnings] == [
        'content/site.yaml:2: warning: lang: no catalogue for "pt-BR", so the app\'s words are '
        "English (have: de, en, es, fr); see Languages in the README to add one"
    ]


def test_the_studios_phrase_replaces_the_catalogues_and_is_escaped(
    small_content: Path, write: Write
) -> None:
    write("site.yaml", SITE.format(lang="de"))
    html = create_app(small_content).test_client().get("/routines/daily/").get_data(as_text=True)
    assert "Los &lt;geht&#39;s&gt;</a>" in html
    assert "Ablauf starten" not in html and "Start routine" not in html
