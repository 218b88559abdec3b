"""The pure player modules, imported raw from /static/js/player/ and run in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from ..support.browser import LiveServer

# lead-in 5 s, left 20 s, switch 5 s, right 20 s, rest 10 s, 3 reps at 2 s, 4 reps (wait).
# A rep step without a tempo and without wait is counted at the rep pace (3 s here).
STEPS = [
    {"kind": "lead-in", "seconds": 5, "exercise": "a", "set": 1, "sets": 1},
    {"kind": "hold", "seconds": 20, "exercise": "a", "side": "left", "set": 1, "sets": 1},
    {"kind": "switch", "seconds": 5, "exercise": "a", "side": "right", "set": 1, "sets": 1},
    {"kind": "hold", "seconds": 20, "exercise": "a", "side": "right", "set": 1, "sets": 1},
    {"kind": "rest", "seconds": 10, "set": 0, "sets": 0},
    {"kind": "reps", "seconds": 6, "exercise": "b", "set": 1, "sets": 1, "reps": 3, "tempo": 2},
    {"kind": "reps", "seconds": 12, "exercise": "c", "set": 1, "sets": 1, "reps": 4, "wait": True},
]
PACED = {"kind": "reps", "seconds": 15, "exercise": "c", "set": 2, "sets": 2, "reps": 5}
CARDS = {
    "a": {"title": "Figure-4", "pain_limit": 2},
    "b": {"title": "Bridge", "pain_limit": None},
    "c": {"title": "Squat", "pain_limit": 3},
}
T0 = 1_000_000

PRELUDE = """
async ([steps, cards, t0]) => {
  const {Timer, timedSteps, cuesBetween} = await import('/static/js/player/timer.js');
  const P = {...await import('/static/js/player/phrases.js'),
             ...await import('/static/js/player/speech.js')};
  const pick = (s) => ({index: s.index, phase: s.phase, seconds: s.seconds,
    remaining: s.remaining, side: (s.step && s.step.side) || '', status: s.status});
  const timer = (leadIn = 5, change = 5, pace = 3) =>
    new Timer(timedSteps(steps, leadIn, change, pace));
"""


@pytest.fixture
def js(page: Page, live_server: LiveServer) -> Any:
    page.goto(live_server.url + "/about/")

    def run(body: str) -> Any:
        return page.evaluate(PRELUDE + body + "\n}", [STEPS, CARDS, T0])

    return run


def test_phases_change_on_exact_second_boundaries(js: Any) -> None:
    got = js("""
      const t = timer(); t.start(t0);
      return [0, 4999, 5000, 5000 + 19000, 5000 + 19999, 25000, 30000, 50000, 60000, 66000]
        .map((ms) => pick(t.state(t0 + ms)));
    """)
    assert [(s["phase"], s["side"], s["seconds"]) for s in got] == [
        ("lead-in", "", 5),
        ("lead-in", "", 1),
        ("hold", "left", 20),
        ("hold", "left", 1),  # "Left side" at 0:01 left
        ("hold", "left", 1),
        ("switch", "right", 5),  # one second later: "Switch sides"
        ("hold", "right", 20),  # after the switch: "Right side"
        ("rest", "", 10),
        ("reps", "", 6),  # reps with a tempo run on the clock
        ("reps", "", 4),  # reps without a tempo wait, showing the count
    ]
    assert [s["index"] for s in got] == [0, 0, 1, 1, 1, 2, 3, 4, 5, 6]


def test_a_waiting_rep_step_never_advances_until_done(js: Any) -> None:
    got = js("""
      const t = timer(); t.start(t0);
      const waiting = pick(t.state(t0 + 66000 + 3600000));
      t.done(t0 + 66000 + 3600000);
      return [waiting, pick(t.state(t0 + 66000 + 3600001)), t.state(t0 + 9e9).active];
    """)
    assert got[0]["phase"] == "reps" and got[0]["index"] == 6 and got[0]["status"] == "running"
    assert got[1]["phase"] == "done" and got[1]["status"] == "done"
    assert got[1]["seconds"] == 0 and got[1]["remaining"] == 0
    assert got[2] == 66000 + 3600000  # active time stops at the end


def test_pause_and_resume_keep_the_remaining_time(js: Any) -> None:
    got = js("""
      const t = timer(); t.start(t0);
      t.pause(t0 + 12300);
      const paused = [pick(t.state(t0 + 12300)), pick(t.state(t0 + 500000))];
      t.resume(t0 + 500000);
      return [...paused, pick(t.state(t0 + 500000)), pick(t.state(t0 + 500000 + 12700)),
              t.state(t0 + 500000 + 12700).active];
    """)
    assert got[0] == got[1]
    assert got[0]["phase"] == "paused" and got[0]["remaining"] == 12700 and got[0]["index"] == 1
    assert got[2]["phase"] == "hold" and got[2]["remaining"] == 12700
    assert got[3]["phase"] == "switch" and got[3]["seconds"] == 5
    assert got[4] == 25000  # paused time is not counted as active


def test_skip_and_back_land_on_the_right_step(js: Any) -> None:
    got = js("""
      const t = timer(); t.start(t0);
      const out = [];
      const left = t.skip(t0 + 1000); out.push([left.kind, pick(t.state(t0 + 1000))]);
      t.skip(t0 + 2000); out.push([null, pick(t.state(t0 + 2500))]);
      t.back(t0 + 3000); out.push([null, pick(t.state(t0 + 3000))]);
      t.back(t0 + 4000); t.back(t0 + 4000); out.push([null, pick(t.state(t0 + 4000))]);
      t.pause(t0 + 5000); t.skip(t0 + 6000); out.push([null, pick(t.state(t0 + 99000))]);
      for (let i = 0; i < 6; i++) t.skip(t0 + 7000);
      out.push([null, pick(t.state(t0 + 7000))]);
      return out;
    """)
    assert got[0][0] == "lead-in" and got[0][1]["index"] == 1 and got[0][1]["seconds"] == 20
    assert got[1][1]["index"] == 2 and got[1][1]["remaining"] == 4500
    assert got[2][1]["index"] == 1 and got[2][1]["seconds"] == 20  # back restarts fully
    assert got[3][1]["index"] == 0 and got[3][1]["seconds"] == 5  # the first restarts itself
    assert got[4][1]["index"] == 1 and got[4][1]["phase"] == "paused"
    assert got[4][1]["remaining"] == 20000  # skipping while paused stays paused at full length
    assert got[5][1]["status"] == "done"


def test_restore_resumes_mid_step_with_the_time_already_run(js: Any) -> None:
    got = js("""
      const t = timer(); t.restore(t0, 1, 8000, 13000);
      const mid = t.state(t0 + 2000);
      const n = timer(); n.restore(t0, 3, 20000, 50000);  // saved as the right side ended
      return [pick(mid), mid.active, pick(n.state(t0))];
    """)
    assert got[0] == {
        "index": 1,
        "phase": "hold",
        "seconds": 10,
        "remaining": 10000,
        "side": "left",
        "status": "running",
    }
    assert got[1] == 15000  # 13 s before the reload, 2 s since
    assert got[2]["phase"] == "rest" and got[2]["index"] == 4


def test_lead_in_and_switch_lengths_are_rescaled(js: Any) -> None:
    got = js("""
      const t = timer(3, 0); t.start(t0);
      return [t.total, pick(t.state(t0 + 3000)), pick(t.state(t0 + 23000))];
    """)
    assert got[0] == (3 + 20 + 0 + 20 + 10 + 6 + 12) * 1000
    assert got[1]["phase"] == "hold" and got[1]["index"] == 1
    # A zero-length switch passes straight to the right side.
    assert got[2]["phase"] == "hold" and got[2]["index"] == 3 and got[2]["seconds"] == 20


def test_rep_steps_count_at_their_pace_and_done_ends_them_early(js: Any) -> None:
    got = js(
        """
      const paced = timedSteps([PACED_STEP], 5, 5, 4)[0];
      const t = new Timer(timedSteps([PACED_STEP, steps[4]], 5, 5, 3)); t.start(t0);
      const counting = pick(t.state(t0 + 14999));
      const moved = pick(t.state(t0 + 15000));
      const u = new Timer(timedSteps([PACED_STEP, steps[4]], 5, 5, 3)); u.start(t0);
      u.done(t0 + 4000);  // Done ends a counted rep step early
      const early = pick(u.state(t0 + 4000));
      const w = timer(); w.start(t0); w.done(t0 + 6000);  // Done means nothing in a hold
      return [paced.ms, paced.beat, paced.wait, counting, moved, early, pick(w.state(t0 + 6000))];
    """.replace("PACED_STEP", str(PACED).replace("True", "true"))
    )
    assert got[:3] == [20000, 4000, False]  # 5 reps at a 4 s pace; a step that doesn't wait
    assert (got[3]["index"], got[3]["phase"], got[3]["seconds"]) == (0, "reps", 1)
    assert (got[4]["index"], got[4]["phase"]) == (1, "rest")
    assert (got[5]["index"], got[5]["phase"], got[5]["seconds"]) == (1, "rest", 10)
    assert (got[6]["index"], got[6]["phase"]) == (1, "hold")


def test_cues_fire_once_and_a_frozen_tab_skips_what_it_missed(js: Any) -> None:
    got = js("""
      const t = timer(); const idle = t.state(t0); t.start(t0);
      const at = (ms) => t.state(t0 + ms);
      const ticks = [];
      let prev = t.state(t0);
      ticks.push(cuesBetween(idle, prev));
      for (let ms = 1000; ms <= 66000; ms += 1000) {
        const next = t.state(t0 + ms);
        for (const c of cuesBetween(prev, next)) ticks.push([ms, c]);
        prev = next;
      }
      const f = timer(); f.start(t0);
      const frozen = cuesBetween(f.state(t0 + 6000), f.state(t0 + 58000));
      const done = t.state(t0 + 66000); t.done(t0 + 67000);
      return {ticks, frozen, done: cuesBetween(done, t.state(t0 + 67000)),
              again: cuesBetween(t.state(t0 + 67000), t.state(t0 + 68000))};
    """)
    ticks = got["ticks"]
    assert ticks[0] == [{"type": "enter", "index": 0}]
    flat = [(ms, c["type"], c.get("n", c.get("index"))) for ms, c in ticks[1:]]
    assert flat == [
        (2000, "count", 3),
        (3000, "count", 2),
        (4000, "count", 1),
        (5000, "enter", 1),
        (15000, "halfway", None),
        (22000, "count", 3),
        (23000, "count", 2),
        (24000, "count", 1),
        (25000, "enter", 2),
        (27000, "count", 3),
        (28000, "count", 2),
        (29000, "count", 1),
        (30000, "enter", 3),
        (40000, "halfway", None),
        (47000, "count", 3),
        (48000, "count", 2),
        (49000, "count", 1),
        (50000, "enter", 4),
        (57000, "count", 3),
        (58000, "count", 2),
        (59000, "count", 1),
        (60000, "enter", 5),
        (62000, "rep", 1),
        (63000, "count", 3),
        (64000, "count", 2),
        (64000, "rep", 2),
        (65000, "count", 1),
        (66000, "rep", 3),  # the last rep is counted too, before the next step's cue
        (66000, "enter", 6),
    ]
    assert got["frozen"] == [{"type": "enter", "index": 4}]  # one cue, not a burst
    assert got["done"] == [{"type": "done"}]
    assert got["again"] == []


def test_phrases_say_and_show_each_step(js: Any) -> None:
    got = js("""
      const s = timedSteps(steps, 5, 5, 3);
      const sets = timedSteps([
        {kind: "hold", seconds: 30, exercise: "a", side: "right", set: 2, sets: 3},
        {kind: "rest", seconds: 15, exercise: "a", set: 2, sets: 3},
        {kind: "hold", seconds: 90, exercise: "a", side: "left", set: 3, sets: 3},
        {kind: "hold", seconds: 120, exercise: "b", set: 1, sets: 1},
      ], 5, 5, 3);
      return {
        speech: s.map((st, i) => P.entrySpeech(st, s[i + 1], cards)),
        sets: sets.map((st, i) => P.entrySpeech(st, sets[i + 1], cards)),
        complete: [45, 600, 629].map(P.completeSpeech),
        labels: s.map((st) => P.phaseLabel(st.kind, st)),
        clock: [0, 9, 60, 125, 3600].map(P.clock),
        where: [P.whereText(s[3], 8000, cards), P.whereText(s[6], 0, cards),
                P.whereText(s[4], 0, cards)],
      };
    """)
    assert got["speech"] == [
        ["Get ready: Figure-4"],
        ["Left side, 20 seconds"],
        ["Switch sides"],
        ["Right side, 20 seconds"],
        ["Rest 10 seconds. Then Bridge"],
        ["3 reps"],
        ["4 reps", "Tap Done when you finish"],  # only a step that waits says so
    ]
    assert got["sets"] == [
        ["Set 2 of 3, right side, 30 seconds"],
        ["Rest 15 seconds. Then set 3 of Figure-4"],
        ["Set 3 of 3, left side, 1 minute 30 seconds"],
        ["Hold for 2 minutes"],
    ]
    assert got["complete"] == [
        "Session complete, 45 seconds",
        "Session complete, 10 minutes",
        "Session complete, 10 minutes",
    ]
    assert got["labels"] == [
        "Get ready",
        "Left side",
        "Switch sides",
        "Right side",
        "Rest",
        "Reps",
        "Reps",
    ]
    assert got["clock"] == ["0:00", "0:09", "1:00", "2:05", "60:00"]
    assert got["where"] == [
        "Figure-4, right side, 0:12 left",
        "Squat, 4 reps",
        "Rest, 0:10 left",
    ]


def test_log_entry_counts_what_was_done_and_skipped(js: Any) -> None:
    """A session ended early at b's reps, with a skipped: what the history records."""
    got = js("""
      const {logEntry} = await import('/static/js/player/log-entry.js');
      const timed = timedSteps(steps, 5, 5, 3);
      const run = {started: '2026-11-21T09:00:00.000Z', skipped: new Set(['a']),
                   pain: [{exercise: 'a', rating: 1, limit: 2}],
                   swaps: [{from: 'x', to: 'b', why: 'easier'}]};
      const data = {title: 'Daily', program: {slug: 'four-weeks', day: 3}, cards};
      const state = {status: 'done', index: 5, active: 61400};
      const ended = new Date('2026-11-21T09:02:00.000Z');
      const common = {run, steps: timed, data, routine: 'daily', ended, salt: 'x1'};
      return [logEntry({...common, state, completed: false}),
              logEntry({...common, state: {...state, index: 6}, completed: false}),
              logEntry({...common, state, completed: true}).done];
    """)
    assert got[0] == {
        "id": "2026-11-21T09:00:00.000Z-x1",
        "date": got[0]["date"],  # the device's local day: checked below
        "started": "2026-11-21T09:00:00.000Z",
        "ended": "2026-11-21T09:02:00.000Z",
        "routine": "daily",
        "title": "Daily",
        "program": "four-weeks",
        "day": 3,
        "duration": 61,
        "completed": False,
        "done": [],
        "skipped": ["a"],
        "pain": [{"exercise": "a", "rating": 1, "limit": 2}],
        "swaps": [{"from": "x", "to": "b", "why": "easier"}],
        "titles": {"a": "Figure-4", "b": "Bridge", "c": "Squat"},
    }
    assert got[0]["date"] in ("2026-11-20", "2026-11-21", "2026-11-22")
    assert got[1]["done"] == ["b"]  # ended at c: b was played through
    assert got[2] == ["b", "c"]


def test_text_comes_from_the_pages_strings_with_english_as_fallback(
    page: Page, live_server: LiveServer
) -> None:
    """The page's table (web/strings.py), with the language's plural rule and numbers:
    French says "0 jour", has a form for a million, and writes it with narrow spaces."""
    page.goto(live_server.url + "/about/")
    got = page.evaluate("""async () => {
      document.documentElement.lang = 'fr';
      const table = {'Set {n} of {total}': 'Série {n} sur {total}',
                     '{n} day': ['{n} jour', '{n} de jours', '{n} jours'],
                     '': ['one', 'many', 'other']};
      const node = Object.assign(document.createElement('script'),
        {type: 'application/json', id: 'strings', textContent: JSON.stringify(table)});
      document.body.append(node);
      const {t, nt} = await import('/static/js/shared/i18n.js');
      return [t('Set {n} of {total}', {n: 1, total: 3}), t('Rest, {left}', {left: '0:10'}),
              t('Keep {this}'), nt('{n} day', '{n} days', 0), nt('{n} day', '{n} days', 1),
              nt('{n} day', '{n} days', 4), nt('{n} day', '{n} days', 1000000),
              nt('{n} session', '{n} sessions', 1), nt('{n} session', '{n} sessions', 0)];
    }""")
    assert got == [
        "Série 1 sur 3",
        "Rest, 0:10",
        "Keep {this}",
        "0 jour",
        "1 jour",
        "4 jours",
        "1\u202f000\u202f000 de jours",
        "1 session",
        "0 sessions",
    ]
