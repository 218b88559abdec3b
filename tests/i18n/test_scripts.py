"""The scripts' messages: found in their source, sent in the page's language."""

from __future__ import annotations

from pathlib import Path

from hipapp.i18n import words_for
from hipapp.i18n.scripts import plural_categories, script_messages, strings


def test_messages_are_found_in_the_scripts_source(tmp_path: Path) -> None:
    a, b = tmp_path / "a.js", tmp_path / "b.js"
    a.write_text('show(t("Rest"));\nsay(nt("{n} day", "{n} days", n));\n', encoding="utf-8")
    b.write_text('el.textContent = `${t("Rest day")} ${t("Rest")}`;\n', encoding="utf-8")
    assert script_messages([a, b]) == ("Rest", ("{n} day", "{n} days"), "Rest day")


def test_a_page_carries_only_what_reads_differently() -> None:
    de = strings(words_for("de"), ["Rest", "Rest day", ("%(num)s day", "%(num)s days")])
    assert de == {
        "Rest": "Pause",
        "Rest day": "Ruhetag",
        "%(num)s day": ["%(num)s Tag", "%(num)s Tage"],
        "": ["one", "other"],
    }
    assert strings(words_for("en"), ["Rest", ("%(num)s day", "%(num)s days")]) == {}


def test_plural_forms_follow_the_catalogues_order() -> None:
    assert plural_categories(words_for("fr").locale) == ["one", "many", "other"]
    assert plural_categories(words_for("de").locale) == ["one", "other"]
