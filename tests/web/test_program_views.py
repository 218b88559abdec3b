"""Program pages through the Flask app: status codes, progressed dosages, embedded data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.pwa.qr import check_link, qr_svg
from hipapp.web.filters import NBSP
from hipapp.web.headers import CSP

from ..conftest import Write

P = "/programs/four-weeks"


def embedded(html: str, element_id: str) -> dict:  # type: ignore[type-arg]
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html)
    assert match, element_id
    return json.loads(match.group(1))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "url",
    [
        f"{P}/",
        f"{P}/day/1/",
        f"{P}/day/4/",
        f"{P}/day/28/",
        f"{P}/day/9/play/",
        f"{P}/day/4/play/",
        f"{P}/today/",
        f"{P}/share/",
        "/history/",
    ],
)
def test_program_pages_render_safely(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == CSP
    html = response.get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))", html)
    assert "<style" not in html and " style=" not in html
    if not url.endswith("/play/"):  # the player is full screen, without the site footer
        assert 'href="mailto:hello@example.org">Contact the studio</a>' in html


@pytest.mark.parametrize(
    "url",
    [
        "/programs/nope/",
        "/programs/nope/today/",
        "/programs/nope/share/",
        "/programs/nope/qr.svg",
        "/programs/nope/day/1/",
        f"{P}/day/0/",
        f"{P}/day/29/",
        f"{P}/day/-1/",
        f"{P}/day/one/",
        f"{P}/day/29/play/",
    ],
)
def test_unknown_programs_and_days_are_404(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "We can't find that page" in response.get_data(as_text=True)


def test_a_rest_day_without_a_gentle_routine_has_no_player(
    small_content: Path, write: Write
) -> None:
    write("programs/p.md", "---\ntitle: P\ndays: [daily, rest]\n---\n")
    client = create_app(small_content).test_client()
    html = client.get("/programs/p/day/2/").get_data(as_text=True)
    assert "<h1>Day 2 of 2 · Rest day</h1>" in html
    assert "play/" not in html
    assert client.get("/programs/p/day/2/play/").status_code == 404


def test_overview_lists_every_day_and_explains_progression(client: FlaskClient) -> None:
    html = client.get(f"{P}/").get_data(as_text=True)
    assert "28 days · 4 weeks" in html
    assert [int(n) for n in re.findall(r'href="day/(\d+)/"', html)] == list(range(1, 29))
    # A number stays on the line of its unit, in the progression's words too.
    assert f"<li>From week 2: holds 5{NBSP}s longer than in week 1.</li>" in html
    assert (
        f"<li>From week 3: holds 15{NBSP}s longer, 1{NBSP}more set, and 2{NBSP}more reps"
        " than in week 1.</li>"
    ) in html
    assert html.count('class="day-link rest"') == 8
    assert 'href="today/"' in html and 'href="share/"' not in html  # unlisted


def test_day_pages_carry_the_weeks_dosage(client: FlaskClient) -> None:
    week1 = client.get(f"{P}/day/2/").get_data(as_text=True).replace(NBSP, " ")
    week3 = client.get(f"{P}/day/16/").get_data(as_text=True).replace(NBSP, " ")
    assert "<h1>Day 2 of 28 · Hip strength</h1>" in week1
    assert "<h1>Day 16 of 28 · Hip strength</h1>" in week3
    assert "2 × 10 reps, 30 s rest between sets" in week1  # glute bridge as written
    assert "3 × 12 reps, 30 s rest between sets" in week3
    assert "Week 3: holds 15 s longer, 1 more set, and 2 more reps than in week 1." in week3
    week2 = client.get(f"{P}/day/8/").get_data(as_text=True).replace(NBSP, " ")
    assert "2 × 35 s each side" in week2 and "2 × 30 s each side" not in week2
    rest = client.get(f"{P}/day/4/").get_data(as_text=True).replace(NBSP, " ")
    assert "<h1>Day 4 of 28 · Rest day</h1>" in rest
    assert 'href="play/#start">Start the gentle routine</a>' in rest  # one tap begins it
    # The gentle routine plays as written, even in week 4 (day 25 is a rest day).
    late_rest = client.get(f"{P}/day/25/").get_data(as_text=True).replace(NBSP, " ")
    assert "20 s each side" in rest and "20 s each side" in late_rest
    assert "35 s" not in late_rest


def test_day_pages_show_the_exact_total_so_progression_shows(client: FlaskClient) -> None:
    """Week 2's holds are 5 s longer: "About 10 min" on both days hid that."""
    week1 = client.get(f"{P}/day/1/").get_data(as_text=True).replace(NBSP, " ")
    week2 = client.get(f"{P}/day/8/").get_data(as_text=True).replace(NBSP, " ")
    assert '<p class="total"><strong>10 min</strong> · 5 steps</p>' in week1
    assert '<p class="total"><strong>10 min 40 s</strong> · 5 steps</p>' in week2
    overview = client.get(f"{P}/").get_data(as_text=True).replace(NBSP, " ")
    assert '<span class="meta">18 min 16 s</span>' in overview and "About" not in overview
    rest = client.get(f"{P}/day/4/").get_data(as_text=True).replace(NBSP, " ")
    assert "the short gentle routine helps (4 min 1 s)" in rest


