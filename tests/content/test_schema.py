"""The declared content schema: bounds, site.yaml validators, messages, and a fuzzer."""

from __future__ import annotations

import datetime
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipapp import create_app
from hipapp.content import load_catalogue
from hipapp.content.colors import NAMED
from hipapp.content.fields import At
from hipapp.content.frontmatter import Document
from hipapp.content.schema import (
    CardFields,
    ProgramFields,
    ProgressionFields,
    RoutineFields,
    SiteFields,
    StepFields,
)
from hipapp.errors import ContentError, Problem

from ..conftest import CARD, Write
from .test_content import problems

STUDIO = "name: Studio\n"


def card_problems(write: Write, front: str) -> list[str]:
    root = write("exercises/x.md", f"---\ntitle: X\n{front}---\n")
    return problems(root)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "hold: 100000000000000000000\n",
            "hold: must be at most 1 hour (3600 s), got 100000000000000000000",
        ),
        ("hold: 61m\n", 'hold: must be at most 1 hour (3600 s), got "61m"'),
        (
            f'hold: "{"9" * 5000}"\n',
            f'hold: must be at most 1 hour (3600 s), got "{"9" * 57}..."',
        ),
        ("reps: 10\ntempo: 3601\n", "tempo: must be at most 1 hour (3600 s), got 3601"),
        ("hold: 30\nrest: 2h\n", 'rest: expected seconds like 30 or "45s", got "2h"'),
        ("hold: 30\nrest: 3601\n", "rest: must be at most 1 hour (3600 s), got 3601"),
        ("hold: 30\nsets: 101\n", "sets: must be between 1 and 100, got 101"),
        ("reps: 1001\n", "reps: must be between 1 and 1,000, got 1001"),
        (
            "hold: 30\nsides: yes\n",
            'sides: expected both or none; "sides: yes" (or on, or true) is YAML for true, '
            'so write "sides: both"',
        ),
        (
            "hold: 30\nsides: false\n",
            'sides: expected both or none; "sides: no" (or off, or false) is YAML for false, '
            'so write "sides: none"',
        ),
        (
            "hold: 30\nsummary: yes\n",
            "summary: expected text, got true; YAML reads yes, no, true, false, on and off as "
            'true or false, so put it in quotes: summary: "yes"',
        ),
        (
            "hold: 30\neasier: Glute-Bridge\n",
            'easier: expected a slug like glute-bridge, got "Glute-Bridge" '
            '(did you mean "glute-bridge"?)',
        ),
    ],
)
def test_card_bounds_and_messages(write: Write, front: str, message: str) -> None:
    line = 2 + front.count("\n")
    assert card_problems(write, front) == [f"content/exercises/x.md:{line}: {message}"]


def test_sides_in_any_case_and_text_that_yaml_read_as_a_number_or_date(write: Write) -> None:
    write("exercises/a.md", "---\ntitle: 1.5\nhold: 30\nsides: Both\nsummary: 5551234567\n---\n")
    root = write("exercises/b.md", "---\ntitle: 2024-02-28\nreps: '12'\nsides: NONE\n---\n")
    cat, warnings = load_catalogue(root, strict=True)
    assert (cat.exercises["a"].title, cat.exercises["a"].dosage.sides) == ("1.5", "both")
    assert cat.exercises["a"].summary == "5551234567"
    assert (cat.exercises["b"].title, cat.exercises["b"].dosage.reps) == ("2024-02-28", 12)
    assert cat.exercises["b"].dosage.sides == "none"


def test_a_bad_easier_never_suggests_the_card_itself(write: Write) -> None:
    write("exercises/bridge-march.md", "---\ntitle: M\nreps: 5\n---\n")
    root = write("exercises/bridge.md", "---\ntitle: B\nreps: 5\neasier: bridgee\n---\n")
    # The old hint was "bridge", the card itself; the nearest other card is the one to name.
    assert problems(root) == [
        'content/exercises/bridge.md:4: easier: unknown card "bridgee" '
        '(did you mean "bridge-march"?)'
    ]


