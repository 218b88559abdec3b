"""Program pages, the client's today link, the studio's share page and the history page."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask.typing import ResponseReturnValue

from ..content.model import Program
from ..content.schedule import length, weeks
from ..plan.programs import REST_DAY, ProgramDay, calendar, day_routine, describe_change
from ..plan.sequence import expand, total_seconds
from ..pwa.qr import qr_svg
from .filters import unbroken
from .models import (
    DayView,
    HistoryData,
    HistoryProgram,
    NextDay,
    ProgramRef,
    ProgramSummary,
    TodayData,
    player_data,
)
from .state import catalogue, words
from .urls import url
from .views import found

bp = Blueprint("programs", __name__)


def _program(slug: str) -> Program:
    return found(catalogue(current_app).programs, slug)


def _rest_title() -> str:
    return words(current_app).gettext(REST_DAY)


def _day(program: Program, number: int) -> ProgramDay:
    try:
        return day_routine(
            program, catalogue(current_app).routines, number, rest_title=_rest_title()
        )
    except ValueError:
        abort(404)


def _calendar(program: Program) -> list[ProgramDay]:
    return calendar(program, catalogue(current_app).routines, rest_title=_rest_title())


def _changes(program: Program) -> list[tuple[int, str]]:
    w = words(current_app)
    return [(p.from_week, unbroken(describe_change(p, w))) for p in program.progression]


def day_view(program: Program, day: ProgramDay) -> DayView:
    """What the today page needs about one day, with links from this page."""
    return DayView(
        n=day.number,
        title=day.title,
        rest=day.rest,
        url=url("programs.day", slug=program.slug, n=day.number),
        play=url("programs.play", slug=program.slug, n=day.number) if day.routine else None,
        total=total_seconds(expand(day.steps)),
    )


def site_base() -> tuple[str, bool]:
    """The site's absolute address ending in "/", and whether it is a configured public one.

    Without ``url:`` in site.yaml (or ``--base-url``) it is the address this server was
    reached at, which is right on a studio's own server and wrong in an export; the share
    pages say so, and their script uses the address the studio really opened.
    """
    public = current_app.config.get("BASE_URL") or catalogue(current_app).site.url
    return ((public.rstrip("/") + "/") if public else request.url_root), bool(public)


def client_link(slug: str) -> tuple[str, bool]:
    """The absolute link a client opens, and whether it comes from a configured public URL."""
    base, public = site_base()
    return f"{base}programs/{slug}/today/", public


@bp.get("/programs/")
def index() -> ResponseReturnValue:
    # Every program: the home page shows the first few (views.HOME_TILES).
    programs = list(catalogue(current_app).programs.values())
    return render_template("programs.html", programs=programs)


@bp.get("/programs/<slug>/")
def overview(slug: str) -> ResponseReturnValue:
    program = _program(slug)
    days = _calendar(program)
    by_week = [days[i : i + 7] for i in range(0, len(days), 7)]
    changes = _changes(program)
    totals = {d.number: total_seconds(expand(d.steps)) for d in days}
    return render_template(
        "program.html",
        program=program,
        weeks=by_week,
        totals=totals,
        changes=changes,
        length=length(program),
        week_count=weeks(program),
    )


@bp.get("/programs/<slug>/day/<int:n>/")
def day(slug: str, n: int) -> ResponseReturnValue:
    program = _program(slug)
    item = _day(program, n)
    cat = catalogue(current_app)
    return render_template(
        "program_day.html",
        program=program,
        day=item,
        cards=cat.exercises,
        length=length(program),
        total=total_seconds(expand(item.steps)),
        change=unbroken(describe_change(item.change, words(current_app))) if item.change else "",
    )


@bp.get("/programs/<slug>/day/<int:n>/play/")
def play(slug: str, n: int) -> ResponseReturnValue:
    program = _program(slug)
    item = _day(program, n)
    if item.routine is None:
        abort(404)
    cat = catalogue(current_app)
    routine = cat.routines[item.routine]
    following = _day(program, n + 1) if n < length(program) else None
    data = player_data(
        routine.title,
        expand(item.steps),
        cat.exercises,
        media_url=url("site.index") + "media/",
        exercise_url=url("site.exercises"),
        pain_check=cat.site.pain_check,
        program=ProgramRef(
            slug,
            program.title,
            n,
            length(program),
            NextDay(
                following.number,
                following.title,
                following.rest,
                total_seconds(expand(following.steps)),
            )
            if following
            else None,
        ),
    )
    return render_template(
        "play.html",
        routine=routine,
        data=data,
        back=("programs.day", {"slug": slug, "n": n}),
        day=n,
    )


@bp.get("/programs/<slug>/today/")
def today(slug: str) -> ResponseReturnValue:
    program = _program(slug)
    days = _calendar(program)
    data = TodayData(
        slug,
        program.title,
        length(program),
        [day_view(program, d) for d in days],
        plan=url("plans.client"),
        studio=catalogue(current_app).site.name,
    )
    return render_template("program_today.html", program=program, data=data)


@bp.get("/programs/<slug>/share/")
def share(slug: str) -> ResponseReturnValue:
    program = _program(slug)
    cat = catalogue(current_app)
    link, public = client_link(slug)
    used = list(dict.fromkeys(d for d in program.days if d))
    return render_template(
        "program_share.html",
        item=program,
        kind="program",
        crumb=url("programs.overview", slug=slug),
        today=url("programs.today", slug=slug),
        link=link,
        plan_base=site_base()[0] + "plan/",
        public=public,
        routines=[cat.routines[r] for r in used],
        cards=cat.exercises,
        changes=_changes(program),
        length=length(program),
    )


@bp.get("/programs/<slug>/qr.svg")
def qr(slug: str) -> Response:
    _program(slug)
    link, _ = client_link(slug)
    return Response(qr_svg(link), mimetype="image/svg+xml")


@bp.get("/history/")
def history() -> ResponseReturnValue:
    cat = catalogue(current_app)
    programs = {
        p.slug: HistoryProgram(
            title=p.title,
            length=length(p),
            workdays=[d.number for d in _calendar(p) if not d.rest],
            today=url("programs.today", slug=p.slug),
        )
        for p in cat.programs.values()
    }
    titles = {slug: card.title for slug, card in cat.exercises.items()}
    data = HistoryData(cat.site.name, cat.site.contact, programs, titles)
    return render_template("history.html", data=data)


@bp.app_template_global()
def program_summaries() -> dict[str, ProgramSummary]:
    """Each program's day titles, for the home page's "continue your program" card."""
    cat = catalogue(current_app)
    return {
        p.slug: ProgramSummary(
            title=p.title,
            today=url("programs.today", slug=p.slug),
            days=[d.title for d in _calendar(p)],
        )
        for p in cat.programs.values()
    }
