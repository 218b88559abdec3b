"""The static export: its file set, and a plain static server serving it."""

from __future__ import annotations

import gzip
import http.client
import os
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from flask.testing import FlaskClient

from hipapp import create_app
from hipapp.build.export import build
from hipapp.build.freeze import freeze_urls
from hipapp.errors import BuildError, ContentError
from hipapp.web import headers

from ..conftest import Write
from ..support.servers import free_port, serve


def test_only_the_bundles_get_compressed_twins_even_beside_a_page_called_gen(
    write: Write, tmp_path: Path
) -> None:
    """Bug: twins were cached by bare file name when the folder was called "gen"."""
    write("exercises/gen.md", CARD_GEN)
    write("routines/daily.md", "---\ntitle: Daily\nsteps: [gen]\n---\n")
    root = write("pages/gen.md", "---\ntitle: General notes\n---\n" + "Notes. " * 200)
    for run in range(2):  # the second build reads the kept brotli twins
        out = tmp_path / f"site{run}"
        build(root, out)
        for name in ("gen/index.html", "exercises/gen/index.html"):
            assert (out / name).stat().st_size > 512
            assert not (out / (name + ".gz")).exists() and not (out / (name + ".br")).exists()
        twins = [*out.rglob("*.br"), *out.rglob("*.gz")]
        assert twins and all(t.relative_to(out).parts[:2] == ("static", "gen") for t in twins)
        for twin in twins:
            original = twin.with_name(twin.name[: -len(twin.suffix)]).read_bytes()
            unpack = brotli.decompress if twin.suffix == ".br" else gzip.decompress
            assert unpack(twin.read_bytes()) == original, twin


CARD_GEN = (
    """\
---
title: General mobility
hold: 20s
---
"""
    + "A long description of the card. " * 40
)


