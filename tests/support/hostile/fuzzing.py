"""Hypothesis strategies for hostile content: front matter line by line, and file trees.

The strategies draw from the same pieces the corpus is made of (keys hipapp reads and
near misses, values that break YAML or the readers, names that break URLs, images that
are not images) and put them together in ways nobody would write a case for. The judge
asks only for the invariants: no traceback, no hang, located messages, check and build
agreeing, nothing outside the output folder touched.
"""

from __future__ import annotations

from hypothesis import strategies as st

from .samples import BOMB_PNG, CARD, JPEG, PNG, ROUTINE, SVG, TRUNCATED_PNG, fm, svg
from .tree import Dir, Entry, Link

KEYS = [
    *("title", "summary", "hold", "reps", "tempo", "sides", "sets", "rest", "targets"),
    *("equipment", "pain_limit", "easier", "harder", "image", "image_alt", "cue"),
    *("steps", "exercise", "days", "repeat", "progression", "from_week", "rest_routine"),
    *("name", "short_name", "url", "contact", "theme_color", "background_color", "logo"),
    *("nme", "sidez", "Hold", "<<", "? x", "- x", "", "title ", "x:y", "ü"),
]
VALUES = [
    *("X", "Stretch", "30", "30s", "1m30s", "0", "-5", "3601", "10" * 12, "1" * 5000),
    *("both", "none", "Both", "yes", "no", "true", "null", "~", "", ".inf", ".nan", "1.5"),
    *("stretch", "daily", "rest", "glute-bridge", "Glute Bridge", "x.png", "x.svg", "a b.png"),
    *("[stretch, rest]", "[daily, rest]", "{exercise: stretch, hold: 45s}", "[", "]", "{"),
    *("Hips: a guide", '"Hips: a guide"', "'quoted'", '"open', "#c2410c", '"#c2410c"', "orange"),
    *("!!int abc", "!!python/object:os.system ls", "!!timestamp nope", "!x y", "2024-02-30"),
    *("&a [x, x, x]", "*a", "&a", "*", "@home", "`x`", "%x", "\t30", "a\x01b", "\u00a0x"),
    *("javascript:alert(1)", "https://example.org/", "mailto:a@example.org", "</style><script>"),
    *("+5s", "+100000000", "-100", "+1", "|", ">", "- stretch", "-", "- rest: 30s"),
]
INDENTS = ["", "", "", "  ", "    ", " ", "\t", "\u00a0"]
SEPARATORS = [": ", ": ", ": ", ":", ":\t", " : ", " "]


@st.composite
def front_matter_line(draw: st.DrawFn) -> str:
    """One line of front matter: mostly ``key: value``, sometimes list items or junk."""
    indent = draw(st.sampled_from(INDENTS))
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return indent + "- " + draw(st.sampled_from(VALUES))
    if kind == 1:
        return indent + draw(st.text(max_size=12))
    key = draw(st.sampled_from(KEYS))
    return indent + key + draw(st.sampled_from(SEPARATORS)) + draw(st.sampled_from(VALUES))


@st.composite
def content_file(draw: st.DrawFn) -> str | bytes:
    """A content file: fuzzed front matter over a body, in some encoding."""
    lines = draw(st.lists(front_matter_line(), max_size=10))
    text = fm(*lines, body=draw(st.sampled_from(["Body.\n", "![x](x.png)\n", "## Cues\n- Go\n"])))
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "latin-1", "cp1252"]))
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


@st.composite
def site_file(draw: st.DrawFn) -> str:
    """A fuzzed site.yaml: front matter lines without the ``---`` fences."""
    return "".join(f"{line}\n" for line in draw(st.lists(front_matter_line(), max_size=8)))


FOLDERS = ["exercises", "routines", "programs", "pages"]
NAMES = [
    *("stretch", "daily", "x", "glute-bridge", "rest", "media", "about", "a" * 100),
    *("Bridge", "glute bridge", "x\n", "a\nb", "übung", ".hidden", "x-", "-x", ""),
]
MEDIA_NAMES = ["x.png", "x.svg", "my pose.png", "a#b.png", "übung.svg", "x.html", "x.js", "x"]
MEDIA = [PNG, JPEG, SVG, svg("<script>alert(1)</script>"), BOMB_PNG, TRUNCATED_PNG, b"", "junk"]


@st.composite
def tree_entry(draw: st.DrawFn) -> tuple[str, Entry]:
    """One file of a content folder: a card, routine, program, page, medium or site.yaml."""
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return "content/site.yaml", draw(site_file())
    if kind == 1:
        name = draw(st.sampled_from(MEDIA_NAMES))
        entry: Entry = draw(
            st.sampled_from([*MEDIA, Dir(), Link("../../secret.txt"), Link("gone")])
        )
        return f"content/media/{name}", entry
    folder = draw(st.sampled_from(FOLDERS))
    name = draw(st.sampled_from(NAMES))
    entry = draw(
        st.one_of(content_file(), st.sampled_from([CARD, ROUTINE, Dir(), Link("gone.md")]))
    )
    return f"content/{folder}/{name}.md", entry


def file_trees() -> st.SearchStrategy[dict[str, Entry]]:
    """A few files laid over the base library."""
    return st.lists(tree_entry(), max_size=5).map(dict)


def front_matters() -> st.SearchStrategy[dict[str, Entry]]:
    """One fuzzed card, routine, program or site.yaml over the base library."""
    place = st.sampled_from(["exercises/x.md", "routines/daily.md", "programs/p.md"])
    document = st.tuples(place, content_file()) | st.tuples(st.just("site.yaml"), site_file())
    return document.map(lambda pair: {f"content/{pair[0]}": pair[1]})