def test_huge_numbers_get_a_bound_error_not_a_traceback() -> None:
    """int() refuses to print 5,000 digits; the message must still name the bound."""
    found: list[Problem] = []
    at = At(Document("x.md", {}), found)
    CardFields(at, {"title": "T", "hold": 10**5000, "sets": -(10**5000), "summary": 10**5000})
    assert [str(p) for p in sorted(found)] == [
        "x.md:1: hold: must be at most 1 hour (3600 s), got a 5,001-digit number",
        "x.md:1: sets: must be between 1 and 100, got a 5,001-digit number",
        "x.md:1: summary: expected text, got a 5,001-digit number; put it in quotes",
    ]


def routine_problems(write: Write, steps: str) -> list[str]:
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    write("exercises/long.md", "---\ntitle: Long\nhold: 3600\nsides: both\n---\n")
    return problems(write("routines/r.md", f"---\ntitle: R\nsteps: {steps}\n---\n"))


def test_a_rest_with_no_length_is_an_error_not_an_empty_routine(write: Write) -> None:
    assert routine_problems(write, "[{rest: null}]") == [
        'content/routines/r.md:3: steps[1].rest: expected seconds like 30 or "45s", got nothing'
    ]


def test_a_routine_of_rests_alone_cannot_be_played(write: Write) -> None:
    assert routine_problems(write, "[{rest: 30s}, {rest: 10s}]") == [
        "content/routines/r.md:3: steps: a routine needs at least one exercise, "
        "like '- glute-bridge'"
    ]


def test_routine_bounds(write: Write) -> None:
    assert routine_problems(write, json.dumps(["stretch"] * 201)) == [
        "content/routines/r.md:3: steps: has 201 steps; a routine can have at most 200 steps, "
        "so split it into two"
    ]
    # 3 × (5 s lead-in + 1 h left + 5 s switch + 1 h right) = 6 h 0 min 30 s.
    assert routine_problems(write, "[long, long, long]") == [
        "content/routines/r.md:3: steps: the routine takes 6 h 1 min; a routine can take at "
        "most 4 hours, so split it into shorter ones"
    ]


def program_problems(small_content: Path, write: Write, front: str) -> list[str]:
    return problems(write("programs/p.md", f"---\ntitle: P\n{front}---\n"))


def test_a_program_runs_at_most_366_days(small_content: Path, write: Write) -> None:
    assert program_problems(small_content, write, f"days: {['daily'] * 8}\nrepeat: 46\n") == [
        "content/programs/p.md:4: repeat: makes the program 368 days long (8 days × 46); "
        "a program can be at most 366 days"
    ]
    assert program_problems(small_content, write, f"days: {['rest'] * 2000}\n") == [
        "content/programs/p.md:3: days: has 2,000 days; a program can have at most 366 days"
    ]


def test_progression_changes_are_bounded_before_and_after(write: Write) -> None:
    write("exercises/big.md", "---\ntitle: Big\nhold: 3000\n---\n")
    write("routines/big.md", "---\ntitle: Big\nsteps: [big]\n---\n")
    front = (
        "days: [big]\nrepeat: 21\nprogression:\n"
        "  - from_week: 2\n    sets: +100000000\n"
        "  - from_week: 3\n    hold: +601s\n    sets: +100\n"
    )
    assert problems(write("programs/p.md", f"---\ntitle: P\n{front}---\n")) == [
        "content/programs/p.md:7: progression[1].sets: can change by at most 100 sets either "
        "way, got 100000000",
        # 5 s lead-in + 101 sets × 3601 s.
        'content/programs/p.md:8: progression[2]: makes routine "big" take 101 h 2 min '
        "from week 3; a routine can take at most 4 hours",
        'content/programs/p.md:9: progression[2].hold: makes hold of "big" in routine "big" '
        "3601 s from week 3; it must stay at most 1 hour (3600 s)",
        'content/programs/p.md:10: progression[2].sets: makes sets of "big" in routine "big" '
        "101 from week 3; it must stay at most 100 sets",
    ]


