"""Freeze a list of URLs to files, split across forked worker processes for large sites.

Pages are independent, so a big library freezes on every core under ``hipapp build``.
Workers are forked after the catalogue is loaded, so they share it instead of loading it
again.

Each URL is dispatched straight into the app inside one app context, with a minimal WSGI
environ: no test client, no response wrapping, no per-URL freezer bookkeeping. That took
Frozen-Flask's ~3.7 ms per page down to ~1.6 ms (bench/build_speed.py), which matters for a
studio with thousands of cards.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import sys
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_to_bytes

import brotli
from flask import Flask

from ..errors import BuildError
from ..files import cache_folder, keep
from ..processes import fork_batches
from ..web.assets import gen_folder
from .outdir import write_file

PER_PROCESS = 100  # below this many URLs per process, forking costs more than it saves
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".webmanifest", ".txt", ".xml"}


def freeze_urls(app: Flask, urls: list[str], destination: Path) -> list[str]:
    """Write every URL under ``destination`` with its .gz and .br twins; list the files.

    Under ``hipapp build`` (see hipapp/processes.py) a large site is split over processes.
    """
    work = partial(_freeze_chunk, app, destination=destination)
    return [name for names in fork_batches(work, urls, least=PER_PROCESS) for name in names]


def twins_of(name: str) -> tuple[str, str, str]:
    """A file and the compressed twins it may have."""
    return name, f"{name}.gz", f"{name}.br"


def file_of(path: str) -> str:
    """Where a URL path is written: "/a/" → "a/index.html", "/my%20pose.png" → "my pose.png".

    A static host decodes the URL it is asked for and serves the file of that name.
    """
    rel = unquote(path).lstrip("/")
    return rel + "index.html" if not rel or rel.endswith("/") else rel


def render(app: Flask, path: str) -> bytes:
    """The body ``app`` serves at ``path``; anything but a 200 is a build error."""
    # WSGI's PATH_INFO is the decoded path, its bytes as latin-1 (PEP 3333), as a server
    # would pass it: "/media/my%20pose.png" arrives as "/media/my pose.png".
    decoded = unquote_to_bytes(path).decode("latin-1")
    environ = dict(_ENVIRON, PATH_INFO=decoded, **{"wsgi.input": io.BytesIO()})
    with app.request_context(environ):
        response = app.full_dispatch_request()
    # Files from send_file stream straight through; read them like any other body.
    response.direct_passthrough = False
    try:
        if response.status_code != 200:
            raise BuildError(f"{path}: the app answered {response.status} instead of a page")
        return response.get_data()
    finally:
        response.close()


_ENVIRON: dict[str, Any] = {
    "REQUEST_METHOD": "GET",
    "SCRIPT_NAME": "",
    "QUERY_STRING": "",
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "80",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "HTTP_HOST": "localhost",
    "wsgi.version": (1, 0),
    "wsgi.url_scheme": "http",
    "wsgi.errors": sys.stderr,
    "wsgi.multithread": False,
    "wsgi.multiprocess": False,
    "wsgi.run_once": False,
}


def _freeze_chunk(app: Flask, urls: list[str], destination: Path) -> list[list[str]]:
    bundles = cache_folder(gen_folder(app), "brotli")
    written = []
    with app.app_context():
        for path in urls:
            name = file_of(path)
            data = render(app, path)
            write_file(destination / name, data)
            # Only the hashed bundles (/static/gen/…) get brotli: a page or card that
            # happens to be called "gen" is a page like any other.
            bundle = path.startswith(f"{app.static_url_path}/gen/")
            twins = precompressed(data, name, cache=bundles if bundle else None, brotli_too=bundle)
            for twin, packed in twins.items():
                write_file(destination / twin, packed)
            written.append([name, *twins])
    return written


def precompressed(
    data: bytes, name: str, *, cache: Path | None = None, brotli_too: bool = False
) -> dict[str, bytes]:
    """The .gz (and with ``brotli_too`` .br) twins of a text file, for nginx's *_static.

    ``cache`` is a folder to keep brotli twins in between builds, keyed by the bytes.
    """
    if Path(name).suffix not in COMPRESSIBLE or len(data) < 512:
        return {}
    twins = {f"{name}.gz": gzip.compress(data, 9, mtime=0)}
    # Brotli at its best costs ~50x gzip's CPU: spend it on the few shared, forever-cached
    # bundles. Pages get gzip only, which nginx serves with its built-in gzip_static (CDNs
    # brotli-compress pages on the fly), so a large library still builds fast.
    if brotli_too:
        twins[f"{name}.br"] = _brotli(data, cache)
    return twins


def _brotli(data: bytes, cache: Path | None) -> bytes:
    kept = cache / f"{hashlib.sha256(data).hexdigest()[:32]}.br" if cache else None
    if kept and kept.is_file():
        return kept.read_bytes()
    packed: bytes = brotli.compress(data, quality=11)
    if kept and kept.parent.is_dir():
        keep(kept, packed)
    return packed
