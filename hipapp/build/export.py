"""Freeze the app into plain static files that any static host can serve.

Content is checked before anything is written, so broken content writes nothing. Pages
are then written into ``--out`` in place; the marker (outdir.py) makes a killed build
detectable, and files the site no longer has are removed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from flask import url_for

from ..errors import BuildError
from ..paths import DEFAULT_CONTENT
from ..web import headers
from ..web.app import make_app
from ..web.pwa import precache
from ..web.sitemap import site_paths
from .freeze import file_of, freeze_urls, twins_of
from .outdir import (
    COMPLETE,
    MARKER,
    WRITING,
    check_destination,
    listed,
    mark,
    merge_headers,
    remove_stale,
    sweep_scratch,
    write_file,
)


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
    out = Path(out).resolve()
    marker = check_destination(out, Path(content or DEFAULT_CONTENT).resolve())
    # META_CSP: the exported pages carry their policy themselves, for hosts without headers.
    config: dict[str, object] = {"BASE_URL": base_url or "", "DELIVERY": False, "META_CSP": True}
    config["BASE_PATH"] = base = base_path(base_url)
    app = make_app(content, strict=strict, config=config)  # raises ContentError first
    with app.test_request_context():
        worker = url_for("pwa.service_worker")
    paths = [p for p in dict.fromkeys(site_paths(app)) if p != worker]
    extras = ["_headers", ".nojekyll"]  # .nojekyll: GitHub Pages publishes the folder as is
    planned = [name for p in [*paths, worker] for name in twins_of(file_of(p))] + extras
    previous = listed(marker)
    try:
        out.mkdir(parents=True, exist_ok=True)
        # Every file this build may write, and every file the last one did: a killed
        # build leaves nothing the next one does not know about.
        mark(out, WRITING, previous | set(planned))
        if marker is not None and marker.get("state") != COMPLETE:
            sweep_scratch(out)
        written = freeze_urls(app, paths, out)
        # The same list the service worker precaches, so the two can never disagree. The
        # worker's version hashes every other file, so it is written last, from the files
        # just frozen, instead of rendering the whole site a second time.
        with app.test_request_context():
            precache(app, read=lambda path: (out / file_of(path)).read_bytes())
        written += freeze_urls(app, [worker], out)
        host = out / "_headers"
        studio = host.read_text("utf-8") if host.is_file() else ""
        write_file(host, merge_headers(studio, headers.netlify_headers(base)).encode())
        write_file(out / ".nojekyll", b"")
        files = set(written) | set(extras)
        remove_stale(out, previous - files)
        mark(out, COMPLETE, files)
    except OSError as exc:
        raise BuildError(f"{exc.filename or out}: cannot write: {exc.strerror}") from exc
    except BuildError:
        raise
    except Exception as exc:
        raise BuildError(f"build failed: {exc}") from exc
    return sorted(files | {MARKER})
