"""One wording rule: the scripts write numbers as the server's pages do.

Pages written on the server use Babel; the scripts use the browser's Intl.
"""

from __future__ import annotations

import json

from babel import Locale, localedata
from playwright.sync_api import Browser

from hipapp.i18n import words_for

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
