"""Personal plans: the client's plan page and player, the library they build on, and the
studio's share page for a routine.

Every page here is the same static file for every client: the plan itself is in the
link's fragment, which the browser never sends, and static/js/plans/ reads it.
"""

from __future__ import annotations

import json

from flask import Blueprint, Flask, Response, current_app, render_template
from flask.typing import ResponseReturnValue

from ..content.model import Program, Routine
from ..plan.personal import revision
from .models import (
    PlanBounds,
    PlanCard,
    PlanLibrary,
    PlanProgram,
    PlanRoutine,
    Timing,
    card_view,
    fields_of,
)
from .programs import site_base
from .state import catalogue
from .urls import url
from .views import found

bp = Blueprint("plans", __name__)


def routine_revision(app: Flask, routine: Routine) -> str:
    return revision((routine,), catalogue(app).exercises)


def program_revision(app: Flask, program: Program) -> str:
    cat = catalogue(app)
    used = dict.fromkeys(d for d in (*program.days, program.rest_routine) if d)
    return revision(tuple(cat.routines[r] for r in used), cat.exercises, program)


def plan_library(app: Flask) -> PlanLibrary:
    """What plans build on; links are relative to the page asking (plan/library.json)."""
    cat = catalogue(app)
    media, cards_url = url("site.index") + "media/", url("site.exercises")
    return PlanLibrary(
        studio=cat.site.name,
        exercises=cards_url,
        timing=Timing(),
        bounds=PlanBounds(),
        cards={
            slug: PlanCard(slug, card.dosage, card_view(card, cat.exercises, media, cards_url))
            for slug, card in cat.exercises.items()
        },
        routines={
            slug: PlanRoutine(slug, r.title, routine_revision(app, r), r.steps)
            for slug, r in cat.routines.items()
        },
        programs={
            slug: PlanProgram(
                slug,
                p.title,
                program_revision(app, p),
                p.days,
                p.repeat,
                p.progression,
                p.rest_routine,
            )
            for slug, p in cat.programs.items()
        },
    )


@bp.get("/plan/library.json")
def library() -> Response:
    body = json.dumps(plan_library(current_app), separators=(",", ":"), default=fields_of)
    return Response(body, mimetype="application/json")


@bp.get("/plan/")
def client() -> ResponseReturnValue:
    return render_template("plan.html")


@bp.get("/plan/play/")
def play() -> ResponseReturnValue:
    return render_template(
        "play.html", routine=None, data=None, back=("plans.client", {}), day=None
    )


@bp.get("/routines/<slug>/share/")
def routine_share(slug: str) -> ResponseReturnValue:
    routine = found(catalogue(current_app).routines, slug)
    base, public = site_base()
    return render_template(
        "routine_share.html",
        item=routine,
        kind="routine",
        crumb=url("site.routine", slug=slug),
        today=url("site.routine", slug=slug),
        link=f"{base}routines/{slug}/",
        plan_base=f"{base}plan/",
        public=public,
        cards=catalogue(current_app).exercises,
    )
