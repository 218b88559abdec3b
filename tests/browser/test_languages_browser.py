"""The studio's language in the browser: what the scripts draw on every page kind, in
German, Spanish and French, and in the pseudo-locale.

The content is tests/support/language_content.py: the studio's own words are «marked»,
so whatever else a page shows came from the app, and must be in the site's language.
The server's HTML is checked in tests/web/test_language.py; these tests read the live
page after its scripts have drawn.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from hipapp import create_app
from hipapp.web.sitemap import site_paths

from ..support.browser import ConsoleLog, LiveServer, phone_context, start_flask
from ..support.language_content import write_content
from ..support.player_helpers import START
from ..support.speech import said, speech_script, voice, wait_for_voice_choice
from ..support.visible_text import english_left, intl_names, visible_texts
from ..web.test_language import unwrapped

# A finished session of the plan's first day, so the history and home card have content.
SESSION = {
    "id": "s1",
    "date": "2023-11-14",
    "started": "2023-11-14T08:00:00.000Z",
    "ended": "2023-11-14T08:10:00.000Z",
    "routine": "daily",
    "title": "«Daily»",
    "program": "plan",
    "day": 1,
    "duration": 605,
    "completed": True,
    "done": ["stretch", "bridge"],
    "skipped": ["count"],
    "pain": [{"exercise": "bridge", "rating": 4, "limit": 2}],
}
STORED = {
    "hipapp:log": json.dumps({"version": 1, "entries": [SESSION]}),
    "hipapp:program:current": "plan",
    "hipapp:program:plan:start": "2023-11-14",
}


def serve(lang: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[LiveServer, list[str]]:
    app = create_app(write_content(tmp_path_factory.mktemp(lang), lang))
    return start_flask(app), [p for p in site_paths(app) if p.endswith("/")]


@pytest.fixture(scope="module", params=["de", "es", "fr"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, LiveServer, list[str]]]:
    server, pages = serve(request.param, tmp_path_factory)
    yield request.param, server, pages
    server.stop()


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server, _ = serve("xx", tmp_path_factory)
    yield server
    server.stop()


@pytest.fixture
def phone(browser: Browser, console: ConsoleLog) -> Iterator[Page]:
    """A phone whose own language is English: the site's language must win."""
    context = phone_context(browser, console, "block", locale="en-US")
    page = context.new_page()
    page.clock.install(time=START)
    yield page
    context.close()


def open_drawn(page: Page, url: str, ready: str) -> None:
    """Open a page a script draws, and wait until it has."""
    page.goto(url)
    expect(page.locator(ready).first).to_be_visible()


def visit_every_page(
    page: Page, server: LiveServer, pages: list[str], check: Callable[[str], None]
) -> None:
    """The pages a script draws, with a session in the history, then every other page."""
    page.goto(server.url + "/about/")
    page.evaluate(
        "items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
        STORED,
    )
    open_drawn(page, server.url + "/history/", "#recent li")
    check("history")
    open_drawn(page, server.url + "/programs/plan/today/", ".today-title")
    check("today")
    open_drawn(page, server.url + "/", "#continue")
    check("home card")
    open_drawn(page, server.url + "/programs/plan/share/", "#client-link")
    check("share")
    for path in pages:
        page.goto(server.url + path)
        check(path)


def test_every_page_a_script_draws_is_in_the_sites_language(
    site: tuple[str, LiveServer, list[str]], phone: Page
) -> None:
    lang, server, pages = site
    english: dict[str, list[str]] = {}

    def check(name: str) -> None:
        assert phone.evaluate("document.documentElement.lang") == lang, name
        names = intl_names(phone)  # "Do" is Thursday in German, not English
        texts = [t for t in visible_texts(phone) if t.strip(" .") not in names]
        if left := english_left(texts, lang):
            english[name] = left

    visit_every_page(phone, server, pages, check)
    assert english == {}
    # Dates are written as the site's language writes them, not as the phone's would.
    month = {"de": "November", "es": "noviembre", "fr": "novembre"}[lang]
    phone.goto(server.url + "/history/")
    expect(phone.locator(".month-name")).to_contain_text(month)
    manifest = phone.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json())"
    )
    assert manifest["lang"] == lang


