"""The generated libraries (tests/library.py), and the same cards for other generators."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.library import generate  # noqa: E402

__all__ = ["generate", "mkdocs_project"]


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
