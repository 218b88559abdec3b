"""Freeze the app into plain static files that any static host can serve.

The build is all or nothing: content is checked first, pages are frozen into a scratch
folder next to the destination, and only a complete build replaces the old one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from flask import url_for

from ..errors import BuildError
from ..web import headers
from ..web.app import make_app
from ..web.pwa import precache
from ..web.sitemap import site_paths
from .freeze import file_of, freeze_urls

# A file only hipapp writes; its presence means "this folder is ours to replace".
SIGNATURE = "_headers"


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
    """Check ``content`` and write the static site to ``out``; return the files written."""
    out = Path(out).resolve()
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / SIGNATURE).exists():
        raise BuildError(
            f"{out}: refusing to replace a folder that is not empty and is not a hipapp build"
        )
    # META_CSP: the exported pages carry their policy themselves, for hosts without headers.
    config: dict[str, object] = {"BASE_URL": base_url or "", "DELIVERY": False, "META_CSP": True}
    config["BASE_PATH"] = base = base_path(base_url)
    app = make_app(content, strict=strict, config=config)  # raises ContentError first
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        # mkdtemp makes a private folder (0700); a web server running as another user
        # must read the export, so give it the mode a plain mkdir would.
        scratch.chmod(0o777 & ~_umask())
        # The same list the service worker precaches, so the two can never disagree. The
        # worker's version hashes every other file, so it is written last, from the files
        # just frozen, instead of rendering the whole site a second time.
        with app.test_request_context():
            worker = url_for("pwa.service_worker")
        freeze_urls(app, [p for p in dict.fromkeys(site_paths(app)) if p != worker], scratch)
        with app.test_request_context():
            precache(app, read=lambda path: (scratch / file_of(path)).read_bytes())
        freeze_urls(app, [worker], scratch)
        (scratch / SIGNATURE).write_text(headers.netlify_headers(base), "utf-8")
        (scratch / ".nojekyll").touch()  # GitHub Pages: publish the folder as it is
        files = sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file())
        _replace(scratch, out)
    except BaseException as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(exc, Exception) and not isinstance(exc, BuildError):
            raise BuildError(f"build failed: {exc}") from exc
        raise
    return files


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _replace(scratch: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    scratch.rename(out)
    shutil.rmtree(old, ignore_errors=True)
