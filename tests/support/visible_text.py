"""What a person can read on a page now: visible text nodes and labelling attributes.

The server's pages are checked as HTML (tests/web/test_language.py); these helpers read
the live page after its scripts have drawn, so they see what the scripts wrote too.
"""

from __future__ import annotations

import re
from functools import cache

from babel.messages.catalog import Catalog
from playwright.sync_api import Page

from hipapp.i18n.catalogues import read_catalogue, read_template

_COLLECT = """() => {
  const out = [document.title];
  const shown = (el) => (el.checkVisibility ? el.checkVisibility() : true);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript, template') || !shown(el)) continue;
    if (n.data.trim()) out.push(n.data);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    if (!shown(el)) continue;
    for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
  }
  return out;
}"""

# Month and weekday names as Intl writes them in the page's language: locale data, not
# the catalogue's (a pseudo-locale has none, so Intl writes its default's).
_INTL_NAMES = """() => {
  const lang = document.documentElement.lang;
  const names = [];
  // 2024: the 1st of each month, and 1 to 7 January, Monday to Sunday.
  const dates = [...Array(12).keys()].map((m) => new Date(Date.UTC(2024, m, 1)));
  dates.push(...[...Array(7).keys()].map((d) => new Date(Date.UTC(2024, 0, 1 + d))));
  for (const date of dates) {
    for (const o of [{month: 'long'}, {month: 'short'}, {weekday: 'long'}, {weekday: 'short'}]) {
      names.push(date.toLocaleDateString(lang, {...o, timeZone: 'UTC'}));
    }
  }
  return names;
}"""


def visible_texts(page: Page) -> list[str]:
    texts: list[str] = page.evaluate(_COLLECT)
    return texts


def intl_names(page: Page) -> set[str]:
    names: list[str] = page.evaluate(_INTL_NAMES)
    return {n.strip(".") for n in names}


_WORD = re.compile(r"[^\W\d_]+")
_NOT_WORDS = re.compile(r"\{\w+\}|%\(\w+\)s|<[^>]+>|https?://\S+")


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_NOT_WORDS.sub(" ", text))}


def _forms(catalog: Catalog, of_id: bool) -> list[str]:
    out: list[str] = []
    for m in catalog:
        if not m.id:
            continue
        value = m.id if of_id else m.string
        out += list(value) if isinstance(value, tuple | list) else [value]
    return [v for v in out if v]


@cache
def english_only(lang: str) -> frozenset[str]:
    """Words of the English msgids that ``lang``'s catalogue never uses: any of them on a
    page in ``lang`` is English the catalogue did not replace."""
    english = set().union(*map(words, _forms(read_template(), of_id=True)))
    native = set().union(*map(words, _forms(read_catalogue(lang), of_id=False)))
    return frozenset(w for w in english - native if len(w) > 1)


def english_left(texts: list[str], lang: str) -> list[str]:
    """The texts that still hold English words; the studio's «content» is left out."""
    found = []
    for text in texts:
        own = re.sub(r"«[^«»]*»", " ", text)
        if words(own) & english_only(lang):
            found.append(text)
    return found
