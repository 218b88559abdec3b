"""Generate a synthetic content library of any size: for scale tests and the benchmarks."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

WORDS = (
    "hip knee spine glute breathe slow steady hold press lift lower rotate reach sit stand kneel "
    "brace relax exhale tall long soft strong calm balance control range"
).split()

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80" role="img">'
    '<rect width="120" height="80" fill="#eef"/><circle cx="{x}" cy="40" r="18" fill="#1f6f5c"/>'
    "</svg>\n"
)


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def card_text(i: int, rng: random.Random, image: bool) -> str:
    dose = f"hold: {rng.choice([20, 30, 45])}s" if i % 2 else f"reps: {rng.choice([8, 10, 12])}"
    steps = "\n".join(f"{n}. {sentence(rng)}" for n in range(1, 6))
    cues = "\n".join(f"- {sentence(rng, 6)}" for _ in range(3))
    mistakes = "\n".join(f"- {sentence(rng, 10)}" for _ in range(3))
    picture = f"image: exercise-{i}.svg\nimage_alt: Exercise {i}, drawn.\n" if image else ""
    return (
        f"---\ntitle: Exercise {i}\nsummary: {sentence(rng, 8)}\n{dose}\n"
        f"sides: {'both' if i % 3 else 'none'}\nsets: {1 + i % 3}\nrest: 15s\n"
        f"targets: [hips, glutes]\nequipment: [mat]\n{picture}---\n"
        f"## How to do it\n{steps}\n\n## Cues\n{cues}\n\n## Common mistakes\n{mistakes}\n\n"
        f"## Comfort check\n{sentence(rng, 30)}\n"
    )


def generate(
    root: Path,
    cards: int,
    routines: int,
    programs: int = 0,
    *,
    images: bool = False,
    seed: int = 1,
) -> Path:
    """Write ``cards`` cards, ``routines`` routines of 8 steps and ``programs`` four-week
    programs (each of 3 routines and rest days) under ``root``; return ``root``."""
    rng = random.Random(seed)
    shutil.rmtree(root, ignore_errors=True)
    (root / "exercises").mkdir(parents=True)
    (root / "routines").mkdir()
    (root / "site.yaml").write_text("name: Bench Studio\nshort_name: Bench\n")
    if images:
        (root / "media").mkdir()
    for i in range(cards):
        (root / "exercises" / f"exercise-{i}.md").write_text(card_text(i, rng, images))
        if images:
            (root / "media" / f"exercise-{i}.svg").write_text(SVG.format(x=20 + i % 80))
    for r in range(routines):
        picks = [f"exercise-{rng.randrange(cards)}" for _ in range(8)]
        steps = "\n".join(f"  - {p}" for p in picks)
        (root / "routines" / f"routine-{r}.md").write_text(
            f"---\ntitle: Routine {r}\nsummary: {sentence(rng, 8)}\nsteps:\n{steps}\n"
            f"  - rest: 30s\n---\n{sentence(rng, 40)}\n"
        )
    if programs:
        (root / "programs").mkdir()
    for p in range(programs):
        a, b, c = (f"routine-{rng.randrange(routines)}" for _ in range(3))
        (root / "programs" / f"program-{p}.md").write_text(
            f"---\ntitle: Program {p}\nsummary: {sentence(rng, 8)}\n"
            f"days: [{a}, {b}, rest, {c}, {a}, rest, rest]\nrepeat: 4\n"
            f"progression:\n  - from_week: 3\n    hold: +5s\n---\n{sentence(rng, 30)}\n"
        )
    return root
