"""YAML the parser cannot read: tags, values and syntax, each with its fix."""

from __future__ import annotations

from dataclasses import replace

from ..harness import Expect
from ..samples import (
    CARD,
    fm,
)
from ..tree import Entry
from .base import CARD_X, PROGRAM_P, ROUTINE_R, E, W, add, card

# ---------------------------------------------------------------------------------------
# YAML tags and values the constructor cannot build: each value in each place it can sit.

TAG_VALUES = [
    ("int-abc", "!!int abc", r"not a whole number.*remove the !!int tag"),
    ("int-empty", "!!int ''", r"not a whole number.*remove the !!int tag"),
    ("float-abc", "!!float abc", r"not a number.*remove the !!float tag"),
    ("bool-maybe", "!!bool maybe", r"not true or false.*remove the !!bool tag"),
    ("timestamp-nope", "!!timestamp nope", r"not a date.*remove the !!timestamp tag"),
    ("timestamp-feb30", "!!timestamp 2024-02-30", r"not a real date"),
    ("binary-bad", "!!binary '#'", r"!!binary is a YAML tag.*remove it"),
    ("map-on-text", "!!map abc", r"remove the !!map tag"),
    ("seq-on-text", "!!seq abc", r"remove the !!seq tag"),
    ("set-on-list", "!!set [a, b]", r"!!set is a YAML tag.*remove it"),
    ("omap-bad", "!!omap [a]", r"!!omap is a YAML tag.*remove it"),
    ("python-object", "!!python/object:os.system ls", r"!!python/object:os.system is a YAML tag"),
    ("python-apply", "!!python/object/apply:os.system [ls]", r"!!python/object/apply:os\.system"),
    ("python-name", "!!python/name:os.system ''", r"!!python/name:os\.system is a YAML tag"),
    ("local-tag", "!studio x", r"!studio is a YAML tag.*quotes"),
    ("date-feb30", "2024-02-30", r'"2024-02-30" is not a real date.*quotes'),
    ("date-month13", "2023-13-01", r'"2023-13-01" is not a real date.*quotes'),
    ("datetime-hour25", "2024-01-01 25:00:00", r"not a real date.*quotes"),
    ("int-5000-digits", "1" * 5000, r"5,?000 digits"),
    ("int-5000-digits-negative", "-" + "9" * 5000, r"5,?000 digits"),
]


def _tag_places(value: str) -> list[tuple[str, dict[str, Entry], Expect]]:
    return [
        ("card-title", card(f"title: {value}", "hold: 20s"), E(CARD_X, 2, "")),
        ("card-hold", card("title: X", f"hold: {value}"), E(CARD_X, 3, "")),
        (
            "card-list",
            card("title: X", "hold: 20s", "targets:", "  - hips", f"  - {value}"),
            E(CARD_X, 6, ""),
        ),
        (
            "step-override",
            {
                f"content/{ROUTINE_R}": fm(
                    "title: R", "steps:", "  - exercise: stretch", f"    sets: {value}"
                )
            },
            E(ROUTINE_R, 5, ""),
        ),
        ("site-name", {"content/site.yaml": f"name: {value}\n"}, E("site.yaml", 1, "")),
        (
            "program-repeat",
            {f"content/{PROGRAM_P}": fm("title: P", "days: [daily]", f"repeat: {value}")},
            E(PROGRAM_P, 4, ""),
        ),
        (
            "page-title",
            {"content/pages/about.md": fm(f"title: {value}")},
            E("pages/about.md", 2, ""),
        ),
    ]


for name, value, message in TAG_VALUES:
    for place, files, where in _tag_places(value):
        add(f"tag-{name}-in-{place}", "yaml-tag", "yaml", files, replace(where, text=message))


# ---------------------------------------------------------------------------------------
# YAML syntax: the parser's own words must become plain ones, with the fix, on the line.

