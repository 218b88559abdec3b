"""The Host header never reaches a cached page another visitor gets (issue #13).

Without ``url:`` in site.yaml, the share page and its QR code name the address the server
was reached at. One request with a forged Host must not put that address into the page
every later visitor is served from the cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.pwa.qr import qr_svg

from ..conftest import Write

SHARE, QR = "/programs/p/share/", "/programs/p/qr.svg"


@pytest.fixture
def client(small_content: Path, write: Write) -> FlaskClient:
    write("programs/p.md", "---\ntitle: P\ndays: [daily, rest]\n---\n")
    return create_app(small_content).test_client()


def test_a_poisoned_host_never_reaches_a_clean_request(client: FlaskClient) -> None:
    for path in (SHARE, QR):
        poisoned = client.get(path, headers={"Host": "attacker.example"})
        assert poisoned.status_code == 200
        for _ in range(2):  # the first clean request renders, the second is a cache hit
            clean = client.get(path, headers={"Host": "studio.example"})
            assert clean.status_code == 200
            assert b"attacker.example" not in clean.data
    page = client.get(SHARE, headers={"Host": "studio.example"}).get_data(as_text=True)
    assert "http://studio.example/programs/p/today/" in page
    qr = client.get(QR, headers={"Host": "studio.example"}).get_data(as_text=True)
    assert qr == qr_svg("http://studio.example/programs/p/today/")


@pytest.mark.parametrize("host", ["a b", "attacker.example/x", "a\tb", "", "[::1", "x:port"])
def test_a_malformed_host_is_a_bad_request(client: FlaskClient, host: str) -> None:
    """A Host of "a b" made qr.svg answer 500."""
    for path in (SHARE, QR, "/"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:5000", "[::1]:8000", "Studio.Example"])
def test_ordinary_hosts_are_served(client: FlaskClient, host: str) -> None:
    assert client.get(SHARE, headers={"Host": host}).status_code == 200
