"""The ``hipapp`` command: thin wrappers that load, call one function, and map errors."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .content import load_catalogue
from .content.starters import KINDS, starter
from .errors import ContentError, HipappError, collect_warnings
from .paths import DEFAULT_CONTENT
from .processes import batch, parallel

F = TypeVar("F", bound=Callable[..., Any])


class BaseUrl(click.ParamType[str]):
    """``--base-url``, held to the same rule as ``url:`` in site.yaml, before any work starts."""

    name = "URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from .content.options import Invalid
        from .content.site_options import Url

        try:
            # An empty value ("--base-url $UNSET") means no address, as leaving it out does.
            return Url().convert(value)
        except Invalid as exc:
            self.fail(str(exc), param, ctx)


def content_option(func: F) -> F:
    return click.option(
        "--content",
        type=click.Path(path_type=Path, file_okay=False),
        envvar="HIPAPP_CONTENT",
        default=DEFAULT_CONTENT,
        show_default="the bundled content/",
        help="The content folder.",
    )(func)


def fail(exc: HipappError) -> None:
    """Print a person-readable error and exit 1, without a traceback."""
    if isinstance(exc, ContentError):
        for problem in exc.problems:
            click.echo(str(problem))
        errors = sum(p.severity == "error" for p in exc.problems)
        warnings = len(exc.problems) - errors
        click.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}.", err=True)
    else:
        click.echo(f"error: {exc}", err=True)
    sys.exit(1)


def build_workers() -> int | None:
    """HIPAPP_BUILD_WORKERS, else None: one process per core."""
    configured = os.environ.get("HIPAPP_BUILD_WORKERS", "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hipapp")
def main() -> None:
    """Turn Markdown exercise cards and routines into an offline-first web app."""


@main.command()
@content_option
@click.option("--strict", is_flag=True, help="Treat warnings (such as unknown keys) as errors.")
def check(content: Path, strict: bool) -> None:
    """Check the content folder and list every problem as path:line: field: message."""
    with collect_warnings() as warnings:
        try:
            cat, _ = load_catalogue(content, strict=strict)
        except ContentError as exc:
            fail(exc)
            return
    for warning in sorted(warnings):
        click.echo(str(warning))
    counts = [
        plural(len(cat.exercises), "exercise"),
        plural(len(cat.routines), "routine"),
        plural(len(cat.programs), "program"),
        plural(len(warnings), "warning"),
    ]
    click.echo(f"{content}: {', '.join(counts)}. OK.", err=True)


@main.command()
@content_option
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True)
@click.option(
    "--base-url",
    type=BaseUrl(),
    default=None,
    help="Public URL of the site, e.g. https://example.org/hips/",
)
@click.option("--strict", is_flag=True, help="Refuse to build when there are warnings.")
def build(content: Path, out: Path, base_url: str | None, strict: bool) -> None:
    """Check the content, then write the whole static site to --out."""
    from .build.export import build_site

    with collect_warnings() as warnings:
        try:
            # The one place hipapp forks: a command that exits when done, never a server.
            with batch(), parallel(build_workers()):
                report = build_site(content, out, base_url=base_url, strict=strict)
        except HipappError as exc:
            fail(exc)
            return
    # The same warnings check prints, wherever they were raised: a build is a check too.
    for warning in sorted(warnings):
        click.echo(str(warning))
    done = f"{plural(report.rendered, 'page')} rendered, {plural(report.written, 'file')} changed"
    click.echo(
        f"Built {len(report.files)} files in {out} ({done}); {plural(len(warnings), 'warning')}.",
        err=True,
    )


@main.command()
@content_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option(
    "--debug",
    is_flag=True,
    help="Preview: content edits show on the next request, no restart, no service worker.",
)
def run(content: Path, host: str, port: int, debug: bool) -> None:
    """Serve the app for CONTENT on http://HOST:PORT/."""
    from . import create_app

    if debug:
        preview(content, host, port)
        return
    try:
        # Each file's parse is kept between starts, as app.py's server does.
        app = create_app(content, config={"CONTENT_CACHE": True})
    except HipappError as exc:
        fail(exc)
        return
    for warning in app.extensions["hipapp.warnings"]:
        click.echo(str(warning), err=True)
    app.run(host=host, port=port)


def preview(content: Path, host: str, port: int) -> None:
    """``run --debug``: content edits show on the next request, without a restart."""
    from werkzeug.serving import run_simple

    from .build.preview import Preview

    try:
        site = Preview(content, {"DEBUG": True})
    except HipappError as exc:
        fail(exc)
        return
    for warning in site.app.extensions["hipapp.warnings"]:
        click.echo(str(warning), err=True)
    # The reloader restarts the process for Python code only; content, templates, scripts
    # and styles are reloaded in place by Preview.
    run_simple(host, port, site, use_reloader=True, use_debugger=True, threaded=True)


@main.command()
@content_option
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("name", required=False)
def new(content: Path, kind: str, name: str | None) -> None:
    """Write a commented starting file: an exercise, routine or program NAME, or site.yaml."""

    def command(words: str) -> str:
        # The folder actually in use: a bare 'hipapp check' would check the bundled one.
        where = "" if content == DEFAULT_CONTENT else f" --content {shlex.quote(str(content))}"
        return f"hipapp {words}{where}"

    try:
        path, text = starter(content, kind, name, again=command("new {kind} NAME"))
        if path.exists():
            raise HipappError(f"{path} already exists")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(HipappError(f"cannot write in {content}: {(exc.strerror or 'error').lower()}"))
        return
    except HipappError as exc:
        fail(exc)
        return
    click.echo(f"Wrote {path}. Edit it, then run '{command('check')}'.", err=True)


if __name__ == "__main__":
    main()
