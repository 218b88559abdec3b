"""The client's history on a fixed clock: calendar, streak, adherence, exports, import."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from hipapp.web.filters import NBSP

from ..support.browser import ConsoleLog, LiveServer, axe_violations, phone_context

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # Saturday, day 9
HISTORY = "/history/"


def entry(n: int, date: str, **extra: Any) -> dict[str, Any]:
    base = {
        "id": f"s{n}",
        "date": date,
        "started": f"{date}T08:00:00.000Z",
        "ended": f"{date}T08:10:00.000Z",
        "routine": "daily-hips",
        "title": "Daily hips for a calmer back",
        "program": "four-weeks",
        "day": n,
        "duration": 600,
        "completed": True,
        "done": ["hip-flexor-stretch", "glute-bridge"],
        "skipped": [],
        "pain": [],
    }
    return base | extra


ENTRIES = [
    entry(1, "2026-11-13"),
    entry(2, "2026-11-14", routine="hip-strength", title="Hip strength"),
    entry(3, "2026-11-15"),
    entry(5, "2026-11-17", routine="hip-strength", title="Hip strength"),
    entry(6, "2026-11-18"),
    entry(
        8,
        "2026-11-20",
        routine="hip-strength",
        title="Hip strength",
        pain=[{"exercise": "clamshell", "rating": 4, "limit": 2}],
        skipped=["side-plank-clamshell"],
    ),
    entry(
        9, "2026-11-21", routine="hip-strength", title="Hip strength", completed=False, duration=200
    ),
    entry(
        0,
        "2026-11-19",
        id="desk",
        routine="desk-break",
        title="Desk break",
        program=None,
        day=None,
        duration=240,
    ),
]

# Exports list sessions in the order they happened.
BY_DATE = [e["id"] for e in sorted(ENTRIES, key=lambda e: e["date"])]


@pytest.fixture
def phone(browser: Browser, console: ConsoleLog) -> Iterator[BrowserContext]:
    context = phone_context(
        browser, console, "block", timezone_id="Europe/Berlin", accept_downloads=True
    )
    yield context
    context.close()


def seed(context: BrowserContext, server: LiveServer, items: dict[str, str]) -> Page:
    """Open the history page with localStorage holding ``items``, on the fixed clock."""
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/about/")
    page.evaluate(
        "items => { localStorage.clear(); for (const [k, v] of Object.entries(items))"
        " localStorage.setItem(k, v); }",
        items,
    )
    page.goto(server.url + HISTORY)
    expect(page.locator("#history")).to_have_attribute("data-state", "ready")
    return page


def log_items(entries: list[dict[str, Any]] = ENTRIES) -> dict[str, str]:
    return {
        "hipapp:log": json.dumps({"version": 1, "entries": entries}),
        "hipapp:program:four-weeks:start": "2026-11-13",
    }


def test_history_shows_calendar_streak_weeks_and_adherence(
    phone: BrowserContext, live_server: LiveServer
) -> None:
    page = seed(phone, live_server, log_items())
    assert page.evaluate("document.documentElement.scrollWidth") == 390  # no sideways scroll
    assert page.locator("#streak").inner_text() == "4 days"
    assert page.locator("#completed-count").inner_text() == "7"
    # Workdays 1, 2, 3, 5, 6, 8, 9 are due by day 9; day 9 was ended early.
    assert page.locator("#adherence li").all_inner_texts() == [
        "Four weeks to stronger hips: 6 of 7 sessions, started Nov 13, 2026"
    ]
    table = page.get_by_role("table")
    assert table.locator("caption").text_content() == "November 2026: 7 days with a session"
    assert page.locator(".month-name").inner_text() == "November 2026"
    done = page.locator("td.done").evaluate_all("tds => tds.map(td => td.dataset.date)")
    assert done == [f"2026-11-{d}" for d in (13, 14, 15, 17, 18, 19, 20)]
    assert page.locator("td[aria-current=date]").get_attribute("data-date") == "2026-11-21"
    assert table.locator("th").all_inner_texts() == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    weeks = page.locator("#weeks li").all_inner_texts()
    # The first session was in the week of Nov 9: no empty weeks listed before it.
    assert [w.replace("\n", " ") for w in weeks] == [
        "This week 4 sessions",
        "Week of Nov 9 3 sessions",
    ]
    first = page.locator("#recent li").first
    assert first.get_attribute("data-id") == "s9"
    assert "ended early" in first.inner_text()
    flagged = page.locator("#recent li.flagged")
    # Exercises by their titles (the library's, for entries saved without their own).
    assert flagged.locator(".pain-flag").inner_text() == (
        "Above the pain limit: Banded clamshell 4/10 (limit 2)"
    )
    assert "Skipped: Side plank clamshell" in flagged.inner_text()


def test_month_navigation_by_keyboard(phone: BrowserContext, live_server: LiveServer) -> None:
    page = seed(phone, live_server, log_items())
    previous = page.get_by_role("button", name="Previous month")
    previous.focus()
    page.keyboard.press("Enter")
    assert page.locator("caption").text_content() == "October 2026: 0 days with a session"
    assert page.locator(".month-name").inner_text() == "October 2026"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Previous month"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Next month"
    page.keyboard.press("Enter")
    assert page.locator("caption").text_content() == "November 2026: 7 days with a session"
    assert page.get_by_role("button", name="Next month").is_disabled()
    # Focus moved off the disabled button instead of being lost.
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Previous month"


def test_empty_history(phone: BrowserContext, live_server: LiveServer) -> None:
    page = seed(phone, live_server, {})
    assert page.locator("#no-sessions").is_visible()
    assert page.locator("#streak").inner_text() == "0 days"
    assert page.locator("#history-problems").is_hidden()
    assert page.locator("#adherence").is_hidden()


def test_csv_download_has_every_session(phone: BrowserContext, live_server: LiveServer) -> None:
    page = seed(phone, live_server, log_items())
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == "hipapp-history-2026-11-21.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text("utf-8"))))
    assert [r["id"] for r in rows] == BY_DATE
    day8 = rows[BY_DATE.index("s8")]
    assert day8 == {
        "id": "s8",
        "date": "2026-11-20",
        "started": "2026-11-20T08:00:00.000Z",
        "ended": "2026-11-20T08:10:00.000Z",
        "program": "four-weeks",
        "day": "8",
        "routine": "hip-strength",
        "title": "Hip strength",
        "duration_seconds": "600",
        "completed": "yes",
        "done": "Half-kneeling hip flexor stretch; Glute bridge",
        "skipped": "Side plank clamshell",
        "pain": "Banded clamshell 4/10 (limit 2)",
        "done_slugs": "hip-flexor-stretch;glute-bridge",
        "skipped_slugs": "side-plank-clamshell",
    }
    assert page.locator("#data-status").inner_text() == "Downloaded 8 sessions as CSV."


def test_csv_cells_cannot_become_formulas(phone: BrowserContext, live_server: LiveServer) -> None:
    page = seed(phone, live_server, log_items([entry(1, "2026-11-20", title='=HYPERLINK("x")')]))
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8"))))
    assert rows[0]["title"] == '\'=HYPERLINK("x")'


def test_json_export_imports_on_a_new_phone(
    phone: BrowserContext, browser: Browser, live_server: LiveServer, console: ConsoleLog
) -> None:
    page = seed(phone, live_server, log_items())
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    exported = Path(info.value.path())
    data = json.loads(exported.read_text("utf-8"))
    assert (data["format"], data["version"]) == ("hipapp-log", 1)
    assert [e["id"] for e in data["entries"]] == BY_DATE

    new_phone = browser.new_context(timezone_id="Europe/Berlin", service_workers="block")
    new_phone.on("page", console.watch)
    try:
        fresh = seed(new_phone, live_server, {})
        fresh.get_by_label("Import a history file").set_input_files(exported)
        expect(fresh.locator("#data-status")).to_have_text("Imported 8 sessions.")
        assert fresh.locator("#completed-count").inner_text() == "7"
        stored = json.loads(fresh.evaluate("localStorage.getItem('hipapp:log')"))
        # Merged entries are kept in date order.
        assert stored["entries"] == sorted(data["entries"], key=lambda e: e["date"])
        # Importing again adds nothing; a damaged entry is counted and kept aside.
        data["entries"].append({"id": "broken", "date": "yesterday"})
        again = exported.with_name("again.json")
        again.write_text(json.dumps(data), "utf-8")
        fresh.get_by_label("Import a history file").set_input_files(again)
        expect(fresh.locator("#data-status")).to_have_text(
            "Imported 0 sessions. 8 were already here. 1 could not be read and was kept aside."
        )
        aside = json.loads(fresh.evaluate("localStorage.getItem('hipapp:log:aside')"))
        assert [i["data"] for i in aside["items"]] == [{"id": "broken", "date": "yesterday"}]
        not_json = exported.with_name("photo.json")
        not_json.write_bytes(b"\x89PNG")
        fresh.get_by_label("Import a history file").set_input_files(not_json)
        expect(fresh.locator("#data-status")).to_have_text(
            "That file isn't a history export (it isn't JSON). Nothing was changed."
        )
        assert fresh.locator("#completed-count").inner_text() == "7"
    finally:
        new_phone.close()


def test_an_import_too_large_to_be_a_history_is_refused_before_reading(
    phone: BrowserContext, live_server: LiveServer
) -> None:
    page = seed(phone, live_server, log_items())
    before = page.evaluate("localStorage.getItem('hipapp:log')")
    calls = page.evaluate(
        "() => { window.reads = 0; const text = File.prototype.text;"
        " File.prototype.text = function () { window.reads += 1;"
        " return text.call(this); }; return window.reads; }"
    )
    assert calls == 0
    big = b'{"version": 1, "entries": [' + b" " * (5 * 1024 * 1024) + b"]}"
    upload = {"name": "video.json", "mimeType": "application/json", "buffer": big}
    page.get_by_label("Import a history file").set_input_files(upload)
    expect(page.locator("#data-status")).to_have_text(
        "That file is larger than 5 MB, so it isn't a history export. Nothing was changed."
    )
    assert page.evaluate("window.reads") == 0
    assert page.evaluate("localStorage.getItem('hipapp:log')") == before


def test_send_to_studio_with_web_share(phone: BrowserContext, live_server: LiveServer) -> None:
    phone.add_init_script("navigator.share = async (data) => { window.shared = data; };")
    page = seed(phone, live_server, log_items())
    assert page.locator("#mail-studio").is_hidden()
    page.get_by_role("button", name="Send to my studio").click()
    expect(page.locator("#data-status")).to_have_text("Sent.")
    text = page.evaluate("window.shared.text").replace(NBSP, " ")
    lines = text.split("\n")
    assert lines[0] == "My exercise history for Hip Mobility Studio"
    assert "Four weeks to stronger hips: 6 of 7 sessions, started Nov 13, 2026" in lines
    assert "Sessions with discomfort above the limit: 1" in lines
    assert (
        "Nov 20, 2026 Hip strength (day 8), 10 min, completed; above the pain limit: "
        "Banded clamshell 4/10 (limit 2)"
    ) in lines
    assert "clamshell" not in text.replace("Banded clamshell", "")  # no slugs, only titles


def test_send_to_studio_falls_back_to_email(phone: BrowserContext, live_server: LiveServer) -> None:
    phone.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page = seed(phone, live_server, log_items())
    assert page.locator("#send-studio").is_hidden()
    mail = page.get_by_role("link", name="Email my studio")
    href = mail.get_attribute("href") or ""
    parts = urlsplit(href)
    assert (parts.scheme, parts.path) == ("mailto", "hello@example.org")
    query = parse_qs(parts.query)
    assert query["subject"] == ["My exercise history"]
    assert "Four weeks to stronger hips: 6 of 7 sessions" in query["body"][0]
    assert "From" not in query["body"][0]
    # The client's name, asked once and kept on the device, signs the summary.
    page.get_by_label("Your name, for the summary you send").fill("Alex Doe")
    page.get_by_label("Your name, for the summary you send").dispatch_event("change")
    assert page.evaluate("localStorage.getItem('hipapp:client-name')") == "Alex Doe"
    body = parse_qs(urlsplit(mail.get_attribute("href") or "").query)["body"][0]
    assert body.split("\n")[:2] == ["My exercise history for Hip Mobility Studio", "From Alex Doe"]
    page.reload()
    assert page.get_by_label("Your name, for the summary you send").input_value() == "Alex Doe"


def test_a_damaged_log_is_reported_and_never_overwritten(
    phone: BrowserContext, live_server: LiveServer
) -> None:
    page = seed(phone, live_server, {"hipapp:log": "{not json"})
    assert page.locator("#history-problems").inner_text() == (
        "The saved history could not be read (damaged); it is kept on this device."
    )
    assert page.evaluate("localStorage.getItem('hipapp:log')") == "{not json"
    # Importing cannot overwrite it either.
    page.evaluate(
        "import('../static/js/history/log.js').then(m => { window.result = m.importLog("
        "{version: 1, entries: []}); })"
    )
    assert page.evaluate("window.result.ok") is False
    assert page.evaluate("localStorage.getItem('hipapp:log')") == "{not json"


def test_damaged_entries_are_reported_not_shown(
    phone: BrowserContext, live_server: LiveServer
) -> None:
    items = log_items([*ENTRIES[:2], {"id": 5}, "junk"])
    page = seed(phone, live_server, items)
    assert page.locator("#history-problems").inner_text() == (
        "2 saved sessions were damaged and are kept aside, not shown."
    )
    assert page.locator("#recent li").count() == 2


@pytest.mark.parametrize("filled", [True, False])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_history_is_accessible(
    phone: BrowserContext, live_server: LiveServer, axe: Axe, filled: bool, scheme: str
) -> None:
    page = seed(phone, live_server, log_items() if filled else {})
    page.emulate_media(color_scheme=scheme)
    assert axe_violations(axe, page) == []


def test_a_session_recorded_by_the_player_shows_in_history_and_csv(
    phone: BrowserContext, live_server: LiveServer
) -> None:
    """The player's side of the contract: recordSession() on a program day's play page."""
    page = seed(phone, live_server, {"hipapp:program:four-weeks:start": "2026-11-13"})
    page.goto(live_server.url + "/programs/four-weeks/day/9/play/")
    data = page.evaluate("JSON.parse(document.getElementById('player-data').textContent)")
    entry = {
        "id": "2026-11-21T09:00:00.000Z-abc",
        "date": "2026-11-21",
        "started": "2026-11-21T09:00:00.000Z",
        "ended": "2026-11-21T09:18:00.000Z",
        "routine": "hip-strength",
        "title": data["title"],
        "program": data["program"]["slug"],
        "day": data["program"]["day"],
        "duration": 1080,
        "completed": True,
        "done": sorted(data["cards"]),
        "skipped": [],
        "pain": [{"exercise": "clamshell", "rating": 1, "limit": 2}],
    }
    saved = page.evaluate(
        "entry => import('../../../../../static/js/history/log.js')"
        ".then(m => m.recordSession(entry))",
        entry,
    )
    assert saved is True
    page.goto(live_server.url + HISTORY)
    expect(page.locator("#history")).to_have_attribute("data-state", "ready")
    assert page.locator("#streak").inner_text() == "1 day"
    assert page.locator("td.done").get_attribute("data-date") == "2026-11-21"
    assert page.locator("#adherence li").inner_text() == (
        "Four weeks to stronger hips: 1 of 7 sessions, started Nov 13, 2026"
    )
    assert page.locator("#recent li").first.inner_text().replace(NBSP, " ").split("\n") == [
        "Hip strength",
        "Nov 21, 2026 · day 9 · 18 min · completed",
    ]
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8"))))
    assert [(r["id"], r["program"], r["day"], r["completed"]) for r in rows] == [
        (entry["id"], "four-weeks", "9", "yes")
    ]
    assert rows[0]["pain"] == "Banded clamshell 1/10 (limit 2)"