def test_what_the_scripts_draw_in_the_pseudo_locale_comes_from_the_catalogue(
    pseudo: LiveServer, phone: Page
) -> None:
    found: dict[str, list[str]] = {}

    def check(name: str) -> None:
        joined = "\n".join(visible_texts(phone))
        for word in sorted(intl_names(phone), key=len, reverse=True):  # Intl's, not ours
            joined = re.sub(rf"\b{re.escape(word)}\b", " ", joined)
        joined = joined.replace("‹", " ").replace("›", " ")  # the calendar's arrows
        if left := unwrapped(joined).split():
            found[name] = left

    visit_every_page(phone, pseudo, [], check)
    assert found == {}


# The device's voices: the player takes the one in the site's language, on the device.
VOICES = [
    voice("Samantha", "en-US"),
    voice("Google Deutsch", "de-DE", local=False),
    voice("Anna", "de-DE"),
    voice("Mónica", "es-ES"),
    voice("Thomas", "fr-FR"),
]
CHOSEN = {"de": "Anna", "es": "Mónica", "fr": "Thomas"}
LEFT = {"de": "Linke Seite", "es": "Lado izquierdo", "fr": "Côté gauche"}
PLAYER = "/routines/daily/play/"


def start_session(page: Page, url: str) -> None:
    """Open the player on the paused fake clock, start, and play into the first hold."""
    page.goto(url)
    page.clock.pause_at(START + 60)
    expect(page.locator("#p-main")).to_be_enabled()
    wait_for_voice_choice(page)
    page.locator("#p-main").click()
    page.clock.run_for(5_000)
    expect(page.locator("#player")).to_have_attribute("data-side", "left")


def test_every_cue_is_spoken_in_the_sites_language_with_its_voice(
    site: tuple[str, LiveServer, list[str]], browser: Browser, console: ConsoleLog
) -> None:
    lang, server, _ = site
    context = phone_context(browser, console, "block", locale="en-US")
    try:
        page = context.new_page()
        page.add_init_script(speech_script(VOICES))
        page.clock.install(time=START)
        start_session(page, server.url + PLAYER)
        spoken = said(page)
        assert len(spoken) >= 2
        assert {(u["lang"], u["voice"]) for u in spoken} == {(lang, CHOSEN[lang])}
        assert any(u["text"].startswith(LEFT[lang]) for u in spoken)
        assert page.locator("#p-notices .p-notice").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize(
    ("tag", "voices", "chosen"),
    [
        ("de-AT", [voice("B", "de-AT", local=False), voice("A", "de-AT"), voice("C", "de")], "A"),
        ("de", [voice("B", "de", local=False), voice("A", "de-DE")], "B"),
        (
            "de-AT",
            [voice("E", "en-AT"), voice("B", "de-CH", local=False), voice("A", "de_DE")],
            "A",
        ),
        ("de", [voice("E", "en-GB")], None),
    ],
)
def test_the_voice_matches_the_full_tag_then_the_language_and_prefers_the_device(
    live_server: LiveServer, page: Page, tag: str, voices: list[object], chosen: str | None
) -> None:
    page.goto(live_server.url + "/about/")
    pick = page.evaluate(
        "async ([voices, tag]) => { const m = await import('/static/js/player/voice.js');"
        " const v = m.pickVoice(voices, tag); return v && v.name; }",
        [voices, tag],
    )
    assert pick == chosen


def test_a_device_without_a_voice_for_the_language_shows_the_cues_and_says_so_once(
    site: tuple[str, LiveServer, list[str]], browser: Browser, console: ConsoleLog
) -> None:
    lang, server, _ = site
    context = phone_context(browser, console, "block")
    try:
        page = context.new_page()
        page.add_init_script(speech_script([voice("Samantha", "en-US"), voice("Daniel", "en-GB")]))
        page.clock.install(time=START)
        start_session(page, server.url + PLAYER)
        notices = page.locator("#p-notices")
        language = {"de": "Deutsch", "es": "español", "fr": "français"}[lang]
        expect(notices.locator(".p-notice", has_text=language)).to_have_count(1)
        expect(notices).to_contain_text(LEFT[lang])  # the cue, written
        assert said(page) == []  # nothing spoken in an English voice
        page.clock.run_for(2_000)
        assert page.locator("#player").get_attribute("data-phase") == "hold"
    finally:
        context.close()