def site_problems(write: Write, text: str, strict: bool = False) -> list[str]:
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    root = write("site.yaml", text)
    return problems(root, strict=strict)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "url: example.org/hips",
            "url: expected an address that starts with https://, like "
            'https://example.org/hips/, got "example.org/hips"',
        ),
        (
            "url: ftp://example.org/",
            "url: expected the site's public http(s) address, like https://example.org/hips/, "
            'got "ftp://example.org/"',
        ),
        (
            "url: https:///hips/",
            "url: expected the site's public http(s) address, like https://example.org/hips/, "
            'got "https:///hips/"',
        ),
        (
            # The front matter layer sees the comment itself, so it names the colour to quote.
            "theme_color: #c2410c",
            "theme_color: the value is empty because # starts a comment in YAML; put it in "
            'quotes: theme_color: "#c2410c"',
        ),
        (
            "theme_color: '</style><script>'",
            'theme_color: expected a colour like "#1f6f5c" or a CSS colour name like teal, '
            'got "</style><script>"',
        ),
        (
            "background_color: c2410c",
            'background_color: expected a colour like "#1f6f5c" or a CSS colour name like teal, '
            'got "c2410c"; write it as background_color: "#c2410c"',
        ),
        (
            "contact: javascript:alert(1)",
            "contact: expected a mailto:, tel: or https: link, like mailto:hello@example.org, "
            'got "javascript:alert(1)"',
        ),
        (
            "contact: hello@example.org",
            "contact: expected a mailto:, tel: or https: link, like mailto:hello@example.org, "
            'got "hello@example.org"; write mailto:hello@example.org',
        ),
        (
            "contact: http://example.org/",
            "contact: expected a mailto:, tel: or https: link, like mailto:hello@example.org, "
            'got "http://example.org/"',
        ),
        ("lang: English", 'lang: expected a language tag like en, de or pt-BR, got "English"'),
    ],
)
def test_site_validators(write: Write, line: str, message: str) -> None:
    assert site_problems(write, f"{STUDIO}{line}\n") == [f"content/site.yaml:2: {message}"]


def test_site_values_are_normalised_once(write: Write) -> None:
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    root = write(
        "site.yaml",
        "name: Studio\nurl: HTTPS://Example.org/hips//\ntheme_color: Orange\n"
        "background_color: '#FFF'\nlang: de_at\ncontact: 'tel:+44 (20) 7946-0000'\n",
    )
    site = load_catalogue(root, strict=True)[0].site
    assert (site.url, site.theme_color, site.background_color) == (
        "https://example.org/hips/",
        "#ffa500",
        "#ffffff",
    )
    assert (site.lang, site.contact, site.short_name) == ("de-AT", "tel:+442079460000", "")
    client = create_app(root).test_client()
    manifest = client.get("/manifest.webmanifest").get_json()
    assert (manifest["theme_color"], manifest["background_color"]) == ("#ffa500", "#ffffff")
    assert (manifest["lang"], manifest["short_name"]) == ("de-AT", "Studio")
    page = client.get("/").get_data(as_text=True)
    assert '<meta name="theme-color" content="#ffa500">' in page
    assert '<html lang="de-AT">' in page
    assert 'href="tel:+442079460000"' in page
    stylesheet = page.split('<link rel="stylesheet" href="')[1].split('"')[0]
    assert ":root{--brand:#ffa500;" in client.get(f"/{stylesheet.lstrip('./')}").get_data(True)


def test_a_misspelt_name_says_what_the_studio_is_called(write: Write) -> None:
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    root = write("site.yaml", "nme: Studio\n")
    cat, warnings = load_catalogue(root)
    assert cat.site.name == "hipapp"
    assert [str(w) for w in warnings] == [
        'content/site.yaml:1: warning: name: missing, so the studio is called "hipapp"; '
        "add a line like 'name: Hip Mobility Studio'",
        'content/site.yaml:1: warning: nme: unknown key (did you mean "name"?)',
    ]


