"""Field values: site.yaml, numbers out of bounds, routines and programs too big."""

from __future__ import annotations

from ..samples import (
    fm,
)
from .base import CARD_X, PROGRAM_P, ROUTINE_R, E, W, add, card, program, routine

# ---------------------------------------------------------------------------------------
# site.yaml: every field validated, in the studio's words.

SITE = "content/site.yaml"
add(
    "site-misspelt-name",
    "site",
    "schema",
    {SITE: "nme: Hip Studio\n"},
    warnings=(
        W("site.yaml", 1, r'nme: unknown key \(did you mean "name"\?\)'),
        W("site.yaml", 1, r'name: missing, so the studio is called "hipapp"'),
    ),
)
for name, value in [
    ("no-scheme", "example.org/hips/"),
    ("ftp", "ftp://example.org/"),
    ("javascript", "javascript:alert(1)"),
    ("no-host", "http://"),
    ("space", "https://exa mple.org/"),
    ("protocol-relative", "//example.org/"),
    ("just-a-word", "hips"),
]:
    add(
        f"site-url-{name}",
        "site",
        "schema",
        {SITE: f"name: S\nurl: '{value}'\n"},
        E("site.yaml", 2, r"url: .*https://"),
    )
for name, value in [
    ("https", "https://example.org/hips/"),
    ("localhost", "http://localhost:8000/"),
]:
    add(f"site-url-ok-{name}", "site", "schema", {SITE: f"name: S\nurl: '{value}'\n"})
for name, value in [
    ("javascript", "javascript:alert(1)"),
    ("javascript-mixed-case", "JaVaScRiPt:alert(1)"),
    ("javascript-leading-space", " javascript:alert(1)"),
    ("vbscript", "vbscript:msgbox(1)"),
    ("data", "data:text/html,<script>alert(1)</script>"),
    ("plain-http", "http://example.org/contact"),
    ("bare-email", "hello@example.org"),
    ("ftp", "ftp://example.org/"),
]:
    add(
        f"site-contact-{name}",
        "site",
        "schema",
        {SITE: f"name: S\ncontact: '{value}'\n"},
        E("site.yaml", 2, r"contact: .*mailto:.*tel:.*https:"),
    )
for name, value in [
    ("mailto", "mailto:hello@example.org"),
    ("tel", "tel:+441234567890"),
    ("https", "https://example.org/contact"),
]:
    add(f"site-contact-ok-{name}", "site", "schema", {SITE: f"name: S\ncontact: '{value}'\n"})
for name, value in [
    ("misspelt-name", "orang"),
    ("markup", "</style><script>alert(1)</script>"),
    ("css-injection", "red; background: url(https://evil.example/)"),
    ("five-digits", "#12345"),
    ("not-hex", "#gggggg"),
    ("rgb-function", "rgb(1, 2, 3)"),
    ("number", "123456"),
]:
    for field in ("theme_color", "background_color"):
        add(
            f"site-{field}-{name}",
            "site",
            "schema",
            {SITE: f"name: S\n{field}: '{value}'\n"},
            E("site.yaml", 2, rf"{field}: .*#"),
        )
for name, value in [("css-name", "orange"), ("short-hex", "#abc"), ("upper-hex", "#C2410C")]:
    add(
        f"site-theme_color-ok-{name}",
        "site",
        "schema",
        {SITE: f"name: S\ntheme_color: '{value}'\n"},
    )
add(
    "site-lang-markup",
    "site",
    "schema",
    {SITE: "name: S\nlang: 'en\" onload=\"alert(1)'\n"},
    E("site.yaml", 2, r"lang: .*(en|language)"),
)
add("site-lang-ok-region", "site", "schema", {SITE: "name: S\nlang: en-GB\n"})
add(
    "site-ok-markup-in-text",
    "site",
    "schema",
    {
        SITE: "name: '</title><script>alert(1)</script>'\n"
        "short_name: '<script>alert(1)</script>'\n"
        "description: '\"><script>alert(1)</script>'\n"
        "disclaimer: '<script>alert(1)</script>'\n"
    },
)
add(
    "site-misspelt-colour-warns",
    "site",
    "schema",
    {SITE: "name: S\ntheme_colour: '#c2410c'\n"},
    warnings=(W("site.yaml", 2, r'did you mean "theme_color"'),),
)
add(
    "site-unknown-key-warns-in-build-too",
    "site",
    "schema",
    {f"content/{CARD_X}": fm("title: X", "hold: 20s", "sidez: both")},
    warnings=(W(CARD_X, 4, r'did you mean "sides"'),),
)


# ---------------------------------------------------------------------------------------
# Numbers a hold timer can't use, and routines and programs too big to play.

HOUR = r"(1 hour|3,?600)"
for field, base in [("hold", []), ("rest", ["hold: 20s"]), ("tempo", ["reps: 10"])]:
    for name, value in [
        ("huge", "100000000000000000000"),
        ("hour-and-a-second", "3601"),
        ("61-minutes", "61m"),
    ]:
        lines = ["title: X", *base, f"{field}: {value}"]
        if field == "hold":
            lines = ["title: X", f"hold: {value}"]
        add(
            f"number-card-{field}-{name}",
            "numbers",
            "schema",
            card(*lines),
            E(CARD_X, len(lines) + 1, rf"{field}: .*{HOUR}"),
        )
