"""The app state accessors: the catalogue an app was built with (flaskr's ``get_db``) and
the words it speaks.

The language lives in one place: ``words(app)``. Today a site has one language (``lang``
in site.yaml), so it is made once per app; a multilingual site would pick it per request
here, and nothing that calls ``words`` would change.
"""

from __future__ import annotations

from flask import Flask

from ..content.model import Catalogue
from ..i18n import Words, words_for
from ..i18n.phrases import overrides


def catalogue(app: Flask) -> Catalogue:
    """The catalogue an app was built with."""
    cat: Catalogue = app.extensions["hipapp"]
    return cat


def words(app: Flask) -> Words:
    """The words of the app's language, with the studio's own phrases."""
    found: Words | None = app.extensions.get("hipapp.words")
    if found is None:
        site = catalogue(app).site
        found = app.extensions["hipapp.words"] = words_for(site.lang, overrides(site.phrases))
    return found
