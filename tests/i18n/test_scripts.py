"""The scripts' messages: found in their source, sent in the page's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hipapp.i18n import scripts, words_for
from hipapp.i18n.scripts import plural_categories, script_messages, strings


def test_messages_are_found_in_the_scripts_source(tmp_path: Path) -> None:
    a, b = tmp_path / "a.js", tmp_path / "b.js"
    a.write_text('show(t("Rest"));\nsay(nt("{n} day", "{n} days", n));\n', encoding="utf-8")
    b.write_text('el.textContent = `${t("Rest day")} ${t("Rest")}`;\n', encoding="utf-8")
    assert script_messages([a, b]) == ("Rest", ("{n} day", "{n} days"), "Rest day")


def test_what_a_script_asks_for_is_kept_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, kept = tmp_path / "a.js", tmp_path / "kept"
    kept.mkdir()
    script.write_text('say(nt("{n} day", "{n} days", n)); show(t("Rest"));\n', encoding="utf-8")
    first = script_messages([script], kept)
    assert first == (("{n} day", "{n} days"), "Rest")
    (file,) = kept.iterdir()
    scripts._file_messages.cache_clear()  # as a new process would
    monkeypatch.setattr(scripts, "extract", None)  # so the lexer can't be asked again
    assert script_messages([script], kept) == first
    file.write_text("{not json")  # a damaged file is lexed again, and replaced
    scripts._file_messages.cache_clear()
    monkeypatch.undo()
    assert script_messages([script], kept) == first
    assert json.loads(file.read_text()) == [["{n} day", "{n} days"], "Rest"]


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
