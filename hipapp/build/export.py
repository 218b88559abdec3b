"""Freeze the app into plain static files that any static host can serve, incrementally.

Content is checked before anything is written, so broken content writes nothing. Then
only URLs whose inputs changed (inputs.py) are rendered again, only files whose bytes
changed are written, the service worker last, and files the site no longer has are
removed. The marker (outdir.py) holds the build manifest, URL → input hash → output
hash, and says whether the build that wrote the folder finished.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, url_for

from ..errors import BuildError
from ..paths import DEFAULT_CONTENT
from ..web import headers
from ..web.app import make_app
from ..pwa.precache import revision_of
from ..web.pwa import precache
from ..web.render import site_request
from ..web.sitemap import site_entries
from .freeze import Frozen, file_of, files_of, freeze_urls, holds, put
from .inputs import build_key, input_keys
from .outdir import (
    COMPLETE,
    MARKER,
    WRITING,
    Record,
    check_destination,
    listed,
    mark,
    merge_headers,
    records,
    remove_stale,
    sweep_scratch,
    unchanged,
    write_file,
)


@dataclass(frozen=True)
class Report:
    """What one build did."""

    files: list[str]  # the site's files, twins included
    rendered: int  # URLs rendered again, because their inputs changed (none if nothing did)
    written: int  # files written (twins too), because their bytes changed


def base_path(base_url: str | None) -> str:
    """The path part of a public base URL, with one trailing slash: "/hips/"."""
    path = urlsplit(base_url or "").path.strip("/")
    return f"/{path}/" if path else "/"


def build(
    content: Path | None = None,
    out: Path = Path("build"),
    *,
    base_url: str | None = None,
    strict: bool = False,
) -> list[str]:
    """Check ``content`` and write the static site to ``out``; return the site's files."""
    return build_site(content, out, base_url=base_url, strict=strict).files


def build_site(
    content: Path | None = None,
    out: Path = Path("build"),
    *,
    base_url: str | None = None,
    strict: bool = False,
) -> Report:
    """Check ``content``, then bring ``out`` up to date with it; say what it took."""
    out = Path(out).resolve()
    marker = check_destination(out, Path(content or DEFAULT_CONTENT).resolve())
    # META_CSP: the exported pages carry their policy themselves, for hosts without headers.
    config: dict[str, object] = {"BASE_URL": base_url or "", "DELIVERY": False, "META_CSP": True}
    config["CONTENT_CACHE"] = True  # a rebuild parses only the files that changed
    config["BASE_PATH"] = base_path(base_url)
    app = make_app(content, strict=strict, config=config)  # raises ContentError first
    try:
        return _write(app, out, marker)
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror}") from exc
    except BuildError:
        raise
    except Exception as exc:
        raise BuildError(f"build failed: {exc}") from exc


def _write(app: Flask, out: Path, marker: dict[str, object] | None) -> Report:
    built_from = build_key(app)
    if unchanged(out, marker, built_from):
        # Nothing the site is made from changed since a build that finished: every page,
        # and the worker, would come out the same. Only the host's _headers may need it.
        files = listed(marker)
        return Report(sorted(files | {MARKER}), 0, _host_files(out, str(app.config["BASE_PATH"])))
    with site_request(app):
        worker = url_for("pwa.service_worker")
    entries = [e for e in site_entries(app) if e[0] != worker]
    keys = input_keys(app, entries)
    # A killed build's folder: its records no longer describe the files, so every page
    # is rendered again, and compared with what is on disk.
    finished = marker is not None and marker.get("state") == COMPLETE
    before = records(marker) if finished else {}
    todo = [
        path
        for path, _, _ in entries
        if path not in before or before[path].input != keys[path] or not before[path].present(out)
    ]
    extras = ["_headers", ".nojekyll"]  # .nojekyll: GitHub Pages publishes the folder as is
    planned = [name for p, _, _ in entries for name in files_of(app, p)]
    previous = listed(marker)
    out.mkdir(parents=True, exist_ok=True)
    # Every file this build may write, and every file the last one did: a killed build
    # leaves nothing the next one does not know about.
    may_write = previous | set(planned) | {file_of(worker)} | set(extras)
    mark(out, WRITING, may_write)
    if marker is not None and not finished:
        sweep_scratch(out)
    known = {path: record.output for path, record in before.items()}
    frozen = dict(zip(todo, freeze_urls(app, todo, out, known), strict=True))
    pages = {
        path: _record(keys[path], frozen[path]) if path in frozen else before[path]
        for path, _, _ in entries
    }
    # The same list the service worker precaches, so the two can never disagree. The
    # worker's version hashes every other file's revision, so it is written last.
    with site_request(app):
        pre = precache(
            app,
            revision=lambda p: pages[p].output,
            size=lambda p: (out / file_of(p)).stat().st_size,
        )
        parts = {url_for("pwa.worker_part", name=name): data for name, data in pre.parts.items()}
    # The worker's parts are named by their bytes, known only now: listed before written,
    # and written as they are (no need to render them), before the worker that names them.
    mark(out, WRITING, may_write | {file_of(path) for path in parts})
    # A part's name is the hash of its bytes: one a finished build listed holds them.
    kept_parts = previous if finished else set()
    done = [
        put(out, path, data, revision_of(data) if file_of(path) in kept_parts else None)
        for path, data in parts.items()
    ]
    done += freeze_urls(app, [worker], out, known)
    written = sum(len(f.files) for f in (*frozen.values(), *done) if f.wrote)
    written += _host_files(out, str(app.config["BASE_PATH"]))
    files = {name for r in pages.values() for name in r.files} | set(extras)
    files |= {name for f in done for name in f.files}
    remove_stale(out, previous - files)
    mark(out, COMPLETE, files, pages, built_from)
    return Report(sorted(files | {MARKER}), len(todo) + 1, written)


def _record(key: str, frozen: Frozen) -> Record:
    return Record(key, frozen.revision, frozen.files)


def _host_files(out: Path, base: str) -> int:
    """Write ``_headers`` (merged with the studio's) and ``.nojekyll`` if they changed."""
    host = out / "_headers"
    studio = host.read_text("utf-8") if host.is_file() else ""
    wanted = {
        host: merge_headers(studio, headers.netlify_headers(base)).encode(),
        out / ".nojekyll": b"",
    }
    changed = [path for path, data in wanted.items() if not holds(path, data)]
    for path in changed:
        write_file(path, wanted[path])
    return len(changed)

