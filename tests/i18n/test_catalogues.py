"""The gettext catalogues: complete, current, and consistent with the code's text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from hipapp.i18n import languages, words_for
from hipapp.i18n.catalogues import po_path, template_path
from hipapp.i18n.phrases import PHRASES
from hipapp.paths import ROOT

# The same extraction as `make messages`.
EXTRACT = ["-F", "babel.cfg", "-k", "t", "-k", "nt:1,2", "--sort-output"]
LANGUAGES = (
    "en",
    "de",
    "es",
    "fr",
)  # every language the studio can choose, with a complete catalogue
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def ids(catalog: Catalog) -> set[object]:
    return {m.id for m in catalog if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", *EXTRACT, "-o", str(out), str(ROOT)])
    return read(out)


def test_the_committed_template_matches_the_code(extracted: Catalog) -> None:
    committed = ids(read(template_path()))
    missing, stale = ids(extracted) - committed, committed - ids(extracted)
    assert not missing and not stale, (
        f"run `make messages`: missing {sorted(map(str, missing))}, stale {sorted(map(str, stale))}"
    )


def test_every_language_has_a_catalogue() -> None:
    assert set(LANGUAGES) <= set(languages())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalogue_has_every_message_and_no_stale_one(lang: str, extracted: Catalog) -> None:
    catalog = read(po_path(lang))
    have = ids(catalog)
    assert ids(extracted) - have == set(), f"{lang}: run `make messages` and translate"
    assert have - ids(extracted) == set(), f"{lang}: stale entries; run `make messages`"
    assert [m.id for m in catalog if m.id and m.fuzzy] == [], f"{lang}: fuzzy entries"
    assert not catalog.obsolete, f"{lang}: obsolete entries"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_each_translation_is_written_and_keeps_its_placeholders(lang: str) -> None:
    for message in read(po_path(lang)):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        expected = set(PLACEHOLDER.findall(source)) - {"%(num)s"}
        for form in forms:
            assert form, f"{lang}: {message.id!r} is not translated"
            assert expected <= set(PLACEHOLDER.findall(form)), f"{lang}: {message.id!r}"


def test_plurals_follow_the_language() -> None:
    en = words_for("en")
    assert en.ngettext("%(num)s step", "%(num)s steps", 1) == "1 step"
    assert en.ngettext("%(num)s step", "%(num)s steps", 2) == "2 steps"


def test_the_pseudo_locale_wraps_every_message() -> None:
    xx = words_for("xx")
    assert xx.gettext("Rest day") == "⟦Rest day⟧"
    assert xx.ngettext("%(num)s step", "%(num)s steps", 3) == "⟦3 steps⟧"
    assert xx.duration(90) == "⟦1 min 30 s⟧"


def test_a_language_without_a_catalogue_reads_english() -> None:
    words = words_for("pt-BR")
    assert (words.lang, words.catalogue, words.gettext("Rest day")) == ("pt-BR", "en", "Rest day")


def test_every_phrase_key_names_a_message_of_the_catalogue() -> None:
    assert set(PHRASES.values()) - ids(read(template_path())) == set()