for name, value in [("infinity", ".inf"), ("nan", ".nan"), ("true", "true"), ("fraction", "1.5")]:
    add(
        f"number-card-hold-{name}",
        "numbers",
        "schema",
        card("title: X", f"hold: {value}"),
        E(CARD_X, 3, r"hold: "),
    )
for field, value, bound in [
    ("sets", "101", r"100"),
    ("sets", "100000000000000000000", r"100"),
    ("reps", "1001", r"1,?000"),
    ("reps", "100000000000000000000", r"1,?000"),
    ("pain_limit", "11", r"10"),
]:
    lines = ["title: X", "hold: 20s" if field != "reps" else "tempo: 3s", f"{field}: {value}"]
    add(
        f"number-card-{field}-{value[:8]}",
        "numbers",
        "schema",
        card(*lines),
        E(CARD_X, 4, rf"{field}: .*{bound}"),
    )
add("number-card-ok-hour", "numbers", "schema", card("title: X", "hold: 3600"))


add(
    "number-step-hold-huge",
    "numbers",
    "schema",
    routine("steps:", "  - stretch", "  - exercise: stretch", "    hold: 100000000000000000000"),
    E(ROUTINE_R, 6, r"steps\[2\]\.hold: .*" + HOUR),
)
add(
    "number-steps-numbered-from-1",
    "numbers",
    "schema",
    routine("steps:", "  - stretch", "  - strech"),
    E(ROUTINE_R, 5, r'steps\[2\]: unknown card "strech" \(did you mean "stretch"\?\)'),
)
add(
    "number-routine-10000-steps",
    "numbers",
    "schema",
    routine("steps: [" + ", ".join(["stretch"] * 10_000) + "]"),
    E(ROUTINE_R, 3, r"steps: .*at most 200"),
)
add(
    "number-routine-201-steps",
    "numbers",
    "schema",
    routine("steps:", *["  - stretch"] * 201),
    E(ROUTINE_R, 3, r"steps: .*at most 200"),
)
add(
    "number-routine-over-4-hours",
    "numbers",
    "schema",
    routine("steps:", *["  - {exercise: stretch, hold: 3600, sets: 10}"] * 3),
    E(ROUTINE_R, 3, r"at most 4 h(ours)?\b"),
)
for name, value in [("null", "null"), ("tilde", "~"), ("empty", "")]:
    add(
        f"number-rest-step-{name}",
        "numbers",
        "schema",
        routine("steps:", f"  - rest: {value}".rstrip()),
        E(ROUTINE_R, 4, r"rest: .*(30s|seconds)"),
    )
for name, value, fix in [
    ("yes", "yes", r"\byes\b.*sides: both"),
    ("true", "true", r"\btrue\b.*sides: both"),
    ("on", "on", r"sides: both"),
    ("no", "no", r"\bno\b.*sides: none"),
    ("left", "left", r"sides: .*both or none"),
]:
    add(
        f"number-sides-{name}",
        "numbers",
        "schema",
        card("title: X", "hold: 20s", f"sides: {value}"),
        E(CARD_X, 4, fix),
    )
for value in ("Both", "BOTH", "None", " both "):
    add(
        f"number-sides-ok-{value.strip()}-{len(value)}",
        "numbers",
        "schema",
        card("title: X", "hold: 20s", f"sides: '{value}'"),
    )
add(
    "number-easier-does-not-suggest-itself",
    "numbers",
    "schema",
    {"content/exercises/stretch.md": fm("title: Stretch", "hold: 20s", "easier: stretchh")},
    E("exercises/stretch.md", 4, r'easier: unknown card "stretchh"'),
    forbid=(r'did you mean "stretch"\?',),
)
add(
    "number-easier-title-instead-of-slug",
    "numbers",
    "schema",
    {
        "content/exercises/glute-bridge.md": fm("title: Glute Bridge", "hold: 20s"),
        f"content/{CARD_X}": fm("title: X", "hold: 20s", "easier: Glute Bridge"),
    },
    E(CARD_X, 4, r'easier: .*"glute-bridge"'),
)


add(
    "number-program-2000-days",
    "numbers",
    "schema",
    program("days: [" + ", ".join(["daily"] * 2000) + "]"),
    E(PROGRAM_P, 3, r"366"),
)
add(
    "number-program-repeat-past-a-year",
    "numbers",
    "schema",
    program("days: [daily, daily, daily, daily, daily, daily, rest, daily]", "repeat: 46"),
    E(PROGRAM_P, 4, r"366"),
)
add(
    "number-program-days-numbered-from-1",
    "numbers",
    "schema",
    program("days: [daily, dayly]"),
    E(PROGRAM_P, 3, r'days\[2\]: unknown routine "dayly"'),
)
for name, field, value, bound in [
    ("sets-huge", "sets", "+100000000", r"100"),
    ("hold-huge-seconds", "hold", "+100000000000000000000s", HOUR),
    ("hold-huge-number", "hold", "+100000000000000000000", HOUR),
    ("reps-huge", "reps", "+1000000000", r"1,?000"),
]:
    add(
        f"number-progression-{name}",
        "numbers",
        "schema",
        {
            **program(
                "days: [daily]",
                "repeat: 2",
                "progression:",
                "  - from_week: 1",
                f"    {field}: {value}",
            ),
            "content/exercises/stretch.md": fm(
                "title: Stretch", "hold: 20s" if field != "reps" else "reps: 10"
            ),
        },
        E(PROGRAM_P, 7, rf"progression\[1\]\.{field}: .*{bound}"),
    )