SYNTAX: list[tuple[str, list[str], int, str]] = [
    (
        "tab-before-key",
        ["title: X", "\thold: 20s"],
        3,
        r"a tab before `hold`: use spaces to indent",
    ),
    (
        "tab-before-list-item",
        ["title: X", "hold: 20s", "targets:", "\t- hips"],
        5,
        r"a tab before `- hips`: use spaces to indent",
    ),
    (
        "tab-before-second-item",
        ["title: X", "hold: 20s", "targets:", "  - hips", "\t- knees"],
        6,
        r"a tab before `- knees`: use spaces to indent",
    ),
    ("tab-on-blank-line", ["title: X", "\t", "hold: 20s"], 3, r"a tab.*use spaces to indent"),
    (
        "colon-in-title",
        ["title: Hips: a guide", "hold: 20s"],
        2,
        r"""the title contains ': ', so put it in quotes: title: "Hips: a guide\"""",
    ),
    (
        "colon-in-summary",
        ["title: X", "summary: Note: go slowly", "hold: 20s"],
        3,
        r"""the summary contains ': ', so put it in quotes: summary: "Note: go slowly\"""",
    ),
    (
        "colon-in-cue",
        ["title: X", "hold: 20s", "cue: Tip: breathe out"],
        4,
        r"""the cue contains ': ', so put it in quotes: cue: "Tip: breathe out\"""",
    ),
    (
        "colon-and-double-quotes-in-title",
        ['title: Hips: the "best" guide', "hold: 20s"],
        2,
        r"""put it in quotes: title: 'Hips: the "best" guide'""",
    ),
    (
        "colon-in-smart-quoted-title",
        ["title: \u201cHips: a guide\u201d", "hold: 20s"],
        2,
        r"the title contains ': ', so put it in quotes",
    ),
    (
        "key-indented-under-title",
        ["title: X", " hold: 20s"],
        3,
        r"indented differently from the one above",
    ),
    (
        "key-indented-under-list",
        ["title: X", "hold: 20s", "targets:", "  - hips", "   sides: both"],
        6,
        r"indented differently from the one above",
    ),
    (
        "list-item-without-key",
        ["title: X", "hold: 20s", "- hips"],
        4,
        r"'-'.*(key|indent)",
    ),
    ("missing-colon", ["title: X", "hold 20s", "sides: both"], 3, r"`hold: 20s`"),
    ("missing-colon-last-line", ["title: X", "hold: 20s", "sides both"], 4, r"`sides: both`"),
    ("no-space-after-colon", ["title: X", "hold:20s"], 3, r"space after.*`hold: 20s`"),
    ("no-space-after-any-colon", ["title:X", "hold:20s"], 2, r"space after.*`title: X`"),
    ("unclosed-double-quote", ['title: "Hips', "hold: 20s"], 2, r"never closed.*\""),
    ("unclosed-single-quote", ["title: 'Hips", "hold: 20s"], 2, r"never closed.*'"),
    (
        "text-after-closing-quote",
        ['title: "Hips" for runners', "hold: 20s"],
        2,
        r"""after the closing quote.*title: '"Hips" for runners'""",
    ),
    (
        "unclosed-bracket",
        ["title: X", "hold: 20s", "targets: [hips, knees"],
        4,
        r"never closed.*\]",
    ),
    ("unclosed-brace", ["title: X", "hold: 20s", "extra: {a: 1"], 4, r"never closed.*\}"),
    ("at-sign", ["title: @home", "hold: 20s"], 2, r"""can't start with `@`.*title: "@home\""""),
    ("backtick", ["title: `x` stretch", "hold: 20s"], 2, r"can't start with `.`.*quotes"),
    ("percent", ["title: %x", "hold: 20s"], 2, r"""can't start with `%`.*title: "%x\""""),
    ("undefined-alias", ["title: *star", "hold: 20s"], 2, r"""`\*`.*quotes: title: "\*star\""""),
    ("ampersand", ["title: & co", "hold: 20s"], 2, r"""`&`.*quotes: title: "& co\""""),
    ("bang", ["title: !important stretch", "hold: 20s"], 2, r"YAML tag.*quotes"),
    ("backslash-in-double-quotes", ['title: "Hips \\o/ knees"', "hold: 20s"], 2, r"single quotes"),
    ("control-character", ["title: A\x01B", "hold: 20s"], 2, r"control character.*delete"),
    (
        "nul-character",
        ["title: X", "hold: 20s", "sides: both\x00"],
        4,
        r"control character.*delete",
    ),
    ("escape-character", ["title: X\x1b[31m", "hold: 20s"], 2, r"control character.*delete"),
    ("yaml-directive", ["%YAML 1.1", "title: X", "hold: 20s"], 2, r"directive; delete it"),
    (
        "flow-nesting-1100",
        ["title: X", "hold: 20s", "extra: " + "[" * 1100 + "]" * 1100],
        4,
        r"nested too deeply",
    ),
    (
        "flow-nesting-900",
        ["title: X", "hold: 20s", "extra: " + "[" * 900 + "]" * 900],
        4,
        r"nested too deeply",
    ),
    (
        "dash-nesting-900",
        ["title: X", "hold: 20s", "extra:", "  " + "- " * 900 + "x"],
        5,
        r"nested too deeply",
    ),
    ("front-matter-list", ["- title: X", "- hold: 20s"], 2, r"mapping of 'key: value' lines"),
    ("front-matter-text", ["just some words"], 2, r"mapping of 'key: value' lines"),
    ("front-matter-null", ["~"], 2, r"mapping of 'key: value' lines"),
    (
        "non-breaking-space-indent",
        ["title: X", "\u00a0hold: 20s"],
        3,
        r"invisible.*(U\+00A0|non-breaking)",
    ),
    ("zero-width-space-key", ["title: X", "\u200bhold: 20s"], 3, r"invisible.*U\+200B"),
    ("complex-key", ["title: X", "hold: 20s", "? x: 30", "? x: 30"], 4, r"can't be a key"),
    ("list-as-key", ["title: X", "hold: 20s", "[a, b]: x"], 4, r"can't be a key"),
]

