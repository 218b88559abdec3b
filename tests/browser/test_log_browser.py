"""The session log (static/js/history/log.js) in a real browser: schema, migration, damage."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page

from ..support.browser import LiveServer

LOG = "/static/js/history/log.js"

GOOD = {
    "id": "a1",
    "date": "2026-11-20",
    "routine": "daily-hips",
    "duration": 612.5,
    "completed": True,
}


def run(page: Page, server: LiveServer, script: str, storage: dict[str, str] | None = None) -> Any:
    """Run ``script`` with the log module as ``log``, after seeding localStorage."""
    page.goto(server.url + "/about/")
    page.evaluate(
        "items => { localStorage.clear(); for (const [k, v] of Object.entries(items))"
        " localStorage.setItem(k, v); }",
        storage or {},
    )
    return page.evaluate(f"import('{LOG}').then(log => {{ {script} }})")


def stored(page: Page, key: str = "hipapp:log") -> Any:
    raw = page.evaluate(f"localStorage.getItem('{key}')")
    return None if raw is None else json.loads(raw)


def test_record_fills_defaults_and_reads_back(page: Page, live_server: LiveServer) -> None:
    result = run(
        page, live_server, f"return [log.recordSession({json.dumps(GOOD)}), log.readLog()];"
    )
    saved, read = result
    assert saved is True
    entry = GOOD | {
        "title": "daily-hips",
        "program": None,
        "day": None,
        "done": [],
        "skipped": [],
        "pain": [],
        "swaps": [],
        "titles": {},
    }
    assert read == {"entries": [entry], "problems": [], "aside": 0}
    assert stored(page) == {"version": 1, "entries": [entry]}


def test_recording_the_same_id_twice_keeps_one(page: Page, live_server: LiveServer) -> None:
    run(
        page,
        live_server,
        f"log.recordSession({json.dumps(GOOD)});"
        f"log.recordSession({json.dumps(GOOD | {'duration': 700})});",
    )
    assert [e["duration"] for e in stored(page)["entries"]] == [700]


def test_a_v0_log_migrates_and_keeps_a_backup(page: Page, live_server: LiveServer) -> None:
    v0 = [{"date": "2026-01-02", "routine": "desk-break", "seconds": 240, "finished": True}]
    raw = json.dumps(v0)
    read = run(page, live_server, "return log.readLog();", {"hipapp:log": raw})
    migrated = {
        "id": "v0-0-2026-01-02",
        "date": "2026-01-02",
        "routine": "desk-break",
        "title": "desk-break",
        "program": None,
        "day": None,
        "duration": 240,
        "completed": True,
        "done": [],
        "skipped": [],
        "pain": [],
        "swaps": [],
        "titles": {},
    }
    assert read["entries"] == [migrated]
    assert stored(page) == v0  # reading never writes
    page.evaluate(f"import('{LOG}').then(log => log.recordSession({json.dumps(GOOD)}))")
    assert stored(page)["version"] == 1
    assert [e["id"] for e in stored(page)["entries"]] == ["v0-0-2026-01-02", "a1"]
    assert page.evaluate("localStorage.getItem('hipapp:log:backup-v0')") == raw


def test_an_unreadable_log_is_kept_aside_before_a_new_one_starts(
    page: Page, live_server: LiveServer
) -> None:
    for raw in ["{broken", json.dumps({"version": 7, "entries": []})]:
        read = run(
            page,
            live_server,
            f"return [log.readLog(), log.recordSession({json.dumps(GOOD)})];",
            {"hipapp:log": raw},
        )
        assert read[0]["entries"] == [] and len(read[0]["problems"]) == 1
        assert read[1] is True
        aside = stored(page, "hipapp:log:aside")["items"]
        assert [(i["reason"], i["data"]) for i in aside] == [("unreadable log", raw)]
        assert [e["id"] for e in stored(page)["entries"]] == ["a1"]
    assert "newer version of the app (v7)" in read[0]["problems"][0]


def test_invalid_entries_move_aside_on_the_next_write(page: Page, live_server: LiveServer) -> None:
    bad = [
        {"id": "x", "date": "2026-02-30", "routine": "r", "duration": 1, "completed": True},
        GOOD | {"id": "y", "pain": [{"exercise": "clamshell", "rating": 11, "limit": 2}]},
        GOOD | {"id": "z", "duration": -1},
        None,
    ]
    log = json.dumps({"version": 1, "entries": [*bad, GOOD]})
    read = run(page, live_server, "return log.readLog();", {"hipapp:log": log})
    assert [e["id"] for e in read["entries"]] == ["a1"]
    assert read["problems"] == ["4 saved sessions were damaged and are kept aside, not shown."]
    page.evaluate(
        f"import('{LOG}').then(log => log.recordSession(" + json.dumps(GOOD | {"id": "b2"}) + "))"
    )
    assert [i["data"] for i in stored(page, "hipapp:log:aside")["items"]] == bad
    assert [e["id"] for e in stored(page)["entries"]] == ["a1", "b2"]
    assert page.evaluate(f"import('{LOG}').then(log => log.readLog().aside)") == 4


def test_a_bad_new_entry_is_refused_but_kept(page: Page, live_server: LiveServer) -> None:
    assert run(page, live_server, "return log.recordSession({id: 'q', date: 'today'});") is False
    assert stored(page) is None
    assert stored(page, "hipapp:log:aside")["items"][0]["data"] == {"id": "q", "date": "today"}


def test_full_or_missing_storage_never_throws(page: Page, live_server: LiveServer) -> None:
    script = (
        "Storage.prototype.setItem = () => {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
        f"return log.recordSession({json.dumps(GOOD)});"
    )
    assert run(page, live_server, script) is False
    script = (
        "Object.defineProperty(window, 'localStorage', { get() { throw new Error('denied'); } });"
        f"return [log.recordSession({json.dumps(GOOD)}), log.readLog()];"
    )
    assert run(page, live_server, script) == [False, {"entries": [], "problems": [], "aside": 0}]


def aside_items(page: Page) -> list[Any]:
    items: list[Any] = stored(page, "hipapp:log:aside")["items"]
    return items


def test_importing_the_same_bad_entries_twice_keeps_each_once(
    page: Page, live_server: LiveServer
) -> None:
    export = json.dumps({"version": 1, "entries": [GOOD, {"id": "bad"}, {"id": "worse"}]})
    results = run(
        page, live_server, f"const d = {export}; return [log.importLog(d), log.importLog(d)];"
    )
    assert [(r["ok"], r["invalid"], r["left"]) for r in results] == [(True, 2, 0), (True, 2, 0)]
    assert [i["data"] for i in aside_items(page)] == [{"id": "bad"}, {"id": "worse"}]
    assert page.evaluate(f"import('{LOG}').then(log => log.readLog().aside)") == 2


def test_the_set_aside_store_is_bounded_for_imports_but_keeps_the_devices_own(
    page: Page, live_server: LiveServer
) -> None:
    bad = [{"id": f"bad-{n}"} for n in range(130)]
    own = [{"id": f"own-{n}"} for n in range(5)]
    log = json.dumps({"version": 1, "entries": own})
    script = (
        f"const r = log.importLog({json.dumps({'version': 1, 'entries': bad})});"
        f"log.recordSession({json.dumps(GOOD)}); return r;"
    )
    result = run(page, live_server, script, {"hipapp:log": log})
    assert (result["ok"], result["invalid"], result["left"]) == (True, 130, 30)
    data = [i["data"] for i in aside_items(page)]
    # The import's first 100 are kept; the device's own 5 are kept past the bound.
    assert data == [*bad[:100], *own]


def test_a_damaged_set_aside_store_is_kept_inside_the_new_one(
    page: Page, live_server: LiveServer
) -> None:
    log = json.dumps({"version": 1, "entries": [{"id": "bad"}, GOOD]})
    storage = {"hipapp:log": log, "hipapp:log:aside": "{not json"}
    assert run(page, live_server, "return log.readLog().aside;", storage) == 2
    # Reading alone changes nothing.
    assert page.evaluate("localStorage.getItem('hipapp:log:aside')") == "{not json"
    page.evaluate(
        f"import('{LOG}').then(log => log.recordSession(" + json.dumps(GOOD | {"id": "b2"}) + "))"
    )
    items = aside_items(page)
    assert [(i["reason"], i["data"]) for i in items] == [
        ("unreadable set-aside store", "{not json"),
        ("invalid entry", {"id": "bad"}),
    ]