def test_export_file_set(small_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    files = build(small_content, out)
    assert files == sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    packed = {f for f in files if f.endswith((".gz", ".br"))}
    files = [f for f in files if f not in packed]
    # Every shared bundle of a useful size has a gzip and a brotli twin with the same
    # content; pages have none (hosts compress them as they serve them).
    for name in files:
        size = (out / name).stat().st_size
        bundle = name.startswith("static/gen/") and name.endswith((".css", ".js"))
        if bundle and size >= 512:
            original = (out / name).read_bytes()
            assert gzip.decompress((out / (name + ".gz")).read_bytes()) == original, name
            assert brotli.decompress((out / (name + ".br")).read_bytes()) == original, name
        else:
            assert not {name + ".gz", name + ".br"} & packed, name
    pages = {f for f in files if not f.startswith("static/")}
    assert pages >= {
        "index.html",
        "404.html",
        "_headers",
        ".nojekyll",
        "exercises/index.html",
        "exercises/stretch/index.html",
        "routines/daily/index.html",
        "routines/daily/play/index.html",
    }
    assets = {f for f in files if f.startswith("static/")}
    # Only the hashed bundles ship: no sources, no build leftovers.
    assert all(f.startswith("static/gen/") for f in assets)
    assert {f.rsplit(".", 1)[-1] for f in assets} == {"css", "js"}
    assert "favicon.svg" in pages


def test_a_url_the_app_does_not_serve_fails_the_freeze(small_content: Path, tmp_path: Path) -> None:
    app = create_app(small_content, config={"DELIVERY": False})
    with pytest.raises(BuildError, match=r"^/routines/nope/: the app answered 404 NOT FOUND"):
        freeze_urls(app, ["/", "/routines/nope/"], tmp_path)


def test_build_refuses_broken_content_and_writes_nothing(write: Write, tmp_path: Path) -> None:
    root = write("exercises/x.md", "---\nhold: 30\n---\n")
    out = tmp_path / "site"
    with pytest.raises(ContentError):
        build(root, out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "content"]


def test_build_refuses_folders_that_are_not_its_own(
    small_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(small_content, out)
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me")
    with pytest.raises(BuildError, match="refusing to replace a folder"):
        build(small_content, precious)
    assert (precious / "thesis.txt").read_text() == "keep me"


def test_headers_file_under_a_subpath(small_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(small_content, out, base_url="https://example.org/hips/")
    text = (out / "_headers").read_text().split("\n", 1)[1]  # after the block's first line
    assert text.startswith("/hips/*\n  Content-Security-Policy: default-src 'self'")
    assert "/hips/static/gen/*\n  Cache-Control: public, max-age=31536000, immutable" in text
    not_found = (out / "404.html").read_text()
    assert 'href="/hips/exercises/"' in not_found


@pytest.mark.parametrize("prefix", ["", "/hips"])
def test_plain_static_server_serves_every_page(
    small_content: Path, tmp_path: Path, prefix: str
) -> None:
    root = tmp_path / "www"
    out = root / prefix.strip("/") if prefix else root
    files = build(small_content, out)
    port = free_port()
    with serve(
        [sys.executable, "-m", "http.server", str(port), "-b", "127.0.0.1", "-d", str(root)], port
    ):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        expected = {
            "html": "text/html",
            "css": "text/css",
            "js": "text/javascript",
            "svg": "image/svg+xml",
            "txt": "text/plain",
            "png": "image/png",
            "webmanifest": "application/manifest+json",
            "json": "application/json",
        }
        for name in files:
            if name in ("_headers", ".nojekyll", ".hipapp-build") or name.endswith((".gz", ".br")):
                continue
            url = f"{prefix}/{name}".replace("index.html", "")
            conn.request("GET", url)
            response = conn.getresponse()
            body = response.read()
            assert response.status == 200, url
            kind = expected[name.rsplit(".", 1)[-1]]
            assert response.getheader("Content-Type", "").startswith(kind), url
            assert body
        # Relative links resolve under the subpath too.
        conn.request("GET", f"{prefix}/routines/daily/")
        page = conn.getresponse().read().decode()
        assert 'href="../../exercises/stretch/"' in page


def cli_build(
    content: Path, out: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `hipapp build` as a studio would, in its own process."""
    cmd = [sys.executable, "-m", "hipapp.cli", "build", "--content", str(content)]
    return subprocess.run(
        [*cmd, "--out", str(out)], capture_output=True, text=True, check=False, env=env
    )


def test_cli_build_exit_codes(small_content: Path, write: Write, tmp_path: Path) -> None:
    done = cli_build(small_content, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "Built" in done.stderr
    write("exercises/bad.md", "---\ntitle: Bad\nhold: long\n---\n")
    done = cli_build(small_content, tmp_path / "out")
    assert done.returncode == 1
    assert done.stdout == (
        'content/exercises/bad.md:3: hold: expected seconds like 30 or "45s", got "long"\n'
    )
    assert "Traceback" not in done.stderr


def test_parallel_build_matches_serial_build(small_content: Path, tmp_path: Path) -> None:
    def build_with(workers: str, out: Path) -> dict[str, bytes]:
        done = cli_build(small_content, out, {**os.environ, "HIPAPP_BUILD_WORKERS": workers})
        assert done.returncode == 0, done.stderr
        return {
            p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
        }

    serial = build_with("1", tmp_path / "serial")
    parallel = build_with("3", tmp_path / "parallel")
    assert parallel == serial


def test_exported_pages_carry_their_policy_for_hosts_without_headers(
    small_content: Path, small_client: FlaskClient, tmp_path: Path
) -> None:
    """GitHub Pages cannot send headers: each exported page states the policy itself, as
    its first tag after the charset, so it covers every stylesheet and script."""
    out = tmp_path / "site"
    pages = [f for f in build(small_content, out) if f.endswith(".html")]
    # home, 404, offline, history, the lists of exercises, routines and programs, a card,
    # a routine, its player and share page, and a personal plan's page and player
    assert len(pages) == 13
    tag = f'<meta http-equiv="Content-Security-Policy" content="{headers.META_CSP}">'
    for name in pages:
        html = (out / name).read_text()
        assert html.count("Content-Security-Policy") == 1, name
        assert html.index(tag) < min(html.index("<link"), html.index("<title>")), name
        assert '<meta name="referrer" content="no-referrer">' in html, name
    assert headers.CSP.replace("; frame-ancestors 'none'", "") == headers.META_CSP
    # Served by the app, the header does the work.
    assert "Content-Security-Policy" not in small_client.get("/").get_data(as_text=True)


def test_a_work_folder_of_any_name_builds(
    small_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bug: with HIPAPP_GEN_DIR=/tmp/work the pages linked /static/work/…, which nothing
    served, and the build stopped with a 404. The bundles go to work/gen/ now."""
    monkeypatch.setenv("HIPAPP_GEN_DIR", str(tmp_path / "work"))
    out = tmp_path / "site"
    files = build(small_content, out)
    bundles = [f for f in files if f.startswith("static/gen/") and f.endswith(".js")]
    assert bundles and all((tmp_path / "work" / "gen" / Path(f).name).is_file() for f in bundles)
    assert 'href="static/gen/' in (out / "index.html").read_text()