for name, lines, line, message in SYNTAX:
    add(f"syntax-{name}", "yaml-syntax", "yaml", card(*lines), E(CARD_X, line, message))

block_nest = ["title: X", "hold: 20s", "extra:"] + [" " * (i + 1) + f"k{i}:" for i in range(300)]
add(
    "syntax-block-nesting-300",
    "yaml-syntax",
    "yaml",
    card(*block_nest),
    E(CARD_X, 4 + 20, r"nested too deeply"),
)

ROUTINE_SYNTAX: list[tuple[str, list[str], int, str]] = [
    (
        "step-less-indented",
        ["title: R", "steps:", "  - stretch", "  - stretch", " - stretch"],
        6,
        r"this step is indented differently from the one above",
    ),
    (
        "step-key-less-indented",
        ["title: R", "steps:", "  - exercise: stretch", "    hold: 30s", "   sets: 2"],
        6,
        r"indented differently from the one above",
    ),
    (
        "step-key-more-indented",
        ["title: R", "steps:", "  - exercise: stretch", "     hold: 30s"],
        5,
        r"indented differently from the one above",
    ),
    (
        "colon-in-routine-title",
        ["title: Morning: hips", "steps:", "  - stretch"],
        2,
        r"""put it in quotes: title: "Morning: hips\"""",
    ),
]
for name, lines, line, message in ROUTINE_SYNTAX:
    add(
        f"syntax-{name}",
        "yaml-syntax",
        "yaml",
        {f"content/{ROUTINE_R}": fm(*lines)},
        E(ROUTINE_R, line, message),
    )

add(
    "syntax-colon-in-site-name",
    "yaml-syntax",
    "yaml",
    {"content/site.yaml": "name: Studio: hips\n"},
    E("site.yaml", 1, r"""put it in quotes: name: "Studio: hips\""""),
)
add(
    "syntax-tab-in-site-yaml",
    "yaml-syntax",
    "yaml",
    {"content/site.yaml": "name: Studio\n\tshort_name: S\n"},
    E("site.yaml", 2, r"a tab before `short_name`: use spaces to indent"),
)
add(
    "syntax-unquoted-colour-is-a-comment",
    "yaml-syntax",
    "yaml",
    {"content/site.yaml": "name: Studio\ntheme_color: #c2410c\n"},
    E("site.yaml", 2, r"""# starts a comment.*quotes: theme_color: "#c2410c\""""),
)
add(
    "syntax-unquoted-background-is-a-comment",
    "yaml-syntax",
    "yaml",
    {"content/site.yaml": "name: Studio\nbackground_color: #fff\n"},
    E("site.yaml", 2, r"""# starts a comment.*quotes: background_color: "#fff\""""),
)
add(
    "syntax-title-is-a-comment",
    "yaml-syntax",
    "yaml",
    card("title: #1 stretch", "hold: 20s"),
    E(CARD_X, 2, r"""# starts a comment.*quotes: title: "#1 stretch\""""),
)

# Good YAML that looks odd must stay good.
for name, lines in [
    ("tab-after-colon", ["title: X", "hold:\t20s"]),
    ("hash-inside-word", ["title: Stretch#2", "hold: 20s"]),
    ("quoted-colon", ['title: "Hips: a guide"', "hold: 20s"]),
    ("single-quoted-colon", ["title: 'Hips: a guide'", "hold: 20s"]),
    ("trailing-comment", ["title: X  # the name", "hold: 20s  # per side"]),
    ("emoji", ["title: Stretch \U0001f4aa", "hold: 20s"]),
    ("bom-inside-value", ["title: \ufeffStretch", "hold: 20s"]),
    ("block-scalar-summary", ["title: X", "summary: |", "  Two lines:", "  here.", "hold: 20s"]),
    ("small-alias", ["title: &t Stretch", "summary: *t", "hold: 20s"]),
]:
    add(f"syntax-ok-{name}", "yaml-syntax", "yaml", card(*lines))

add(
    "syntax-ok-duplicate-key-warns",
    "yaml-syntax",
    "yaml",
    card("title: X", "hold: 20s", "hold: 30s"),
    warnings=(W(CARD_X, 4, r"duplicate key"),),
)
add("syntax-ok-crlf", "yaml-syntax", "yaml", {f"content/{CARD_X}": CARD.replace("\n", "\r\n")})
add("syntax-ok-cr-only", "yaml-syntax", "yaml", {f"content/{CARD_X}": CARD.replace("\n", "\r")})
add(
    "syntax-ok-dots-close-front-matter",
    "yaml-syntax",
    "yaml",
    {f"content/{CARD_X}": "---\ntitle: X\nhold: 20s\n...\nBody.\n"},
)
add(
    "syntax-ok-alias-in-routine",
    "yaml-syntax",
    "yaml",
    {
        f"content/{ROUTINE_R}": fm(
            "title: R",
            "steps:",
            "  - exercise: stretch",
            "    hold: &long 45s",
            "  - exercise: stretch",
            "    hold: *long",
        )
    },
)