def test_a_value_the_parser_explained_gets_no_second_message() -> None:
    """The YAML layer may say why a value is empty; the schema then stays quiet about it."""
    said = Problem("site.yaml", 2, "theme_color", "the value is empty because # starts a comment")
    found = [said]
    SiteFields(At(Document("site.yaml", {}), found), {"name": "S", "theme_color": None})
    assert found == [said]
    SiteFields(At(Document("site.yaml", {}), found), {"name": "S", "background_color": None})
    assert [p.field for p in found] == ["theme_color", "background_color"]


def test_the_colour_table_is_css(write: Write) -> None:
    from PIL import ImageColor

    assert {k: v.lower() for k, v in ImageColor.colormap.items()} == NAMED


# The fuzzer: whatever front matter a studio writes, the schema answers with located,
# named problems and never an exception.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**40), 10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["30s", "1m30s", "both", "Both", "yes", "#fff", "orange", "+5s", "rest"]),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def mapping(schema: type[Any]) -> st.SearchStrategy[dict[Any, Any]]:
    keys = st.one_of(
        st.sampled_from(sorted(schema.options)), st.text(max_size=8), st.integers(0, 9)
    )
    return st.dictionaries(keys, values, max_size=6)


def steps(cards: list[str]) -> st.SearchStrategy[Any]:
    step = st.one_of(
        st.sampled_from(cards), mapping(StepFields), st.fixed_dictionaries({"rest": values}), values
    )
    return st.lists(step, max_size=4) | values


def fuzz_folder(
    card: dict[Any, Any], routine: dict[Any, Any], program: dict[Any, Any], site: dict[Any, Any]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        for rel, data in [
            ("exercises/x.md", card),
            ("exercises/stretch.md", {"title": "Stretch", "hold": 20}),
            ("routines/r.md", routine),
            ("programs/p.md", program),
        ]:
            text = yaml.safe_dump(data, allow_unicode=True)
            if any(line.rstrip() in ("---", "...") for line in text.splitlines()):
                return  # a line that would end the front matter early: not a schema case
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(f"---\n{text}---\nBody\n", encoding="utf-8")
        (root / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
        try:
            _, found = load_catalogue(root)
        except ContentError as exc:
            found = exc.problems
        for problem in found:
            assert problem.line >= 1, problem
            assert problem.field, problem


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    card=mapping(CardFields),
    routine=st.builds(
        lambda m, s: {**m, "steps": s}, mapping(RoutineFields), steps(["x", "stretch"])
    ),
    program=st.builds(
        lambda m, d, p: {**m, "days": d, "progression": p},
        mapping(ProgramFields),
        st.lists(st.sampled_from(["r", "rest", "nope"]) | values, max_size=4) | values,
        st.lists(mapping(ProgressionFields), max_size=3) | values,
    ),
    site=mapping(SiteFields),
)
def test_fuzzed_front_matter_gets_located_named_problems(
    card: dict[Any, Any], routine: dict[Any, Any], program: dict[Any, Any], site: dict[Any, Any]
) -> None:
    fuzz_folder(card, routine, program, site)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    st.sampled_from(
        [CardFields, StepFields, RoutineFields, ProgramFields, ProgressionFields, SiteFields]
    ),
    st.dictionaries(
        st.text(max_size=8),
        st.one_of(
            values, st.just(10**5000), st.just(-(10**5000)), st.just(datetime.datetime(2024, 2, 28))
        ),
        max_size=6,
    ),
)
def test_schema_reads_any_value_without_an_exception(
    schema: type[Any], data: dict[str, Any]
) -> None:
    found: list[Problem] = []
    schema(At(Document("x.md", data), found), data)
    assert all(p.field and p.line >= 1 for p in found)
