"""Forked work: only where a command allows it, in order, and never outliving its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hipapp.errors import HipappError
from hipapp.processes import allowed, fork_map, parallel


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
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "/x/: the app answered 404\n"


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
