"""The site's pages: thin handlers over the catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import TypeVar

from flask import Blueprint, abort, current_app, render_template, request, send_from_directory
from flask.typing import ResponseReturnValue

from ..plan.sequence import expand, total_seconds
from . import headers
from .models import player_data
from .state import catalogue
from .urls import LINK_BASE, url

bp = Blueprint("site", __name__)
T = TypeVar("T")


def found(items: Mapping[str, T], slug: str) -> T:
    """The item named ``slug``, or the friendly 404 page."""
    item = items.get(slug)
    if item is None:
        abort(404)
    return item


# A large library's home page shows this many programs and routines, in content order,
# and links to the lists of all of them: a page every phone stores stays small.
HOME_TILES = 24


@bp.get("/")
def index() -> ResponseReturnValue:
    cat = catalogue(current_app)
    programs = list(islice(cat.programs.values(), HOME_TILES))
    routines = list(islice(cat.routines.values(), HOME_TILES))
    totals = {r.slug: total_seconds(expand(r.steps)) for r in routines}
    return render_template(
        "index.html", cat=cat, programs=programs, routines=routines, totals=totals
    )


@bp.get("/routines/")
def routines() -> ResponseReturnValue:
    # Every routine: the home page shows the first HOME_TILES.
    cat = catalogue(current_app)
    totals = {slug: total_seconds(expand(r.steps)) for slug, r in cat.routines.items()}
    return render_template("routines.html", routines=list(cat.routines.values()), totals=totals)


@bp.get("/exercises/")
def exercises() -> ResponseReturnValue:
    cat = catalogue(current_app)
    cards = sorted(cat.exercises.values(), key=lambda c: c.title.lower())
    return render_template("exercises.html", cards=cards)


@bp.get("/exercises/<slug>/")
def exercise(slug: str) -> ResponseReturnValue:
    cat = catalogue(current_app)
    card = found(cat.exercises, slug)
    used_in = cat.used_in.get(slug, ())
    return render_template("exercise.html", card=card, cards=cat.exercises, used_in=used_in)


@bp.get("/routines/<slug>/")
def routine(slug: str) -> ResponseReturnValue:
    cat = catalogue(current_app)
    item = found(cat.routines, slug)
    return render_template(
        "routine.html", routine=item, cards=cat.exercises, total=total_seconds(expand(item.steps))
    )


@bp.get("/routines/<slug>/play/")
def play(slug: str) -> ResponseReturnValue:
    cat = catalogue(current_app)
    item = found(cat.routines, slug)
    data = player_data(
        item.title,
        expand(item.steps),
        cat.exercises,
        media_url=url("site.index") + "media/",
        exercise_url=url("site.exercises"),
        pain_check=cat.site.pain_check,
    )
    return render_template(
        "play.html", routine=item, data=data, back=("site.routine", {"slug": slug}), day=None
    )


@bp.get("/<slug>/")
def page(slug: str) -> ResponseReturnValue:
    item = found(catalogue(current_app).pages, slug)
    return render_template("page.html", page=item)


@bp.get("/media/<path:name>")
def media(name: str) -> ResponseReturnValue:
    cat = catalogue(current_app)
    if name not in cat.media:
        abort(404)
    response = send_from_directory(cat.media_dir, name, max_age=86400)
    response.headers["Content-Security-Policy"] = headers.MEDIA_CSP
    return response


@bp.get("/robots.txt")
def robots() -> ResponseReturnValue:
    """Everything may be indexed: the site is public material for a studio's clients."""
    return current_app.response_class("User-agent: *\nAllow: /\n", mimetype="text/plain")


@bp.get("/404.html")
def not_found_page() -> ResponseReturnValue:
    """The static host's 404 page; it may be served at any depth, so it links absolutely."""
    request.environ[LINK_BASE] = current_app.config.get("BASE_PATH", "/")
    return render_template("404.html")
