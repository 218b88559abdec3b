"""One wording rule: the scripts write numbers, dosages and times as the server's pages do.

A personal plan's page, the home page's "today" card and the history write dosages and
lengths in the browser (static/js/plans/words.js, static/js/shared/durations.js); routine
pages get theirs from the server (hipapp/web/filters.py). The same random dosages go to
both, in English and in each language with a catalogue, through the plan page, whose
strings table carries those scripts' words. No-break spaces included: a number stays on
the line of its unit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from babel import Locale, localedata
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from hipapp import create_app
from hipapp.content.model import Dosage
from hipapp.i18n import words_for
from hipapp.web.filters import dosage_text, unbroken
from hipapp.web.state import words

from ..support.browser import LiveServer, browser_examples, start_flask
from ..support.language_content import write_content
from ..support.models import plain

RUN = """
async (cases) => {
  const W = await import('/static/js/plans/words.js');
  const D = await import('/static/js/shared/durations.js');
  return cases.map(([dosage, seconds]) => [
    W.dosageText(dosage), W.durationText(seconds), D.duration(seconds)]);
}
"""

seconds = st.one_of(st.integers(1, 600), st.sampled_from([60, 3600]))
dosages = st.one_of(
    st.builds(
        Dosage,
        hold=seconds,
        sides=st.sampled_from(["both", "none"]),
        sets=st.integers(1, 12),
        rest=st.one_of(st.just(0), seconds),
    ),
    st.builds(
        Dosage,
        reps=st.integers(1, 1000),
        sides=st.sampled_from(["both", "none"]),
        sets=st.integers(1, 12),
        rest=st.one_of(st.just(0), seconds),
    ),
)


@pytest.fixture(scope="module", params=["en", "de", "es", "fr"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Flask, LiveServer]]:
    lang = request.param
    app = create_app(write_content(tmp_path_factory.mktemp(lang), lang))
    server = start_flask(app)
    yield app, server
    server.stop()


@pytest.fixture
def plan_page(site: tuple[Flask, LiveServer], browser: Browser) -> Iterator[Page]:
    _, server = site
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/plan/")
    yield page
    context.close()


def server_side(app: Flask, dosage: Dosage, length: int) -> list[str]:
    with app.app_context():
        w = words(app)
        return [unbroken(dosage_text(dosage, w)), *[unbroken(w.duration(length))] * 2]


def test_a_known_dosage_reads_alike(site: tuple[Flask, LiveServer], plan_page: Page) -> None:
    app, _ = site
    dosage = Dosage(hold=90, sides="both", sets=2, rest=30)
    (got,) = plan_page.evaluate(RUN, [[plain(dosage), 105]])
    assert got == server_side(app, dosage, 105)
    assert not re.search(r"\d ", "".join(got)), got  # each number is bound to its unit


@browser_examples(10)
@given(cases=st.lists(st.tuples(dosages, seconds), min_size=20, max_size=20))
def test_scripts_write_dosages_as_the_server_does(
    site: tuple[Flask, LiveServer], plan_page: Page, cases: list[tuple[Dosage, int]]
) -> None:
    app, _ = site
    got = plan_page.evaluate(RUN, [[plain(d), s] for d, s in cases])
    for (dosage, length), js in zip(cases, got, strict=True):
        assert js == server_side(app, dosage, length), dosage


NUMBERS = [1000, 1234.5, 9999, 10_000, 12345, 999.5, 2, 0.5]
INTL = "tags => tags.map(tag => NUMBERS.map(n => n.toLocaleString(tag, {numberingSystem: 'latn'})))"


def test_numbers_read_as_the_browser_writes_them(browser: Browser) -> None:
    """Wherever Chromium has a language's number data (it writes 12345 as Babel does),
    the server writes every number as the browser's Intl does: four digits included,
    which some languages leave ungrouped (CLDR's minimumGroupingDigits)."""
    tags = sorted({str(Locale.parse(tag).language) for tag in localedata.locale_identifiers()})
    page = browser.new_page()
    try:
        written = page.evaluate(INTL.replace("NUMBERS", json.dumps(NUMBERS)), tags)
    finally:
        page.close()
    known = 0
    for tag, js in zip(tags, written, strict=True):
        w = words_for(tag)
        if w.locale.language != tag or w.number(12345) != js[NUMBERS.index(12345)]:
            continue  # no data in Chromium's ICU (it writes English), or none in Babel
        known += 1
        assert [w.number(n) for n in NUMBERS] == js, tag
    assert known > 150  # the check covers most languages, not a handful
