"""hipapp: Markdown exercise cards and routines as an installable, offline-first web app.

The package shows its pipeline: ``content`` reads and checks a folder, ``plan`` expands
routines and programs into timed steps, ``pwa`` describes the installable app, ``web``
serves it and ``build`` exports it as static files. Each imports only the ones before it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["create_app"]


def create_app(
    content: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    config: dict[str, Any] | None = None,
) -> Flask:
    """Build the app for one content folder; raises ContentError when the content is broken."""
    # Imported here, so that reading content (hipapp.content) never loads Flask.
    from .cli import build, check, new
    from .web.app import make_app

    app = make_app(content, strict=strict, config=config)
    for command in (check, build, new):  # `flask --app app check` works like `hipapp check`
        app.cli.add_command(command)
    return app
