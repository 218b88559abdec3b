"""Compression, ETags and the response cache."""

from __future__ import annotations

import gzip
from pathlib import Path

from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.delivery import wants_gzip


def test_pages_are_gzipped_for_clients_that_accept_it(small_client: FlaskClient) -> None:
    plain = small_client.get("/routines/daily/")
    assert "Content-Encoding" not in plain.headers
    packed = small_client.get("/routines/daily/", headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert packed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 2


def test_etag_turns_a_revisit_into_304(small_client: FlaskClient) -> None:
    first = small_client.get("/exercises/stretch/")
    etag = first.headers["ETag"]
    again = small_client.get("/exercises/stretch/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    changed = small_client.get("/exercises/stretch/", headers={"If-None-Match": '"other"'})
    assert changed.status_code == 200


def test_cached_responses_are_identical_and_not_shared_across_encodings(
    small_client: FlaskClient,
) -> None:
    one = small_client.get("/", headers={"Accept-Encoding": "gzip"})
    two = small_client.get("/", headers={"Accept-Encoding": "gzip"})
    assert one.data == two.data and one.headers["ETag"] == two.headers["ETag"]
    plain = small_client.get("/")
    assert "Content-Encoding" not in plain.headers
    assert plain.headers["ETag"] != one.headers["ETag"]
    assert plain.headers["Content-Security-Policy"] == one.headers["Content-Security-Policy"]


def test_not_found_is_never_cached_as_a_page(small_client: FlaskClient) -> None:
    assert small_client.get("/routines/nope/").status_code == 404
    assert small_client.get("/routines/nope/").status_code == 404


def test_debug_mode_renders_fresh(small_content: Path) -> None:
    app = create_app(small_content, config={"DEBUG": True})
    client = app.test_client()
    client.get("/")
    assert app.wsgi_app.cache == {}  # type: ignore[attr-defined]
    app.debug = False
    client.get("/")
    assert len(app.wsgi_app.cache) == 1  # type: ignore[attr-defined]


def test_accept_encoding_parsing() -> None:
    assert wants_gzip("gzip, deflate, br")
    assert wants_gzip("br;q=1.0, gzip;q=0.8")
    assert wants_gzip("*")
    assert not wants_gzip("gzip;q=0")
    assert not wants_gzip("identity")
    assert not wants_gzip("")


def test_the_export_freezes_the_bare_app(small_content: Path) -> None:
    bare = create_app(small_content, config={"DELIVERY": False})
    assert not hasattr(bare.wsgi_app, "cache")
    response = bare.test_client().get("/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in response.headers
