"""The Flask app for one content folder: load, check, then wire templates and blueprints."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    Response,
    abort,
    current_app,
    render_template,
    request,
    send_from_directory,
)
from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup

from ..content import Catalogue, load_catalogue
from ..errors import ContentError, collect_warnings
from ..files import cache_folder
from ..i18n.catalogues import keep_compiled_in
from ..paths import DEFAULT_CONTENT, STATIC, TEMPLATES
from . import delivery, headers
from .assets import bundle_urls, gen_folder
from .filters import register_filters
from .state import words
from .strings import note_bundle, strings_table
from .translations import install_translations
from .urls import link, url

# A Host header: a DNS name or an IPv4 address, or an IPv6 one in brackets, and a port.
HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?"
    r"|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?",
    re.IGNORECASE,
)


def make_app(
    content: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    config: dict[str, Any] | None = None,
) -> Flask:
    """Build the app for one content folder; raises ContentError when the content is broken."""
    app = Flask("hipapp", static_folder=str(STATIC), template_folder=str(TEMPLATES))
    app.config.from_prefixed_env("HIPAPP")
    app.config.update(config or {})
    folder = Path(content or app.config.get("CONTENT") or DEFAULT_CONTENT)
    # CONTENT_CACHE (the export's): keep each file's parse between runs, in the gen folder.
    kept = cache_folder(gen_folder(app), "content") if app.config.get("CONTENT_CACHE") else None
    # Loading renders bodies, and a body's "Cues" heading is looked up in every language.
    keep_compiled_in(cache_folder(gen_folder(app), "i18n"))
    # Every content file's hash: the export's key for "nothing changed at all".
    sources = app.extensions["hipapp.sources"] = {}
    with collect_warnings() as warnings:
        loaded = load_catalogue(folder, strict=strict, cache=kept, digests=sources)
        app.extensions["hipapp"] = cat = loaded[0]
        _setup(app, cat)
    # Every warning counts under --strict, whichever stage raised it (MkDocs' rule).
    if strict and warnings:
        raise ContentError(warnings)
    app.extensions["hipapp.warnings"] = sorted(warnings)
    return app


def _setup(app: Flask, cat: Catalogue) -> None:
    """Templates, assets, blueprints and hooks for one loaded catalogue."""

    # Compiling the templates costs every process ~0.4 s; keep the bytecode between runs
    # (checked against each template's source, so an edited template is compiled again).
    compiled = cache_folder(gen_folder(app), "jinja")
    if compiled is not None:
        app.jinja_env.bytecode_cache = FileSystemBytecodeCache(str(compiled))
    urls, env = bundle_urls(app, cat.site.theme_color)
    app.extensions["hipapp.assets"] = urls
    gen = gen_folder(app)
    if gen != STATIC / "gen":
        # Bundles built outside static/: serve them where the pages link them.
        app.add_url_rule(
            f"{app.static_url_path}/gen/<path:filename>",
            "gen",
            lambda filename: send_from_directory(gen, filename, max_age=31536000),
        )
    app.jinja_env.globals.update(
        url=url,
        link=link,
        site=cat.site,
        # A constant with no quotes or markup: written as is, not entity-escaped.
        meta_csp=Markup(headers.META_CSP) if app.config.get("META_CSP") else None,
        nav_pages=list(cat.pages.values()),
        asset=lambda name: _asset(app, env, urls, name, cat.site.theme_color),
        strings_table=strings_table,
    )
    register_filters(app.jinja_env)
    install_translations(app)

    @app.context_processor
    def language() -> dict[str, str]:
        return {"lang": words(current_app).lang}

    from .plans import bp as plans_bp
    from .programs import bp as programs_bp
    from .pwa import bp as pwa_bp
    from .views import bp

    app.register_blueprint(bp)
    app.register_blueprint(pwa_bp)
    app.register_blueprint(programs_bp)
    app.register_blueprint(plans_bp)

    @app.before_request
    def check_host() -> None:
        # The share page and its QR code are drawn from the Host when site.yaml has no url:;
        # a malformed one ("a b") is the client's mistake, not a 500 from the QR encoder.
        if not HOST.fullmatch(request.host):
            abort(400)

    @app.after_request
    def add_headers(response: Response) -> Response:
        for name, value in headers.SECURITY.items():
            response.headers.setdefault(name, value)  # a view's own policy (media) stays
        policy = headers.cache_control(request.path)
        if policy == headers.IMMUTABLE or "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = policy
        return response

    delivery.install(app)

    @app.errorhandler(404)
    def not_found(_: Exception) -> tuple[str, int]:
        return render_template("404.html"), 404


def _asset(app: Flask, env: Any, urls: dict[str, str], name: str, theme: str) -> str:
    """A bundle's link; the page's strings table will carry that bundle's messages."""
    note_bundle(name)
    if not app.debug:
        return link(urls[name])
    # Under --debug, built afresh when a source changed (an app made without debug and
    # switched to it later makes its environment now).
    from .bundler import asset_urls, init_assets

    return link(asset_urls(env or init_assets(app, theme))[name])
