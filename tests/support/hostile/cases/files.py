"""The file tree, and the build's output folder: folders, links, pipes and odd names."""

from __future__ import annotations

from ..samples import (
    APPLE_DOUBLE,
    CARD,
    JPEG,
    fm,
)
from ..tree import Dir, Entry, Fifo, Link
from .base import CARD_X, E, add, anywhere

# ---------------------------------------------------------------------------------------
# The file tree: folders, links and pipes named like cards, and names that break URLs.

for folder in ("exercises", "routines", "programs", "pages"):
    add(
        f"tree-folder-named-md-in-{folder}",
        "tree",
        "tree",
        {f"content/{folder}/x.md": Dir()},
        E(f"{folder}/x.md", 0, r"folder"),
    )
    add(
        f"tree-dangling-link-in-{folder}",
        "tree",
        "tree",
        {f"content/{folder}/x.md": Link("missing.md")},
        E(f"{folder}/x.md", 0, r"link to a file that does not exist"),
    )
    add(
        f"tree-newline-ending-name-in-{folder}",
        "tree",
        "tree",
        {
            f"content/{folder}/stretch2\n.md": fm(
                "title: Y", "hold: 20s", "steps: [stretch]", "days: [daily]"
            )
        },
        E(f"{folder}/stretch2\\n.md", 0, r"file name"),
    )
    add(
        f"tree-newline-inside-name-in-{folder}",
        "tree",
        "tree",
        {
            f"content/{folder}/a\nb.md": fm(
                "title: Y", "hold: 20s", "steps: [stretch]", "days: [daily]"
            )
        },
        E(f"{folder}/a\\nb.md", 0, r"file name"),
    )
add("tree-link-loop", "tree", "tree", {f"content/{CARD_X}": Link("x.md")}, E(CARD_X, 0, r"link"))
add(
    "tree-pipe-named-md", "tree", "tree", {f"content/{CARD_X}": Fifo()}, E(CARD_X, 0, r"not a file")
)
add(
    "tree-tab-in-name",
    "tree",
    "tree",
    {"content/exercises/a\tb.md": fm("title: Y", "hold: 20s")},
    E("exercises/a\\tb.md", 0, r"file name"),
)
add(
    "tree-uppercase-extension",
    "tree",
    "tree",
    {"content/exercises/bridge.MD": fm("title: Y", "hold: 20s")},
    E("exercises/bridge.MD", 0, r"file name.*\.md"),
)
add(
    "tree-site-yaml-is-a-folder",
    "tree",
    "tree",
    {"content/site.yaml": Dir()},
    E("site.yaml", 0, r"folder"),
)
add(
    "tree-site-yaml-dangling-link",
    "tree",
    "tree",
    {"content/site.yaml": Link("nowhere.yaml")},
    E("site.yaml", 0, r"link to a file that does not exist"),
)
add(
    "tree-exercises-is-a-file",
    "tree",
    "tree",
    {
        "content/exercises": "oops",
        "content/exercises/stretch.md": None,
        "content/routines/daily.md": None,
    },
    E("exercises", 0, r"folder"),
)
add(
    "tree-existing-name-rule-uppercase",
    "tree",
    "tree",
    {"content/exercises/Bridge.md": fm("title: Y", "hold: 20s")},
    E("exercises/Bridge.md", 0, r"lowercase letters"),
)
add(
    "tree-existing-name-rule-space",
    "tree",
    "tree",
    {"content/exercises/glute bridge.md": fm("title: Y", "hold: 20s")},
    E("exercises/glute bridge.md", 0, r"lowercase letters"),
)
add(
    "tree-duplicate-slug",
    "tree",
    "tree",
    {"content/exercises/more/stretch.md": fm("title: Y", "hold: 20s")},
    E("exercises/stretch.md", 0, r'duplicate slug "stretch"; content/exercises/more/stretch.md'),
)
add(
    "tree-reserved-page",
    "tree",
    "tree",
    {"content/pages/media.md": fm("title: Media")},
    E("pages/media.md", 1, r"reserved address; rename the file"),
)
for name, files in [
    ("apple-double-files", {"content/exercises/._stretch.md": APPLE_DOUBLE}),
    ("hidden-md", {"content/exercises/.draft.md": "not front matter"}),
    (
        "editor-backup",
        {"content/exercises/stretch.md~": "junk", "content/exercises/#x.md#": "junk"},
    ),
    ("link-to-card-inside", {"content/exercises/y.md": Link("stretch.md")}),
    (
        "link-to-card-outside",
        {"shared/card.md": CARD, f"content/{CARD_X}": Link("../../shared/card.md")},
    ),
    ("deep-subfolders", {"content/exercises/" + "a/" * 30 + "x.md": CARD}),
    ("long-slug", {"content/exercises/" + "a" * 200 + ".md": CARD}),
    ("empty-site-yaml", {"content/site.yaml": ""}),
    ("comment-only-site-yaml", {"content/site.yaml": "# nothing yet\n"}),
    ("stray-files-at-root", {"content/notes.txt": "x", "content/todo.md": "x"}),
]:
    add(f"tree-ok-{name}", "tree", "tree", files)


# ---------------------------------------------------------------------------------------
# --out: the build replaces only its own output, and never the studio's files.

OUT_CASES: list[tuple[str, dict[str, Entry], str]] = [
    ("content-folder-with-headers", {"content/_headers": "/*\n  X-Studio: 1\n"}, "content"),
    ("project-folder-with-headers", {"_headers": "/*\n  X-Studio: 1\n", "notes.txt": "mine"}, "."),
    (
        "studio-folder-with-headers",
        {
            "site/_headers": "/*\n  X-Studio: 1\n",
            "site/notes.txt": "mine",
            "site/photos/a.jpg": JPEG,
        },
        "site",
    ),
    ("inside-content", {}, "content/build"),
    ("a-file", {"site.zip": b"PK"}, "site.zip"),
]
for name, files, out in OUT_CASES:
    add(
        f"out-{name}",
        "out",
        "export",
        files,
        anywhere(r"(refus|not a hipapp build|content folder|not a folder)"),
        out=out,
        build_only=True,
    )
