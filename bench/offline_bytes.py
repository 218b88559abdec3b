"""What a client's phone downloads: first visit for one program, and an update after an edit.

Run: .venv/bin/python bench/offline_bytes.py

On the generated 1,000 cards (200 routines, 5 programs, a picture per card), exported by
``hipapp build``, read from the worker's own header (hipapp/pwa/precache.py) which URLs a
phone stores: a client who opens one program's link gets the shell and that program. The
whole site is what the worker stored for everyone before. Then one card that program
plays is edited and the site rebuilt: the update is sw.js plus each stored URL whose
revision changed (the worker copies the rest from its old cache; the browser test
tests/browser/test_pwa_follow.py checks that it really fetches nothing else). Bytes are
what a host sends: a bundle's .gz twin, and text compressed as it is served (gzip at
level 6).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, print_table  # noqa: E402
from library import generate  # noqa: E402

from hipapp.build.export import build  # noqa: E402


def header(source: str, name: str) -> list:  # type: ignore[type-arg]
    match = re.search(rf"^const {name} = (\[.*?\]);$", source, re.S | re.M)
    assert match, name
    found: list = json.loads(match[1])  # type: ignore[type-arg]
    return found


def wire(out: Path, path: str) -> int:
    """Bytes sent for one URL: its .gz twin if there is one, text gzipped, else the file."""
    rel = path.removeprefix("./")
    name = out / (rel + "index.html" if not rel or rel.endswith("/") else rel)
    twin = name.with_name(name.name + ".gz")
    if twin.is_file():
        return twin.stat().st_size
    data = name.read_bytes()
    return len(gzip.compress(data, 6)) if name.suffix in TEXT and len(data) >= 512 else len(data)


TEXT = {".html", ".css", ".js", ".svg", ".json", ".webmanifest", ".txt", ".xml"}


def plan(out: Path, program: str) -> tuple[dict[str, str], set[str], set[str]]:
    """Every URL's revision, what a client of ``program`` stores, and the worker's parts
    that client reads (hipapp/pwa/precache.py): the program's own, and the index part
    that names it."""
    source = (out / "sw.js").read_text()
    part = lambda name: json.loads((out / "sw-parts" / f"{name}.json").read_text())  # noqa: E731
    files = dict(header(source, "SHELL"))
    for name in header(source, "BUCKETS"):
        files.update(part(name))
    stored = {path for path, _ in header(source, "SHELL")}
    parts = set()
    for index in header(source, "GROUPS"):
        for root, name in part(index):
            if root == f"programs/{program}/":
                stored |= {path for path, _ in part(name)}
                parts |= {f"sw-parts/{name}.json", f"sw-parts/{index}.json"}
    return files, stored, parts


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        content = generate(base / "content", 1000, 200, 5, images=True)
        out = base / "out"
        build(content, out)
        before, stored, parts = plan(out, "program-0")
        whole = sum(wire(out, p) for p in before)
        first = sum(wire(out, p) for p in stored | parts) + wire(out, "sw.js")
        card = sorted(p for p in stored if p.startswith("exercises/exercise-"))[0]
        source = content / "exercises" / f"{card.split('/')[1]}.md"
        source.write_text(source.read_text().replace("## Cues", "## Cues\n- A new cue.", 1))
        build(content, out)
        after, kept, new_parts = plan(out, "program-0")
        changed = {p for p in kept if after.get(p) != before.get(p)} | (new_parts - parts)
        update = sum(wire(out, p) for p in changed) + wire(out, "sw.js")
    print(
        f"whole site {whole / 1024:,.0f} KiB in {len(before)} URLs; one program's client "
        f"{first / 1024:,.0f} KiB in {len(stored) + 1}; update after editing {card}: "
        f"{update / 1024:,.0f} KiB in {len(changed) + 1} URLs"
    )
    return [
        Row("offline: first visit, one program / whole site", 100 * first / whole, "%", 25.0),
        Row("offline: update after a one-card edit / first visit", 100 * update / first, "%", 10),
    ]


if __name__ == "__main__":
    print_table(run())
