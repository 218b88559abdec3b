"""Pages, headers and hostile content through the Flask app."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.web.filters import NBSP
from hipapp.web.headers import CSP
from hipapp.web.views import HOME_TILES

from ..conftest import CARD, GEN_DIR, ROUTINE, Write


@pytest.mark.parametrize(
    "url", ["/", "/exercises/", "/exercises/stretch/", "/routines/daily/", "/routines/daily/play/"]
)
def test_pages_render_with_security_headers(small_client: FlaskClient, url: str) -> None:
    response = small_client.get(url)
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-cache"
    html = response.get_data(as_text=True)
    # No inline script or style anywhere, and nothing from another origin.
    assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))", html)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"""(src|href)="(https?:)?//""", html)


def test_unknown_slugs_get_the_friendly_404(small_client: FlaskClient) -> None:
    for url in [
        "/exercises/nope/",
        "/routines/nope/",
        "/routines/nope/play/",
        "/nope/",
        "/programs/nope/",
        "/media/nope.svg",
        "/exercises/%3Cscript%3E/",
    ]:
        with small_client.get(url) as response:
            assert response.status_code == 404, url
            assert "We can't find that page" in response.get_data(as_text=True)


def test_routine_page_shows_steps_dosage_and_total(small_client: FlaskClient) -> None:
    html = small_client.get("/routines/daily/").get_data(as_text=True).replace(NBSP, " ")
    # 5 + 20 + 5 + 20 + 10 + 20 + 5 + 20 = 105 s, then a 30 s rest: 135 s, to the second.
    assert '<p class="total"><strong>2 min 15 s</strong> · 2 steps</p>' in html
    assert "2 × 20 s each side, 10 s rest between sets" in html
    assert 'href="play/#start"' in html  # one tap from the routine page begins it
    assert 'href="../../exercises/stretch/"' in html


def test_player_page_embeds_the_steps_as_json(small_client: FlaskClient) -> None:
    html = small_client.get("/routines/daily/play/").get_data(as_text=True)
    raw = re.search(r'<script type="application/json" id="player-data">(.*?)</script>', html, re.S)
    assert raw
    data = json.loads(raw.group(1))
    assert data["total"] == 135
    assert [s["kind"] for s in data["steps"]][:4] == ["lead-in", "hold", "switch", "hold"]
    assert data["steps"][1] == {
        "kind": "hold",
        "seconds": 20,
        "exercise": "stretch",
        "side": "left",
        "set": 1,
        "sets": 2,
    }
    assert data["cards"]["stretch"]["cue"] == "Breathe out slowly"


def test_hostile_markdown_is_inert(write: Write) -> None:
    write(
        "exercises/evil.md",
        """\
        ---
        title: "<script>alert('t')</script>"
        hold: 10
        summary: <img src=x onerror=alert(1)>
        ---
        <script>alert(1)</script>

        [click](javascript:alert(1)) [data](data:text/html,hi) <a href="javascript:x">raw</a>

        ![pic](javascript:alert(2))
        """,
    )
    root = write("routines/r.md", "---\ntitle: R\nsteps: [evil]\n---\n")
    client = create_app(root).test_client()
    for url in ["/exercises/evil/", "/routines/r/", "/routines/r/play/", "/exercises/"]:
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html and 'src="javascript:' not in html
        assert 'href="data:' not in html
    html = client.get("/exercises/evil/").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    play = client.get("/routines/r/play/").get_data(as_text=True)
    assert "\\u003cscript\\u003e" in play


def test_external_links_get_noopener(small_content: Path, write: Write) -> None:
    root = write(
        "pages/about.md", "---\ntitle: About\n---\n[Study](https://pubmed.ncbi.nlm.nih.gov/1/)\n"
    )
    html = create_app(root).test_client().get("/about/").get_data(as_text=True)
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/1/" rel="noopener noreferrer"' in html


def test_hashed_assets_cache_forever(small_client: FlaskClient) -> None:
    html = small_client.get("/").get_data(as_text=True)
    css = re.search(r'href="(static/gen/site-css-[0-9a-f]+\.[0-9a-f]+\.css)"', html)
    assert css
    with small_client.get("/" + css.group(1)) as response:
        assert response.status_code == 200
        assert response.content_type.startswith("text/css")
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert "--brand:#1f6f5c" in response.get_data(as_text=True)


