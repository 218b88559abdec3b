"""The templates' words: ``_()``, ``gettext()``, ``ngettext()`` and ``{% trans %}``.

Jinja's i18n extension parses them; these callables answer them. They behave as its
"newstyle" gettext does (the text is markup, ``%(name)s`` placeholders are filled with
escaped values, ``num`` defaults to ``n`` as the language writes numbers), but each
message is looked up once per app
rather than on every call: a page asks for about forty, and a large library renders
thousands of pages. The words come from the accessor (web/state.py), so the language
still lives in one place.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup, escape

from .state import words


def install_translations(app: Flask) -> None:
    """Give ``app``'s templates their language's words, looked up once per message."""
    singles: dict[str, str] = {}
    plurals: dict[tuple[str, str, int], str] = {}

    def translate(message: str) -> str:
        found = singles.get(message)
        if found is None:
            w = words(app)
            # Jinja trusts catalogue text as markup, but not the studio's own phrases,
            # which are plain words: "100%" is a percent sign, not a placeholder.
            override = w.overrides.get(message)
            if override is not None:
                found = str(escape(override)).replace("%", "%%")
            else:
                found = str(w.translations.gettext(message))
            singles[message] = found
        return found

    def forms(singular: str, plural: str, n: int) -> str:
        key = (singular, plural, n)
        found = plurals.get(key)
        if found is None:
            found = plurals[key] = str(words(app).translations.ngettext(singular, plural, n))
        return found

    @pass_eval_context
    def gettext(ctx: EvalContext, message: str, **values: Any) -> str:
        text = translate(message)
        return (Markup(text) if ctx.autoescape else text) % values

    @pass_eval_context
    def ngettext(ctx: EvalContext, singular: str, plural: str, n: int, **values: Any) -> str:
        text = forms(singular, plural, n)
        values.setdefault("num", words(app).number(n))  # "1,200 days", as Words.ngettext
        return (Markup(text) if ctx.autoescape else text) % values

    env = app.jinja_env
    env.add_extension("jinja2.ext.i18n")
    # newstyle: {% trans %} passes its variables to gettext, which escapes them.
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals.update(gettext=gettext, _=gettext, ngettext=ngettext)
