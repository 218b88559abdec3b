"""The bundled content exported once per test session, per public address.

Exporting takes seconds; most tests only read or serve the result, so they share one
export per base URL. A test that changes files must build its own into ``tmp_path``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hipapp.build.export import build
from hipapp.paths import DEFAULT_CONTENT

Exported = Callable[..., tuple[Path, list[str]]]


@pytest.fixture(scope="session")
def bundled_export(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """``bundled_export(base_url=None)`` → (folder, files written), built on first use.

    Under a base URL with a path ("https://example.org/hips/") the folder is named for
    that path, so serving ``folder.parent`` serves the site under its subpath.
    """
    done: dict[str | None, tuple[Path, list[str]]] = {}

    def export(base_url: str | None = None) -> tuple[Path, list[str]]:
        if base_url not in done:
            root = tmp_path_factory.mktemp("export")
            prefix = urlsplit(base_url or "").path.strip("/")
            out = root / prefix if prefix else root / "www"
            done[base_url] = out, build(DEFAULT_CONTENT, out, base_url=base_url)
        return done[base_url]

    return export
