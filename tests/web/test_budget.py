"""Performance budget: a routine page must arrive in the first TCP round trip."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin

import pytest
from flask.testing import FlaskClient

from hipapp.web.headers import netlify_headers

FIRST_ROUND_TRIP = 14 * 1024  # ten 1,460-byte segments, rounded down to whole KiB
INITIAL_WINDOW = 10 * 1460  # what a server may send before the first acknowledgement
HEADERS = 1700  # response headers for those five files over HTTP/2, as hypercorn sends them


def stylesheets(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def critical_bytes(client: FlaskClient, path: str) -> dict[str, int]:
    """Compressed size of a page and every stylesheet and script it loads."""
    page = client.get(path)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    # gzip at level 9, as hipapp serves clients that do not take brotli: the larger size
    sizes = {path: len(gzip.compress(page.data, 9))}
    refs = stylesheets(html) + re.findall(r'<script type="module"[^>]*? src="([^"]+)"', html)
    assert refs, "the page loads no CSS or JS: the parser is out of date"
    for ref in refs:
        url = urljoin(path, ref)  # refs are relative to the page
        with client.get(url) as asset:
            assert asset.status_code == 200, url
            sizes[ref] = len(gzip.compress(asset.data, 9))
    return sizes


@pytest.mark.parametrize(
    "path", ["/", "/routines/daily-hips/", "/routines/hip-strength/play/", "/exercises/hip-cars/"]
)
def test_critical_bytes_fit_the_first_round_trip(client: FlaskClient, path: str) -> None:
    sizes = critical_bytes(client, path)
    assert sum(sizes.values()) <= FIRST_ROUND_TRIP, sizes


def test_the_players_first_screen_arrives_in_one_congestion_window(client: FlaskClient) -> None:
    """Everything the player's first paint needs, as a browser receives it (brotli), fits
    the server's initial congestion window: page, stylesheet, script, the first exercise's
    picture and the manifest Chromium fetches alongside. A byte more and the script waits a
    whole round trip on slow 4G, with the ready screen behind it (Lighthouse LCP)."""
    path = "/routines/daily-hips/play/"
    html = client.get(path).get_data(as_text=True)
    refs = stylesheets(html)
    refs += re.findall(r'<script type="module"[^>]*? src="([^"]+)"', html)
    refs += re.findall(r'<img id="p-img"[^>]*? src="([^"]+)"', html)
    refs += re.findall(r'<link rel="manifest" href="([^"]+)"', html)
    assert len(refs) == 4, refs
    sizes = {}
    for url in [path, *(urljoin(path, ref) for ref in refs)]:
        response = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
        assert response.status_code == 200, url
        sizes[url] = len(response.data)
    assert sum(sizes.values()) + HEADERS <= INITIAL_WINDOW, sizes


@pytest.mark.parametrize(
    "path",
    [
        *("/", "/routines/daily-hips/", "/routines/daily-hips/play/", "/exercises/hip-cars/"),
        *("/programs/four-weeks/", "/programs/four-weeks/day/1/", "/programs/four-weeks/today/"),
        *("/programs/four-weeks/share/", "/history/", "/about/", "/offline/"),
    ],
)
def test_every_page_has_one_render_blocking_stylesheet(client: FlaskClient, path: str) -> None:
    """A second stylesheet costs a phone on slow 4G another round trip before first paint."""
    page = client.get(path)
    assert page.status_code == 200
    assert len(stylesheets(page.get_data(as_text=True))) == 1


def test_enhancement_script_yields_to_the_stylesheet(client: FlaskClient) -> None:
    """Pages work without the site script, so it loads at low priority."""
    html = client.get("/routines/daily-hips/").get_data(as_text=True)
    (tag,) = re.findall(r'<script type="module"[^>]*>', html)
    assert 'fetchpriority="low"' in tag


def test_entering_the_app_needs_no_browsing_context_group_swap(client: FlaskClient) -> None:
    """Cross-Origin-Opener-Policy makes a navigation from any other page (a link in a
    message, a new tab) commit twice, the second time in a fresh process: about 40 ms more
    before first paint on a desktop CPU, and the LCP budget on a phone. The site has no
    accounts or cookies for an opener to reach (README, Security)."""
    for path in ("/", "/routines/daily-hips/", "/routines/daily-hips/play/", "/history/"):
        assert "Cross-Origin-Opener-Policy" not in client.get(path).headers, path
    assert "Cross-Origin-Opener-Policy" not in netlify_headers()
