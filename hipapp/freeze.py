"""Freeze a list of URLs to files, split across forked worker processes for large sites.

Pages are independent, so a big library freezes on every core. Workers are forked after
the catalogue is loaded, so they share it instead of loading it again.
"""

from __future__ import annotations

import gzip
import os
import sys
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path

import brotli
from flask import Flask
from flask_frozen import Freezer

from .errors import BuildError

PARALLEL_FROM = 200  # below this many URLs, forking costs more than it saves
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".webmanifest", ".txt", ".xml"}
PRECOMPRESSED = (".gz", ".br")


def workers_for(count: int) -> int:
    """How many processes to use: HIPAPP_BUILD_WORKERS, else one per core for big sites."""
    configured = os.environ.get("HIPAPP_BUILD_WORKERS", "")
    if configured.isdigit() and int(configured) > 0:
        wanted = int(configured)
    else:
        wanted = (os.cpu_count() or 1) if count >= PARALLEL_FROM else 1
    return max(1, min(wanted, 8, count)) if hasattr(os, "fork") else 1


def freeze_urls(app: Flask, urls: list[str], destination: Path) -> None:
    """Write every URL under ``destination`` with its .gz and .br twins."""
    workers = workers_for(len(urls))
    chunks = [urls[i::workers] for i in range(workers)]
    children = []
    for chunk in chunks[1:]:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            code = 0
            try:
                _freeze_chunk(app, chunk, destination)
            except BaseException:
                traceback.print_exc(file=sys.stderr)
                code = 1
            os._exit(code)
        children.append(pid)
    error: Exception | None = None
    try:
        _freeze_chunk(app, chunks[0], destination)
    except Exception as exc:
        error = exc
    failed = [pid for pid in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])]
    if error is not None:
        raise error
    if failed:
        raise BuildError(f"{len(failed)} build worker(s) failed; see the messages above")


def _freeze_chunk(app: Flask, urls: list[str], destination: Path) -> None:
    app.config.update(FREEZER_DESTINATION=str(destination), FREEZER_REMOVE_EXTRA_FILES=False)
    freezer = Freezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)

    def listed() -> Iterator[str]:
        yield from urls

    freezer.register_generator(listed)
    with warnings.catch_warnings():
        # The freezer warns about endpoints outside this chunk; the chunks cover them all.
        warnings.filterwarnings("ignore", message="Nothing frozen for endpoints")
        for page in freezer.freeze_yield():
            precompress(destination / page.path)


def precompress(path: Path) -> None:
    """Write .gz and .br beside a text file (nginx gzip_static/brotli_static serve them)."""
    if path.suffix not in COMPRESSIBLE:
        return
    data = path.read_bytes()
    if len(data) < 512:
        return
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    # Brotli at its best costs ~50x gzip's CPU: spend it on the few shared, forever-cached
    # bundles. Pages get gzip only, which nginx serves with its built-in gzip_static (CDNs
    # brotli-compress pages on the fly), so a large library still builds fast.
    if path.parent.name == "gen":
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
