"""The generated libraries (tests/library.py), and the same cards for other generators."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.library import generate  # noqa: E402

__all__ = ["generate", "hugo_project", "mkdocs_project"]


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


def hugo_project(content: Path, root: Path) -> Path:
    """The same cards as a plain Hugo site (one content page per card), for the comparison."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "content").mkdir(parents=True)
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (root / "config.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Bench Studio"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    )
    page = "<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}\n"
    (layouts / "single.html").write_text(page)
    (layouts / "list.html").write_text(
        "<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}"
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n'
    )
    for card in sorted((content / "exercises").glob("*.md")):
        (root / "content" / card.name).write_text(card.read_text())
    return root