def play_every_phase(page: Page, url: str, check: Callable[[str], None]) -> None:
    """One session of the daily routine, checking the screen at each phase it reaches:
    the ready screen, the settings dialog, pause, every step kind, the end-of-session
    ratings and the summary. Time moves a second at a time after the one tap."""
    page.goto(url)
    page.clock.pause_at(START + 60)
    expect(page.locator("#p-main")).to_be_enabled()
    wait_for_voice_choice(page)
    check("ready")
    page.locator("#p-open-settings").click()
    expect(page.locator("#p-settings")).to_be_visible()
    check("settings")
    page.keyboard.press("Escape")
    page.locator("#p-main").click()
    seen: set[str] = set()
    for _ in range(200):
        state = page.evaluate(
            "() => { const p = document.getElementById('player');"
            " const side = p.dataset.phase === 'hold' && p.dataset.side;"
            " return p.dataset.phase + (side ? '-' + side : ''); }"
        )
        if state not in seen:
            seen.add(state)
            check(state)
            if state == "hold-left":
                page.locator("#p-main").click()
                expect(page.locator("#player")).to_have_attribute("data-phase", "paused")
                check("paused")
                page.locator("#p-main").click()
        if state == "done":
            break
        page.clock.run_for(1_000)
    assert {"lead-in", "hold-left", "switch", "hold-right", "rest", "reps", "done"} <= seen
    rate = page.locator(".p-rate-group").first.locator(".p-rate[value='1']")
    rate.click()
    check("rated")


def test_every_player_phase_is_in_the_sites_language_and_spoken_in_it(
    site: tuple[str, LiveServer, list[str]], browser: Browser, console: ConsoleLog
) -> None:
    lang, server, _ = site
    context = phone_context(browser, console, "block", locale="en-US")
    english: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    try:
        page = context.new_page()
        page.add_init_script(speech_script(VOICES))
        page.clock.install(time=START)

        def check(name: str) -> None:
            assert page.evaluate("document.documentElement.lang") == lang, name
            if name.startswith("hold-"):
                labels[name] = page.locator("#p-label").inner_text()
            if left := english_left(visible_texts(page), lang):
                english[name] = left

        play_every_phase(page, server.url + PLAYER, check)
        assert english == {}
        assert labels["hold-left"].startswith(LEFT[lang])
        spoken = said(page)
        assert len(spoken) >= 10
        assert {(u["lang"], u["voice"]) for u in spoken} == {(lang, CHOSEN[lang])}
    finally:
        context.close()


def test_every_player_phase_in_the_pseudo_locale_comes_from_the_catalogue(
    pseudo: LiveServer, browser: Browser, console: ConsoleLog
) -> None:
    context = phone_context(browser, console, "block")
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        # No voice for xx: every cue is also written on screen, so it is checked too.
        page.add_init_script(speech_script([voice("Samantha", "en-US")]))
        page.clock.install(time=START)

        def check(name: str) -> None:
            if left := unwrapped("\n".join(visible_texts(page))).split():
                found[name] = left

        play_every_phase(page, pseudo.url + PLAYER, check)
        assert found == {}
    finally:
        context.close()


def test_a_studio_phrase_changes_what_the_player_shows_and_says(
    tmp_path: Path, server_factory: Callable[..., LiveServer], browser: Browser, console: ConsoleLog
) -> None:
    extra = 'phrases: { get_ready: "Ready, set", left_side: "Links rum" }\n'
    server = server_factory(create_app(write_content(tmp_path, "en", extra)))
    context = phone_context(browser, console, "block")
    try:
        page = context.new_page()
        page.add_init_script(speech_script(VOICES))
        page.clock.install(time=START)
        page.goto(server.url + PLAYER)
        page.clock.pause_at(START + 60)
        expect(page.locator("#p-main")).to_be_enabled()
        wait_for_voice_choice(page)
        page.locator("#p-main").click()
        expect(page.locator("#p-label")).to_have_text("Ready, set")
        page.clock.run_for(5_000)
        expect(page.locator("#p-label")).to_have_text("Links rum")
        texts = [u["text"] for u in said(page)]
        assert texts[:2] == ["Ready, set: «Stretch»", "Links rum, 4 seconds"]
    finally:
        context.close()
