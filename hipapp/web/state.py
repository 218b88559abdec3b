"""The app state accessor: the catalogue an app was built with (flaskr's ``get_db``)."""

from __future__ import annotations

from flask import Flask

from ..content.model import Catalogue


def catalogue(app: Flask) -> Catalogue:
    """The catalogue an app was built with."""
    cat: Catalogue = app.extensions["hipapp"]
    return cat
