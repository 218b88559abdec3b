"""The production server starts every time on a studio-sized library, and leaves nothing.

gunicorn is started as the README says, on a generated 300-card library, three times.
Each start must bring every worker up and answer within seconds; no worker may fork
(a process pool inside a forked worker can hang it, and its children outlive it); and
after SIGTERM every process of the server is gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hipapp.paths import ROOT

from .support.library import generate
from .support.servers import answers, free_port

pytest.importorskip("gunicorn")

WORKERS = 2
DEADLINE = 45.0  # seconds; a shared 2-core machine under load, and it is usually ~3 s

# Hooks that report what each worker does: fork (there must be none) and get ready.
HOOKS = """\
import os

def post_fork(server, worker):
    real = os.fork

    def fork():
        print(f"hipapp-test: worker {os.getpid()} forked", flush=True)
        return real()

    os.fork = fork

def post_worker_init(worker):
    print(f"hipapp-test: worker {os.getpid()} ready", flush=True)
"""

STARTS = [
    [],  # plain sync workers, each loading the app itself
    ["--preload", "--worker-class", "gthread", "--threads", "4"],  # the README's command
    [],
]


def session_pids(sid: int) -> list[int]:
    """Every live process in session ``sid`` (the server and all it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == sid:
                    found.append(int(entry.name))
            except OSError:
                pass  # gone meanwhile
    return found


def wait_for(check: Callable[[], bool], what: str, log: Path, deadline: float) -> None:
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {DEADLINE} s\n{log.read_text()}")
        time.sleep(0.05)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="lists processes through /proc")
def test_gunicorn_starts_every_time_on_300_cards(tmp_path: Path) -> None:
    content = generate(tmp_path / "content", 300, 60, 2)
    hooks = tmp_path / "hooks.py"
    hooks.write_text(HOOKS)
    env = {**os.environ, "HIPAPP_CONTENT": str(content)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    for number, flags in enumerate(STARTS, 1):
        command = [sys.executable, "-m", "gunicorn", "-c", str(hooks), *flags]
        command += ["--workers", str(WORKERS), "--no-control-socket", "app:app"]
        start_and_stop(command, env, tmp_path / f"gunicorn-{number}.log")


def start_and_stop(command: list[str], env: dict[str, str], log: Path) -> None:
    """Start the server, wait for every worker and an answer, then stop it, all of it."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + DEADLINE
        ready = lambda: log.read_text().count(" ready\n") == WORKERS  # noqa: E731
        wait_for(ready, "every worker ready", log, deadline)
        wait_for(lambda: answers(port, "/exercises/exercise-299/", 2), "an answer", log, deadline)
        assert "forked" not in log.read_text(), log.read_text()
        server.send_signal(signal.SIGTERM)
        server.wait(DEADLINE)
        gone = lambda: session_pids(server.pid) == []  # noqa: E731
        wait_for(gone, "every process gone", log, time.monotonic() + 10)
    finally:
        for pid in session_pids(server.pid):
            os.kill(pid, signal.SIGKILL)
        if server.poll() is None:
            server.kill()
            server.wait()
