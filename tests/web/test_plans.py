"""The plan pages, plan/library.json (what personal plans build on) and the share pages."""

from __future__ import annotations

import json

from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.content import schema
from hipapp.paths import DEFAULT_CONTENT

from ..support.pwa_helpers import precache_list


def test_library_carries_the_content_bounds_and_every_card(client: FlaskClient) -> None:
    response = client.get("/plan/library.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = json.loads(response.get_data())
    assert data["bounds"]["hold"] == {"low": 1, "high": schema.MAX_HOLD}
    assert data["bounds"]["sets"] == {"low": 1, "high": schema.MAX_SETS}
    assert data["bounds"]["reps"] == {"low": 1, "high": schema.MAX_REPS}
    assert data["bounds"]["rest"] == {"low": 0, "high": schema.MAX_REST}
    assert (data["bounds"]["client"], data["bounds"]["note"]) == (40, 280)
    assert data["studio"] == "Hip Mobility Studio"
    card = data["cards"]["glute-bridge"]
    assert card["dosage"]["reps"] == 10 and card["view"]["image"] == "../media/glute-bridge.svg"
    daily = data["routines"]["daily-hips"]
    assert daily["steps"][0]["exercise"] == "hip-flexor-stretch"
    assert daily["steps"][0]["dosage"]["hold"] == 30
    assert len(daily["revision"]) == 6
    program = data["programs"]["four-weeks"]
    assert program["days"][3] is None and program["repeat"] == 4
    assert program["progression"][0] == {"from_week": 2, "hold": 5, "sets": 0, "reps": 0}


def test_plan_pages_hold_no_plan(client: FlaskClient) -> None:
    """The same static page for every client: the plan is only ever in the fragment."""
    page = client.get("/plan/").get_data(as_text=True)
    assert 'data-library="library.json"' in page
    player = client.get("/plan/play/").get_data(as_text=True)
    assert 'id="player-data"' not in player and 'data-library="../library.json"' in player
    assert "Back to your plan" in player


def test_share_pages_are_unlisted(client: FlaskClient) -> None:
    """The studio's share pages carry noindex, and no client page links to them."""
    for path in ("/programs/four-weeks/share/", "/routines/daily-hips/share/"):
        html = client.get(path).get_data(as_text=True)
        assert '<meta name="robots" content="noindex">' in html, path
        assert 'aria-describedby="plan-client-hint"' in html and ">Client link<" in html
    pages = ("/", "/programs/four-weeks/", "/programs/four-weeks/today/", "/routines/daily-hips/")
    for path in (*pages, "/programs/four-weeks/day/1/", "/plan/", "/plan/play/", "/history/"):
        assert "share/" not in client.get(path).get_data(as_text=True), path


def test_plan_pages_are_in_the_shell_the_worker_stores_on_install() -> None:
    """Offline after the first visit, on any size of library: a client opens a plan at
    /plan/, which no program or routine the worker follows contains, so the plan page and
    its player are stored with the shell. The library they read (every card) is not: the
    plan page asks for it with the plan's cards (tests/browser/test_pwa_follow.py)."""
    app = create_app(DEFAULT_CONTENT, config={"PRECACHE_ALL_BELOW": 0})
    shell = precache_list(app.test_client().get("/sw.js").get_data(as_text=True))
    assert {"plan/", "plan/play/"} <= set(shell) and "plan/library.json" not in shell
    assert "exercises/hip-cars/" not in shell  # a large library: not everything
    assert "routines/daily-hips/share/" not in shell  # the studio's, not the client's
