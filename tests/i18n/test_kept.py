"""Compiled catalogues kept between processes: used while their .po is the same, never after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hipapp.i18n import catalogues
from hipapp.i18n.catalogues import keep_compiled_in, translations

PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Cues"\nmsgstr "{}"\n'
)


@pytest.fixture
def po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A German catalogue of one message, in place of the committed one."""
    path = tmp_path / "de.po"
    path.write_text(PO.format("Hinweise"), encoding="utf-8")
    monkeypatch.setattr(catalogues, "po_path", lambda lang: path)
    new_process()
    yield path
    keep_compiled_in(None)
    new_process()


def new_process() -> None:
    """Forget what this process compiled, as the next build's process would not know it."""
    translations.cache_clear()
    catalogues.read_catalogue.cache_clear()


def cues(kept: Path | None) -> str:
    new_process()
    keep_compiled_in(kept)
    return str(translations("de").gettext("Cues"))


def test_a_kept_catalogue_is_used_without_reading_the_po_again(
    po: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    assert cues(kept) == "Hinweise"
    assert [p.suffix for p in kept.iterdir()] == [".mo"]
    monkeypatch.setattr(catalogues, "_parse", None)  # so the .po can't be parsed again
    assert cues(kept) == "Hinweise"


def test_an_edited_po_is_compiled_again(po: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    assert cues(kept) == "Hinweise"
    po.write_text(PO.format("Tipps"), encoding="utf-8")
    assert cues(kept) == "Tipps"
    assert len(list(kept.iterdir())) == 2  # each entry named by what it was made from


def test_a_damaged_entry_is_compiled_again_and_replaced(po: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    cues(kept)
    (entry,) = kept.iterdir()
    entry.write_bytes(b"not a catalogue")
    assert cues(kept) == "Hinweise"
    assert entry.read_bytes() != b"not a catalogue"


def test_without_a_writable_folder_each_process_compiles_its_own(po: Path, tmp_path: Path) -> None:
    assert cues(None) == "Hinweise"
    assert cues(tmp_path / "missing") == "Hinweise"  # a folder it cannot write in
    assert not (tmp_path / "missing").exists()