def test_program_play_page_data(client: FlaskClient) -> None:
    html = client.get(f"{P}/day/16/play/").get_data(as_text=True)
    data = embedded(html, "player-data")
    assert data["title"] == "Hip strength"
    assert data["program"] == {
        "slug": "four-weeks",
        "title": "Four weeks to stronger hips",
        "day": 16,
        "days": 28,
        "next": data["program"]["next"],
    }
    assert data["program"]["next"]["n"] == 17
    reps = [s for s in data["steps"] if s["kind"] == "reps" and s["exercise"] == "glute-bridge"]
    assert [(s["set"], s["sets"], s["reps"]) for s in reps] == [(1, 3, 12), (2, 3, 12), (3, 3, 12)]
    image = data["cards"]["glute-bridge"]["image"]
    assert image == "../../../../../media/glute-bridge.svg"
    assert 'href="../">Back to day 16</a>' in html


def test_today_page_embeds_every_day(client: FlaskClient) -> None:
    data = embedded(client.get(f"{P}/today/").get_data(as_text=True), "program-data")
    assert (data["slug"], data["length"], len(data["days"])) == ("four-weeks", 28, 28)
    assert data["days"][3] == {
        "n": 4,
        "title": "Rest day",
        "rest": True,
        "url": "../day/4/",
        "play": "../day/4/play/",
        "total": data["days"][3]["total"],
    }
    assert (
        data["days"][8]["title"] == "Hip strength" and data["days"][8]["play"] == "../day/9/play/"
    )
    assert data["days"][15]["total"] > data["days"][1]["total"]  # week 3 is longer


def test_share_link_prefers_base_url_then_site_url_then_this_server(
    small_content: Path, write: Write
) -> None:
    write("programs/p.md", "---\ntitle: P\ndays: [daily]\n---\n")
    app = create_app(small_content, config={"BASE_URL": "https://a.example/sub"})
    html = app.test_client().get("/programs/p/share/").get_data(as_text=True)
    assert 'value="https://a.example/sub/programs/p/today/"' in html
    assert "No public address is set" not in html
    write("site.yaml", "name: S\nurl: https://b.example/\n")
    html = create_app(small_content).test_client().get("/programs/p/share/").get_data(as_text=True)
    assert 'value="https://b.example/programs/p/today/"' in html
    write("site.yaml", "name: S\n")
    client = create_app(small_content).test_client()
    html = client.get("/programs/p/share/", base_url="http://studio.local:8000").get_data(
        as_text=True
    )
    assert 'value="http://studio.local:8000/programs/p/today/"' in html
    assert "No public address is set" in html
    svg = client.get("/programs/p/qr.svg")
    assert svg.content_type == "image/svg+xml; charset=utf-8"
    assert svg.get_data(as_text=True).startswith('<?xml version="1.0" encoding="utf-8"?>\n<svg ')


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "/relative/", "https://a.example/x y", "https://a.example/\n"]
)
def test_qr_refuses_odd_links(link: str) -> None:
    with pytest.raises(ValueError):
        check_link(link)
    with pytest.raises(ValueError):
        qr_svg(link)


def test_history_page_data_and_navigation(client: FlaskClient) -> None:
    html = client.get("/history/").get_data(as_text=True)
    data = embedded(html, "history-data")
    assert data["contact"] == "mailto:hello@example.org"
    program = data["programs"]["four-weeks"]
    assert program["length"] == 28 and program["today"] == "../programs/four-weeks/today/"
    assert program["workdays"][:6] == [1, 2, 3, 5, 6, 8]
    # Card titles, for sessions saved before each entry kept its own.
    assert data["cards"]["clamshell"] == "Banded clamshell" and len(data["cards"]) == 9
    index = client.get("/").get_data(as_text=True)
    assert '<li><a href="history/">History</a></li>' in index
    summaries = embedded(index, "programs-data")
    assert summaries["four-weeks"]["days"][8] == "Hip strength"
    assert summaries["four-weeks"]["today"] == "programs/four-weeks/today/"


def test_home_has_no_program_data_without_programs(small_client: FlaskClient) -> None:
    # The slot stays: a client with a personal routine plan gets "Continue your plan".
    html = small_client.get("/").get_data(as_text=True)
    assert 'id="programs-data"' not in html and 'data-plan="plan/"' in html


def test_hand_out_carries_the_studio_brand(small_content: Path, write: Write) -> None:
    write("media/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    write("site.yaml", "name: Pelvis & Co\nlogo: logo.svg\ncontact: mailto:hi@pelvis.example\n")
    write("programs/p.md", "---\ntitle: P\ndays: [daily]\n---\n")
    html = create_app(small_content).test_client().get("/programs/p/share/").get_data(as_text=True)
    handout = html[html.index('<article class="handout"') :]
    assert '<img src="../../../media/logo.svg" alt="" width="48" height="48">' in handout
    assert "<span>Pelvis &amp; Co</span>" in handout
    assert (
        'Questions? <a href="mailto:hi@pelvis.example">Contact Pelvis &amp; Co</a>: '
        "hi@pelvis.example" in handout
    )