def test_a_bundle_with_a_new_file_list_is_rebuilt(
    small_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding a file older than the built output must still change what pages load."""
    from hipapp.web import assets

    def site_css() -> str:
        html = create_app(small_content).test_client().get("/").get_data(as_text=True)
        found = re.search(r'href="(static/gen/site-css-[^"]+)"', html)
        assert found
        return found.group(1)

    full = site_css()
    monkeypatch.setitem(assets.BUNDLES, "site_css", assets.BUNDLES["site_css"][:-1])
    fewer = site_css()
    assert fewer != full
    gen = GEN_DIR.parent  # "static/gen/x.css" is served from the test gen folder
    assert len((gen / fewer.removeprefix("static/")).read_text()) < len(
        (gen / full.removeprefix("static/")).read_text()
    )


def test_theme_colour_reaches_the_css(small_content: Path, write: Write) -> None:
    root = write("site.yaml", "name: Yellow Studio\ntheme_color: '#ffee00'\n")
    client = create_app(root).test_client()
    html = client.get("/").get_data(as_text=True)
    assert "Yellow Studio" in html
    css_url = re.search(r'href="(static/gen/site-css-[^"]+)"', html)
    assert css_url
    with client.get("/" + css_url.group(1)) as response:
        css = response.get_data(as_text=True)
    # Light yellow gets black text on fills and a darkened shade for text on white.
    assert "--brand:#ffee00;--on-brand:#000000;--brand-text:#736b00" in css


def test_bundled_site_pages(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    for title in ["Daily hips", "strength"]:
        assert title.lower() in html.lower()
    about = client.get("/about/").get_data(as_text=True)
    for pmid in ["30839305", "33683497", "26751745"]:
        assert pmid in about
    assert "not medical advice" in about.lower()


def test_theme_text_keeps_aa_contrast_for_any_colour() -> None:
    from hipapp.pwa.theme import DARK_BG, LIGHT_BG, contrast, parse_color, theme_css

    for color in ["#ffee00", "#000000", "#ffffff", "#1f6f5c", "#ff0000", "#3366ff", "nonsense"]:
        css = theme_css(color)
        light = re.search(r"--brand-text:(#[0-9a-f]{6})\}", css)
        dark = re.search(r"dark\)\{:root\{--brand-text:(#[0-9a-f]{6})", css)
        assert light and dark, css
        assert contrast(parse_color(light.group(1)) or (0, 0, 0), LIGHT_BG) >= 4.5, color
        assert contrast(parse_color(dark.group(1)) or (0, 0, 0), DARK_BG) >= 4.5, color


def test_robots_txt(small_client: FlaskClient) -> None:
    response = small_client.get("/robots.txt")
    assert response.status_code == 200
    assert response.content_type == "text/plain; charset=utf-8"
    assert response.get_data(as_text=True) == "User-agent: *\nAllow: /\n"


def test_embedded_json_is_compact_and_cannot_close_its_script_block() -> None:
    from hipapp.web.filters import data_json

    value = {"title": "</script><script>alert('x')</script> & more", "n": [1, 2]}
    text = str(data_json(value))
    assert json.loads(text) == value
    assert not set("<>&'") & set(text)
    assert ", " not in text and ": " not in text


@pytest.mark.parametrize(
    ("target", "current", "expected"),
    [
        ("/", "/", "./"),
        ("/exercises/", "/", "exercises/"),
        ("/exercises/", "/exercises/x/", "../"),
        ("/exercises/x/", "/exercises/x/", "./"),
        ("/routines/x/play/", "/routines/x/", "play/"),
        ("/routines/x/", "/routines/x/play/", "../"),
        ("/static/gen/a.css", "/routines/x/play/", "../../../static/gen/a.css"),
        ("/media/a.svg", "/about/", "../media/a.svg"),
        ("/exercises/y/", "/exercises/x/", "../y/"),
        ("/about/#refs", "/exercises/x/", "../../about/#refs"),
        ("/sw.js", "/404.html", "sw.js"),
        ("https://example.org/", "/x/", "https://example.org/"),
    ],
)
def test_relative_links(target: str, current: str, expected: str) -> None:
    from hipapp.web.urls import relative

    assert relative(target, current) == expected


def test_a_number_stays_on_the_line_of_its_unit(small_client: FlaskClient) -> None:
    """At 200% text, "1" ending one line and "s" starting the next reads as nonsense."""
    html = small_client.get("/routines/daily/").get_data(as_text=True)
    assert f"2{NBSP}× 20{NBSP}s each side, 10{NBSP}s rest between sets" in html
    assert f"<strong>2{NBSP}min 15{NBSP}s</strong> · 2 steps" in html


@pytest.mark.parametrize("count", [HOME_TILES, HOME_TILES + 1, 1200])
def test_a_large_librarys_home_page_shows_the_first_routines_and_links_to_all(
    write: Write, count: int
) -> None:
    """The home page is in every phone's shell: at studio scale it shows the first
    routines, in content order, and links to the list of all of them."""
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    for n in range(count):
        write(f"routines/r{n:04}.md", ROUTINE.replace("title: Daily", f"title: Routine {n}"))
    client = create_app(write()).test_client()
    home = client.get("/").get_data(as_text=True)
    shown = re.findall(r'<a class="tile" href="routines/(r\d+)/"', home)
    assert shown == [f"r{n:04}" for n in range(min(count, HOME_TILES))]
    more = re.findall(r'<a href="routines/">([^<]*)</a>', home)
    assert more == ([] if count <= HOME_TILES else [f"All {count:,} routines"])
    every = client.get("/routines/").get_data(as_text=True)
    assert len(re.findall(r'<a class="tile" href="', every)) == count


def test_a_large_librarys_home_page_links_to_every_program(write: Write) -> None:
    write("exercises/stretch.md", CARD.format(title="Stretch"))
    write("routines/daily.md", ROUTINE)
    for n in range(HOME_TILES + 2):
        write(f"programs/p{n:02}.md", f"---\ntitle: Program {n}\ndays: [daily]\n---\n")
    client = create_app(write()).test_client()
    home = client.get("/").get_data(as_text=True)
    shown = re.findall(r'<a class="tile" href="programs/(p\d+)/"', home)
    assert shown == [f"p{n:02}" for n in range(HOME_TILES)]
    assert re.findall(r'<a href="programs/">([^<]*)</a>', home) == [
        f"All {HOME_TILES + 2} programs"
    ]
    every = client.get("/programs/").get_data(as_text=True)
    assert len(re.findall(r'<a class="tile" href="', every)) == HOME_TILES + 2
