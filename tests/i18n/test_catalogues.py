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
from hipapp.i18n.scripts import plural_categories
from hipapp.paths import ROOT

# The same extraction as `make messages`.
EXTRACT = ["-F", "babel.cfg", "-k", "t", "-k", "nt:1,2", "--sort-output"]
LANGUAGES = (
    "en",
    "de",
    "es",
    "fr",
)  # every language the studio can choose, with a complete catalogue
# Python's %(name)s, and the scripts' {name} (static/js/shared/i18n.js).
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")
# A plural form may say its number in words ("one day", "un jour"), so may leave it out.
COUNTS = {"%(num)s", "{n}"}


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
        plural = isinstance(message.id, tuple)
        forms = message.string if plural else (message.string,)
        sources = message.id if plural else (message.id,)
        known = {p for source in sources for p in PLACEHOLDER.findall(source)}
        expected = known - COUNTS if plural else known
        for form in forms:
            assert form, f"{lang}: {message.id!r} is not translated"
            found = set(PLACEHOLDER.findall(form))
            assert expected <= found, f"{lang}: {message.id!r} lost {expected - found}"
            # A placeholder the code does not fill would be shown as written: "{nom}".
            assert found <= known, f"{lang}: {message.id!r} has unknown {found - known}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_are_one_per_category_the_browser_names(lang: str) -> None:
    """The scripts pick msgstr[i] by the index of Intl.PluralRules' category in the list
    hipapp/i18n/scripts.py sends, so a catalogue must have exactly one form for each."""
    categories = plural_categories(words_for(lang).locale)
    for message in read(po_path(lang)):
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == len(categories), f"{lang}: {message.id!r}"


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
