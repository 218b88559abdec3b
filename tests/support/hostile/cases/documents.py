"""Whole documents: aliases, encodings, and broken files that others name."""

from __future__ import annotations

from ..samples import (
    CARD,
    PNG,
    alias_bomb,
    fm,
)
from .base import CARD_X, PROGRAM_P, ROUTINE_R, E, add, card

# ---------------------------------------------------------------------------------------
# One broken file must not set off false errors in the files that name it.

BROKEN_CARD = fm("title: Stretch: the classic", "hold: 20s")
BROKEN_ROUTINE = fm("title: Daily", "steps:", "  - stretch", "  - stretch", " - stretch")
add(
    "cascade-broken-routine-in-program",
    "yaml-cascade",
    "yaml",
    {
        "content/routines/daily.md": BROKEN_ROUTINE,
        f"content/{PROGRAM_P}": fm("title: P", "days: [daily, daily, rest, daily, daily]"),
    },
    E("routines/daily.md", 6, r"indented differently"),
    forbid=(r"unknown routine",),
)
add(
    "cascade-broken-rest-routine",
    "yaml-cascade",
    "yaml",
    {
        "content/routines/gentle.md": fm("title: Gentle", "steps:", "\t- stretch"),
        f"content/{PROGRAM_P}": fm("title: P", "days: [daily, rest]", "rest_routine: gentle"),
    },
    E("routines/gentle.md", 4, r"a tab before `- stretch`"),
    forbid=(r"unknown routine",),
)
add(
    "cascade-broken-card-in-routine",
    "yaml-cascade",
    "yaml",
    {"content/exercises/stretch.md": BROKEN_CARD},
    E("exercises/stretch.md", 2, r"put it in quotes"),
    forbid=(r"unknown card",),
)
add(
    "cascade-broken-card-as-easier",
    "yaml-cascade",
    "yaml",
    {
        f"content/{CARD_X}": BROKEN_CARD,
        "content/exercises/hard.md": fm("title: Hard", "hold: 20s", "easier: x"),
    },
    E(CARD_X, 2, r"put it in quotes"),
    forbid=(r"unknown card",),
)
add(
    "cascade-latin1-card-in-routine",
    "yaml-cascade",
    "yaml",
    {"content/exercises/stretch.md": "---\ntitle: Étirement\nhold: 20s\n---\n".encode("latin-1")},
    E("exercises/stretch.md", 2, r"UTF-8"),
    forbid=(r"unknown card",),
)
add(
    "cascade-card-is-a-folder",
    "yaml-cascade",
    "tree",
    {"content/exercises/stretch.md": None, "content/exercises/stretch.md/notes.txt": "x"},
    E("exercises/stretch.md", 0, r"folder"),
    forbid=(r"unknown card",),
)


# ---------------------------------------------------------------------------------------
# Aliases: a few kilobytes that expand to billions of values, or refer to themselves.

add(
    "alias-bomb-in-card",
    "yaml-alias",
    "yaml",
    card("title: X", "hold: 20s", "lol:", *alias_bomb(indent="  ")),
    E(CARD_X, 7, r"alias"),
)
add(
    "alias-bomb-in-site-yaml",
    "yaml-alias",
    "yaml",
    {"content/site.yaml": "\n".join(alias_bomb()) + "\n"},
    E("site.yaml", 3, r"alias"),
)
add(
    "alias-bomb-in-targets",
    "yaml-alias",
    "yaml",
    card("title: X", "hold: 20s", "lol:", *alias_bomb(indent="  "), "targets: *a8"),
    E(CARD_X, 7, r"alias"),
)
add(
    "alias-bomb-on-one-line",
    "yaml-alias",
    "yaml",
    card(
        "title: X",
        "hold: 20s",
        "lol: [&a [x, x, x, x, x, x, x, x, x, x], "
        + ", ".join(
            f"&{b} [{', '.join([f'*{a}'] * 10)}]" for a, b in zip("abcde", "bcdef", strict=True)
        )
        + "]",
    ),
    E(CARD_X, 4, r"alias"),
)
add(
    "alias-bomb-of-mappings",
    "yaml-alias",
    "yaml",
    card(
        "title: X",
        "hold: 20s",
        "lol:",
        "  a0: &a0 {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol}",
        *[
            f"  a{i}: &a{i} {{{', '.join(f'k{k}: *a{i - 1}' for k in range(8))}}}"
            for i in range(1, 8)
        ],
    ),
    E(CARD_X, 7, r"alias"),
)
add(
    "alias-wide-not-deep",
    "yaml-alias",
    "yaml",
    card(
        "title: X",
        "hold: 20s",
        "lol: &big [" + ", ".join(["x"] * 1000) + "]",
        "more: [" + ", ".join(["*big"] * 1000) + "]",
    ),
    E(CARD_X, 5, r"alias"),
)
add(
    "alias-bomb-in-steps",
    "yaml-alias",
    "yaml",
    {
        f"content/{ROUTINE_R}": fm(
            "title: R",
            "x0: &x0 [stretch, stretch, stretch, stretch, stretch, stretch, stretch, stretch]",
            *[f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 8)}]" for i in range(1, 8)],
            "steps: *x7",
        )
    },
    E(ROUTINE_R, 6, r"alias"),
)
add(
    "alias-recursive-list",
    "yaml-alias",
    "yaml",
    card("title: X", "hold: 20s", "targets: &t [hips, *t]"),
    E(CARD_X, 4, r"refers to itself"),
)
add(
    "alias-recursive-mapping",
    "yaml-alias",
    "yaml",
    card("title: X", "hold: 20s", "extra: &m {a: *m}"),
    E(CARD_X, 4, r"refers to itself"),
)
add(
    "alias-recursive-merge",
    "yaml-alias",
    "yaml",
    card("title: X", "hold: 20s", "extra: &m", "  <<: *m"),
    E(CARD_X, 5, r"refers to itself"),
)
add(
    "alias-recursive-steps",
    "yaml-alias",
    "yaml",
    {f"content/{ROUTINE_R}": fm("title: R", "steps: &s", "  - stretch", "  - *s")},
    E(ROUTINE_R, 5, r"refers to itself"),
)
add(
    "alias-ok-a-few-hundred-uses",
    "yaml-alias",
    "yaml",
    card(
        "title: X", "hold: 20s", "targets: &t hips", "equipment: [" + ", ".join(["*t"] * 300) + "]"
    ),
)


