"""Forked work: only where a command allows it, in order, and never outliving its parent."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
import weakref
from pathlib import Path

import pytest

from hipapp.errors import HipappError
from hipapp.processes import allowed, batch, fork_map, parallel


def python(script: str) -> str:
    """What a new Python process running ``script`` prints; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_nothing_forks_unless_a_command_allows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    assert allowed() == 1
    assert fork_map(str, list(range(500)), least=1) == [str(i) for i in range(500)]


def test_results_come_back_in_order_and_errors_are_raised() -> None:
    script = (
        "from hipapp.processes import fork_map, parallel\n"
        "from hipapp.errors import BuildError\n"
        "def boom(x):\n"
        "    if x == 7: raise BuildError('/x/: the app answered 404')\n"
        "    return x\n"
        "with parallel(3):\n"
        "    assert fork_map(lambda x: x * x, range(30), least=2) == [x * x for x in range(30)]\n"
        "    try:\n"
        "        fork_map(boom, range(30), least=2)\n"
        "    except BuildError as exc:\n"
        "        print(exc)\n"
    )
    assert python(script) == "/x/: the app answered 404\n"


def test_a_child_error_that_is_not_ours_fails_the_call() -> None:
    with parallel(2), pytest.raises(HipappError, match=r"^1 worker process\(es\) failed"):
        # os._exit in the child: it dies without a result.
        fork_map(lambda x: os._exit(3) if x == 1 else x, [0, 1], least=1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_children_die_with_their_parent_even_by_sigkill(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    script = (
        "import os, signal, sys\n"
        "from hipapp.processes import fork_map, parallel\n"
        "def block(x):\n"
        f"    with open({str(pids)!r}, 'a') as f: f.write(f'{{os.getpid()}}\\n')\n"
        "    signal.pause() if x else None\n"
        "    return x\n"
        "with parallel(2):\n"
        "    fork_map(block, [0, 1], least=1)\n"  # the child gets 1 and blocks for ever
        "    signal.pause()\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not (children := started(pids) - {parent.pid}):
            assert time.monotonic() < deadline, "the child never started"
            time.sleep(0.05)
        (child,) = children
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 10
        while alive(child):
            assert time.monotonic() < deadline, "the child outlived its parent"
            time.sleep(0.05)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in started(pids) - {parent.pid}:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def started(pids: Path) -> set[int]:
    return set(map(int, pids.read_text().split())) if pids.exists() else set()


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its reaper counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_batch_runs_without_the_collector_and_gives_it_back() -> None:
    assert gc.isenabled()
    with batch():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with batch():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_what_a_batch_made_is_aged_without_a_pass_and_still_collected() -> None:
    with batch():
        made: list[object] = []
        made.append(made)  # a cycle, garbage once dropped
    assert not any(o is made for o in gc.get_objects(0))  # the next pass won't traverse it
    assert any(o is made for o in gc.get_objects(2))
    with batch():
        ring = Ring()
        ring.me = ring
        gone = weakref.ref(ring)
        del ring
    gc.collect()
    assert gone() is None


class Ring:
    me: object = None


def test_a_batch_skips_the_collectors_pass_over_its_objects_at_exit() -> None:
    # atexit runs its handlers last in, first out: the check below runs after batch's.
    script = (
        "import atexit, gc\n"
        "atexit.register(lambda: print(gc.get_freeze_count() > 0))\n"
        "from hipapp.processes import batch\n"
        "with batch():\n"
        "    kept = [[i] for i in range(1000)]\n"
        "print(gc.get_freeze_count())\n"
    )
    assert python(script) == "0\nTrue\n"
