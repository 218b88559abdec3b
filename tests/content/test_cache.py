"""The parse cache: a reload parses only changed files, and says exactly what a fresh load says."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path

import pytest

from hipapp.content import cache as cache_module
from hipapp.content import load_catalogue
from hipapp.content import loader as loader_module
from hipapp.content.model import ExerciseStep
from hipapp.errors import ContentError

from ..conftest import Write
from ..support.calls import record_calls

CARD = "---\ntitle: {title}\nhold: 20s\n---\n## Cues\n- {cue}\n"
ROUTINE = "---\ntitle: Daily\nsteps: [alpha, beta]\n---\n"


@pytest.fixture
def library(write: Write) -> Path:
    write("exercises/alpha.md", CARD.format(title="Alpha", cue="Breathe"))
    write("exercises/beta.md", CARD.format(title="Beta", cue="Slowly"))
    return write("routines/daily.md", ROUTINE)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the loader parses itself, rather than taking from the cache."""
    return record_calls(monkeypatch, loader_module, "parse_text", 1)


def problems(root: Path, kept: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_catalogue(root, cache=kept)
    return [str(p) for p in info.value.problems]


def test_a_reload_parses_only_the_file_that_changed(
    library: Path, tmp_path: Path, parsed: list[str]
) -> None:
    kept = tmp_path / "kept"
    fresh, _ = load_catalogue(library, cache=kept)
    assert sorted(parsed) == [
        "content/exercises/alpha.md",
        "content/exercises/beta.md",
        "content/routines/daily.md",
    ]
    parsed.clear()
    again, _ = load_catalogue(library, cache=kept)
    assert parsed == [] and again == fresh
    # Same size, same second: only the bytes tell the edit apart.
    (library / "exercises/beta.md").write_text(CARD.format(title="Beta", cue="Gently"))
    edited, _ = load_catalogue(library, cache=kept)
    assert parsed == ["content/exercises/beta.md"]
    assert edited.exercises["beta"].cue == "Gently"
    assert edited == load_catalogue(library)[0]


def test_a_cached_file_with_an_error_reports_it_on_every_load(
    library: Path, tmp_path: Path, parsed: list[str]
) -> None:
    kept = tmp_path / "kept"
    (library / "exercises/beta.md").write_text("---\ntitle: [Beta\n---\n")
    (library / "exercises/alpha.md").write_text("---\ntitle: Alpha\nhold: long\n---\n")
    first = problems(library, kept)
    assert [p for p in first if "beta.md" in p] and [p for p in first if "alpha.md" in p]
    parsed.clear()
    assert problems(library, kept) == first
    assert parsed == []
    with pytest.raises(ContentError) as uncached:
        load_catalogue(library)
    assert [str(p) for p in uncached.value.problems] == first


def test_an_edit_that_breaks_a_card_is_reported(library: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    load_catalogue(library, cache=kept)
    (library / "exercises/alpha.md").write_text("---\ntitle: Alpha\nhold: long\n---\n")
    assert problems(library, kept) == [
        'content/exercises/alpha.md:3: hold: expected seconds like 30 or "45s", got "long"'
    ]


def test_a_deleted_card_is_missed_by_what_names_it(library: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    load_catalogue(library, cache=kept)
    (library / "exercises/beta.md").unlink()
    assert problems(library, kept) == ['content/routines/daily.md:3: steps[2]: unknown card "beta"']


@pytest.mark.parametrize(
    "data",
    [b"", b"not a pickle", pickle.dumps(("another version", {})), pickle.dumps([1, 2, 3])],
    ids=["empty", "garbage", "other-version", "other-shape"],
)
def test_a_cache_that_is_damaged_or_not_ours_is_ignored(
    library: Path, tmp_path: Path, parsed: list[str], data: bytes
) -> None:
    kept = tmp_path / "kept"
    fresh, _ = load_catalogue(library, cache=kept)
    (file,) = kept.glob("*.pickle")
    file.write_bytes(data)
    parsed.clear()
    assert load_catalogue(library, cache=kept)[0] == fresh
    assert len(parsed) == 3
    parsed.clear()
    load_catalogue(library, cache=kept)  # and it was written again, whole
    assert parsed == []


def test_a_cache_from_another_hipapp_is_not_used(
    library: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "kept"
    load_catalogue(library, cache=kept)
    monkeypatch.setattr(cache_module, "_version", lambda: "a newer hipapp")
    parsed.clear()
    load_catalogue(library, cache=kept)
    assert len(parsed) == 3


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    library: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go")
    assert load_catalogue(library, cache=blocked / "kept")[0] == load_catalogue(library)[0]


def test_a_kept_card_is_read_again_when_media_changes(write: Write, tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    root = write("exercises/alpha.md", "---\ntitle: Alpha\nhold: 20s\nimage: alpha.svg\n---\n")
    assert problems(root, kept) == [
        'content/exercises/alpha.md:4: image: no file "alpha.svg" in media/'
    ]
    write("media/alpha.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n')
    cat, _ = load_catalogue(root, cache=kept)
    assert cat.exercises["alpha"].image == "alpha.svg"


def test_an_edit_keeps_only_what_changed_until_that_is_a_tenth(
    write: Write, tmp_path: Path, parsed: list[str]
) -> None:
    kept = tmp_path / "kept"
    for n in range(20):
        write(f"exercises/card-{n}.md", CARD.format(title=f"Card {n}", cue="Breathe"))
    root = write()
    load_catalogue(root, cache=kept)
    (whole,) = kept.glob("*.pickle")
    written = whole.stat().st_mtime_ns
    (root / "exercises/card-3.md").write_text(CARD.format(title="Card three", cue="Slowly"))
    (root / "exercises/card-4.md").unlink()
    edited, _ = load_catalogue(root, cache=kept)
    assert whole.stat().st_mtime_ns == written
    assert sorted(p.name for p in kept.glob("*.pickle")) == [
        f"{whole.stem}.changes.pickle",
        whole.name,
    ]
    parsed.clear()
    again, _ = load_catalogue(root, cache=kept)
    assert parsed == [] and again == edited == load_catalogue(root)[0]
    assert "card-4" not in again.exercises
    # A third change passes a tenth of the twenty: the whole is written again.
    (root / "exercises/card-5.md").write_text(CARD.format(title="Card five", cue="Slowly"))
    load_catalogue(root, cache=kept)
    assert [p.name for p in kept.glob("*.pickle")] == [whole.name]
    parsed.clear()
    assert load_catalogue(root, cache=kept)[0] == load_catalogue(root)[0]
    assert len(parsed) == 19  # the uncached load only


@pytest.fixture
def routines_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The routines the loader reads from their fields, rather than taking from the cache."""
    return record_calls(monkeypatch, loader_module, "read_routine", 0)


def test_a_routine_is_kept_while_its_cards_dosages_stay(
    library: Path, tmp_path: Path, routines_read: list[str]
) -> None:
    kept = tmp_path / "kept"
    load_catalogue(library, cache=kept)
    assert routines_read == ["daily"]
    routines_read.clear()
    # A card's text and title show on the routine's pages, not in the routine itself.
    (library / "exercises/beta.md").write_text(CARD.format(title="Beta two", cue="Gently"))
    edited, _ = load_catalogue(library, cache=kept)
    assert routines_read == []
    assert edited == load_catalogue(library)[0]


def test_a_kept_routine_is_read_again_when_a_card_it_plays_changes_its_dosage(
    library: Path, tmp_path: Path, routines_read: list[str]
) -> None:
    kept = tmp_path / "kept"
    load_catalogue(library, cache=kept)
    routines_read.clear()
    (library / "exercises/beta.md").write_text(
        CARD.format(title="Beta", cue="Slowly").replace("20s", "45s")
    )
    edited, _ = load_catalogue(library, cache=kept)
    assert routines_read == ["daily"]
    step = edited.routines["daily"].steps[1]
    assert isinstance(step, ExerciseStep) and step.dosage.hold == 45
    assert edited == load_catalogue(library)[0]


def test_a_kept_object_carries_its_hash_of_what_other_pages_show(
    library: Path, tmp_path: Path
) -> None:
    kept = tmp_path / "kept"
    first = load_catalogue(library, cache=kept)[0].exercises["beta"].shown
    again = load_catalogue(library, cache=kept)[0]
    assert again.exercises["beta"].__dict__["shown"] == first  # not worked out again
    assert (
        again.routines["daily"].__dict__["shown"]
        == load_catalogue(library)[0].routines["daily"].shown
    )
    # Its text shows on its own page only (but its first cue on the player too); its
    # title on every page that lists it.
    more = CARD.format(title="Beta", cue="Slowly") + "\nHold it.\n"
    (library / "exercises/beta.md").write_text(more)
    assert load_catalogue(library, cache=kept)[0].exercises["beta"].shown == first
    (library / "exercises/beta.md").write_text(more.replace("Beta", "Beta two"))
    assert load_catalogue(library, cache=kept)[0].exercises["beta"].shown != first


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The content files whose bytes the loader reads."""
    return record_calls(monkeypatch, loader_module, "read_bytes", 1)


def later(monkeypatch: pytest.MonkeyPatch, seconds: int) -> None:
    """Load as if ``seconds`` had passed since the files were last written."""
    monkeypatch.setattr(loader_module, "clock", lambda: time.time_ns() + seconds * 10**9)


def test_a_file_untouched_since_it_was_read_is_not_read_again(
    library: Path, tmp_path: Path, read: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "kept"
    load_catalogue(library, cache=kept)
    later(monkeypatch, 10)
    load_catalogue(library, cache=kept)  # now sure that nothing was written since
    assert len(read) == 6
    read.clear()
    fresh, _ = load_catalogue(library, cache=kept)
    assert read == [] and fresh == load_catalogue(library)[0]
    # The same size, and the times set back: the change time still tells.
    beta = library / "exercises/beta.md"
    before = beta.stat()
    beta.write_text(CARD.format(title="Beta", cue="Gently"))
    os.utime(beta, ns=(before.st_atime_ns, before.st_mtime_ns))
    read.clear()
    edited, _ = load_catalogue(library, cache=kept)
    assert read == ["content/exercises/beta.md"]
    assert edited.exercises["beta"].cue == "Gently"


def test_a_file_written_just_before_a_load_is_read_on_every_load(
    library: Path, tmp_path: Path, read: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Within the clock's granularity of a read, a write can leave the same status: only
    # the bytes are sure.
    kept = tmp_path / "kept"
    later(monkeypatch, 3)  # FAT keeps times to two seconds
    load_catalogue(library, cache=kept)
    read.clear()
    load_catalogue(library, cache=kept)
    assert sorted(read) == [
        "content/exercises/alpha.md",
        "content/exercises/beta.md",
        "content/routines/daily.md",
    ]


def test_what_is_kept_for_a_deleted_content_folder_goes(write: Write, tmp_path: Path) -> None:
    """A bench's or a test's library is megabytes kept at studio scale: once its folder
    is gone, the next library written removes it."""
    kept = tmp_path / "kept"
    other = tmp_path / "other"
    shutil.copytree(write("exercises/alpha.md", CARD.format(title="Alpha", cue="Breathe")), other)
    load_catalogue(other, cache=kept)
    load_catalogue(write(), cache=kept)
    assert len(list(kept.glob("*.pickle"))) == 2
    shutil.rmtree(other)
    (write() / "exercises/alpha.md").write_text(CARD.format(title="Alpha", cue="Slowly"))
    load_catalogue(write(), cache=kept)  # a whole file written again
    (mine,) = kept.glob("*.pickle")
    assert sorted(p.name for p in kept.iterdir()) == [mine.name, f"{mine.stem}.root"]
    parsed, _ = load_catalogue(write(), cache=kept)
    assert parsed.exercises["alpha"].cue == "Slowly"


def test_what_an_older_hipapp_kept_without_its_folder_goes(write: Write, tmp_path: Path) -> None:
    """Whole files written before each named its content folder would never be read, nor
    removed: the next whole file written removes them (a changes file with them)."""
    kept = tmp_path / "kept"
    kept.mkdir()
    for name in ("0123456789abcdef.pickle", "0123456789abcdef.changes.pickle"):
        (kept / name).write_bytes(b"old")
    load_catalogue(write("exercises/alpha.md", CARD.format(title="Alpha", cue="Go")), cache=kept)
    (mine,) = kept.glob("*.pickle")
    assert sorted(p.name for p in kept.iterdir()) == [mine.name, f"{mine.stem}.root"]
