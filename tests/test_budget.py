"""Performance budget: a routine page must arrive in the first TCP round trip."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin

import pytest
from flask.testing import FlaskClient

FIRST_ROUND_TRIP = 14 * 1024  # ten 1,460-byte segments, rounded down to whole KiB


def critical_bytes(client: FlaskClient, path: str) -> dict[str, int]:
    """Compressed size of a page and every stylesheet and script it loads."""
    page = client.get(path)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    sizes = {path: len(gzip.compress(page.data, 9))}  # level 9, as hipapp serves it
    refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    refs += re.findall(r'<script type="module" src="([^"]+)"', html)
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
