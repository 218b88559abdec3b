"""Generate a synthetic content library of any size, for build and server benchmarks."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

WORDS = (
    "hip knee spine glute breathe slow steady hold press lift lower rotate reach sit stand kneel "
    "brace relax exhale tall long soft strong calm balance control range"
).split()


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def card_text(i: int, rng: random.Random) -> str:
    dose = f"hold: {rng.choice([20, 30, 45])}s" if i % 2 else f"reps: {rng.choice([8, 10, 12])}"
    steps = "\n".join(f"{n}. {sentence(rng)}" for n in range(1, 6))
    cues = "\n".join(f"- {sentence(rng, 6)}" for _ in range(3))
    mistakes = "\n".join(f"- {sentence(rng, 10)}" for _ in range(3))
    return (
        f"---\ntitle: Exercise {i}\nsummary: {sentence(rng, 8)}\n{dose}\n"
        f"sides: {'both' if i % 3 else 'none'}\nsets: {1 + i % 3}\nrest: 15s\n"
        f"targets: [hips, glutes]\nequipment: [mat]\n---\n"
        f"## How to do it\n{steps}\n\n## Cues\n{cues}\n\n## Common mistakes\n{mistakes}\n\n"
        f"## Comfort check\n{sentence(rng, 30)}\n"
    )


def generate(root: Path, cards: int, routines: int, seed: int = 1) -> Path:
    """Write ``cards`` exercise cards and ``routines`` routines of 8 steps under ``root``."""
    rng = random.Random(seed)
    shutil.rmtree(root, ignore_errors=True)
    (root / "exercises").mkdir(parents=True)
    (root / "routines").mkdir()
    (root / "site.yaml").write_text("name: Bench Studio\nshort_name: Bench\n")
    for i in range(cards):
        (root / "exercises" / f"exercise-{i}.md").write_text(card_text(i, rng))
    for r in range(routines):
        picks = [f"exercise-{rng.randrange(cards)}" for _ in range(8)]
        steps = "\n".join(f"  - {p}" for p in picks)
        (root / "routines" / f"routine-{r}.md").write_text(
            f"---\ntitle: Routine {r}\nsummary: {sentence(rng, 8)}\nsteps:\n{steps}\n"
            f"  - rest: 30s\n---\n{sentence(rng, 40)}\n"
        )
    return root


def mkdocs_project(content: Path, root: Path) -> Path:
    """The same cards as a plain MkDocs site (one page per card), for the comparison."""
    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Bench Studio\n")
    (docs / "index.md").write_text("# Bench Studio\n")
    for card in sorted((content / "exercises").glob("*.md")):
        body = card.read_text().split("---\n", 2)[2]
        (docs / card.name).write_text(f"# {card.stem}\n\n{body}")
    return root
