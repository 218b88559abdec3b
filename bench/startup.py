"""gunicorn start-ups on a 1,000-card library, with the README's command, several times.

Run: .venv/bin/python bench/startup.py

Each start is timed from launch to the first answer of a card page, then the server is
stopped with SIGTERM; a start counts as failed if it does not answer within 60 s or if
any process it started is still alive after it stops (the pool children of issue #17
kept the port). tests/test_server_start.py is the cheap guard in the normal suite.
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Row, pip_install, print_table  # noqa: E402
from library import generate  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.support.servers import answers, free_port  # noqa: E402

COMMAND = ["--preload", "--workers", "2", "--worker-class", "gthread", "--threads", "4"]
DEADLINE = 60.0


def alive(sid: int) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):  # gone meanwhile
                count += os.getsid(int(entry.name)) == sid
    return count


def start(content: Path) -> float | None:
    """Seconds to the first answer, or None for a start that hung or left processes."""
    port = free_port()
    env = {**os.environ, "HIPAPP_CONTENT": str(content), "PYTHONPATH": str(ROOT)}
    gunicorn = [sys.executable, "-m", "gunicorn", *COMMAND, "--bind", f"127.0.0.1:{port}"]
    began = time.perf_counter()
    server = subprocess.Popen(
        [*gunicorn, "app:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    took: float | None = None
    try:
        while time.perf_counter() - began < DEADLINE and server.poll() is None:
            if answers(port, "/exercises/exercise-999/", 5):
                took = time.perf_counter() - began
                break
            time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            took = None
        time.sleep(0.5)
        if alive(server.pid):
            took = None
            os.killpg(server.pid, signal.SIGKILL)
    return took


def run(starts: int = 5) -> list[Row]:
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        pip_install("gunicorn")
    with tempfile.TemporaryDirectory() as tmp:
        content = generate(Path(tmp) / "content", 1000, 200, 5)
        times = [start(content) for _ in range(starts)]
    good = [t for t in times if t is not None]
    shown = ", ".join("hung" if t is None else f"{t:.1f} s" for t in times)
    print(f"gunicorn start-ups on 1,000 cards: {shown}")
    return [
        Row(f"start-up: failed gunicorn starts of {starts}", starts - len(good), "", 0),
        Row("start-up: median time to first answer", statistics.median(good or [99]), "s", 10),
    ]


if __name__ == "__main__":
    print_table(run())
