"""Compression, ETags and the response cache."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.web.delivery import pick_encoding


def test_pages_are_gzipped_for_clients_that_accept_only_gzip(small_client: FlaskClient) -> None:
    plain = small_client.get("/routines/daily/")
    assert "Content-Encoding" not in plain.headers
    packed = small_client.get("/routines/daily/", headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert packed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 2


def test_browsers_get_brotli_which_is_smaller_than_gzip(small_client: FlaskClient) -> None:
    browser = "gzip, deflate, br, zstd"  # what Chromium sends over HTTPS
    for path in ("/routines/daily/", "/routines/daily/play/"):
        plain = small_client.get(path).data
        packed = small_client.get(path, headers={"Accept-Encoding": browser})
        assert packed.headers["Content-Encoding"] == "br", path
        assert packed.headers["Vary"] == "Accept-Encoding"
        assert brotli.decompress(packed.data) == plain
        assert len(packed.data) < len(gzip.compress(plain, 9)), path
    page = small_client.get("/routines/daily/play/").get_data(as_text=True)
    script = page.split('<script type="module" src="')[1].split('"')[0].replace("../", "")
    bundle = small_client.get("/" + script, headers={"Accept-Encoding": browser})
    assert bundle.status_code == 200
    assert bundle.headers["Content-Encoding"] == "br"
    assert brotli.decompress(bundle.data) == small_client.get("/" + script).data


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
    br = small_client.get("/", headers={"Accept-Encoding": "br"})
    assert br.headers["Content-Encoding"] == "br"
    assert br.headers["ETag"] not in (one.headers["ETag"], plain.headers["ETag"])
    assert small_client.get("/", headers={"Accept-Encoding": "gzip"}).data == one.data
    assert plain.headers["Content-Security-Policy"] == one.headers["Content-Security-Policy"]


def test_a_head_request_does_not_empty_the_page_for_everyone_after(
    small_client: FlaskClient,
) -> None:
    """Link checkers, uptime monitors and chat apps' link previews send HEAD."""
    for encoding in ("br", "gzip", ""):
        sent = {"Accept-Encoding": encoding}
        head = small_client.head("/exercises/", headers=sent)
        get = small_client.get("/exercises/", headers=sent)
        assert head.status_code == get.status_code == 200
        assert head.data == b""
        assert len(get.data) > 500, encoding
        assert head.headers["Content-Length"] == str(len(get.data))
        assert head.headers["ETag"] == get.headers["ETag"]
        assert head.headers.get("Content-Encoding") == get.headers.get("Content-Encoding")


def test_not_found_is_never_cached_as_a_page(small_client: FlaskClient) -> None:
    assert small_client.get("/routines/nope/").status_code == 404
    assert small_client.get("/routines/nope/").status_code == 404


def test_debug_mode_renders_fresh(small_content: Path) -> None:
    app = create_app(small_content, config={"DEBUG": True})
    client = app.test_client()
    quick = client.get("/", headers={"Accept-Encoding": "br"})  # a fast level, still brotli
    assert brotli.decompress(quick.data) == client.get("/").data
    assert app.wsgi_app.cache == {}  # type: ignore[attr-defined]
    app.debug = False
    client.get("/")
    assert len(app.wsgi_app.cache) == 1  # type: ignore[attr-defined]


def test_accept_encoding_parsing() -> None:
    assert pick_encoding("gzip, deflate, br") == "br"
    assert pick_encoding("gzip, deflate") == "gzip"
    assert pick_encoding("br;q=1.0, gzip;q=0.8") == "br"
    assert pick_encoding("br;q=0.5, gzip") == "gzip"
    assert pick_encoding("BR ; Q=0.9") == "br"
    assert pick_encoding("*") == "br"
    assert pick_encoding("*;q=0.1, br;q=0") == "gzip"
    assert pick_encoding("gzip;q=0") is None
    assert pick_encoding("gzip;q=0.000, br;q=0") is None
    assert pick_encoding("gzip;q=nonsense") is None
    assert pick_encoding("identity") is None
    assert pick_encoding(",, ;q=1") is None
    assert pick_encoding("") is None


def test_the_export_freezes_the_bare_app(small_content: Path) -> None:
    bare = create_app(small_content, config={"DELIVERY": False})
    assert not hasattr(bare.wsgi_app, "cache")
    response = bare.test_client().get("/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in response.headers


def test_planning_the_worker_leaves_the_page_cache_to_visitors(small_content: Path) -> None:
    """Hashing every page for sw.js went through the middleware, as host "localhost":
    at 1,000 cards that filled the cache with entries no visitor would ever be served,
    and pushed out the pages they had asked for."""
    app = create_app(small_content)
    client = app.test_client()
    page = client.get("/routines/daily/", headers={"Host": "studio.example"})
    assert client.get("/sw.js", headers={"Host": "studio.example"}).status_code == 200
    cached = {(host, path) for host, path, _ in app.wsgi_app.cache}  # type: ignore[attr-defined]
    assert cached == {("studio.example", "/routines/daily/?"), ("studio.example", "/sw.js?")}
    # The visitor's page is still the one served from the cache.
    assert client.get("/routines/daily/", headers={"Host": "studio.example"}).data == page.data