# ---------------------------------------------------------------------------------------
# Encodings: UTF-16 with a byte-order mark is read; anything else says how to save UTF-8.

UTF8_HOW = r"save it as UTF-8.*Notepad.*TextEdit"
for name, data in [
    ("utf16-le-bom", "\ufeff" + CARD),
    ("utf16-le-bom-crlf", "\ufeff" + CARD.replace("\n", "\r\n")),
]:
    add(f"encoding-{name}", "encoding", "yaml", {f"content/{CARD_X}": data.encode("utf-16-le")})
add(
    "encoding-utf16-be-bom",
    "encoding",
    "yaml",
    {f"content/{CARD_X}": ("\ufeff" + CARD).encode("utf-16-be")},
)
add("encoding-utf32-bom", "encoding", "yaml", {f"content/{CARD_X}": CARD.encode("utf-32")})
add("encoding-utf8-bom", "encoding", "yaml", {f"content/{CARD_X}": CARD.encode("utf-8-sig")})
add(
    "encoding-utf8-bom-crlf",
    "encoding",
    "yaml",
    {f"content/{CARD_X}": CARD.replace("\n", "\r\n").encode("utf-8-sig")},
)
add(
    "encoding-utf16-routine",
    "encoding",
    "yaml",
    {
        "content/routines/daily.md": (
            "\ufeff" + fm("title: Daily", "steps:", "  - stretch")
        ).encode("utf-16-le")
    },
)
add(
    "encoding-utf16-site-yaml",
    "encoding",
    "yaml",
    {"content/site.yaml": "\ufeffname: Studio Ü\n".encode("utf-16-le")},
)
add(
    "encoding-utf16-no-bom",
    "encoding",
    "yaml",
    {f"content/{CARD_X}": CARD.encode("utf-16-le")},
    E(CARD_X, 1, r"UTF-16.*" + UTF8_HOW),
)
add(
    "encoding-utf16-bom-odd-length",
    "encoding",
    "yaml",
    {f"content/{CARD_X}": CARD.encode("utf-16")[:-1]},
    E(CARD_X, 0, r"UTF-16.*" + UTF8_HOW),
)
add(
    "encoding-latin1-title",
    "encoding",
    "yaml",
    {f"content/{CARD_X}": fm("title: Étirement", "hold: 20s").encode("latin-1")},
    E(CARD_X, 2, UTF8_HOW),
)
add(
    "encoding-cp1252-quotes-in-body",
    "encoding",
    "yaml",
    {
        f"content/{CARD_X}": fm(
            "title: X", "hold: 20s", body="One.\nTwo.\n\u201cBreathe\u201d\n"
        ).encode("cp1252")
    },
    E(CARD_X, 7, UTF8_HOW),
)
add(
    "encoding-latin1-site-yaml",
    "encoding",
    "yaml",
    {"content/site.yaml": "name: Studio\ndescription: Hüften\n".encode("latin-1")},
    E("site.yaml", 2, UTF8_HOW),
)
add(
    "encoding-lone-surrogate",
    "encoding",
    "yaml",
    {f"content/{CARD_X}": b"---\ntitle: X\xed\xa0\x80\nhold: 20s\n---\n"},
    E(CARD_X, 2, UTF8_HOW),
)
add(
    "encoding-png-named-md",
    "encoding",
    "yaml",
    {f"content/{CARD_X}": PNG},
    E(CARD_X, 1, r"UTF-8"),
)
