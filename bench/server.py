"""Requests per second for a routine page under gunicorn on loopback, measured with wrk.

Run: .venv/bin/python bench/server.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Row, apt_install, pip_install, print_table  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.support.servers import free_port, wait_until_up  # noqa: E402

PAGE = "/routines/daily-hips/"


def run(seconds: int = 10) -> list[Row]:
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        pip_install("gunicorn")
    wrk = apt_install("wrk", "wrk")
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "app:app",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(port, server)
        time.sleep(0.5)
        done = subprocess.run(
            [
                wrk,
                "-t",
                "2",
                "-c",
                "32",
                "-d",
                f"{seconds}s",
                "-H",
                "Accept-Encoding: gzip",
                f"http://127.0.0.1:{port}{PAGE}",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait(10)
    out = done.stdout
    print(out)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    failed = (int(errors.group(1)) if errors else 0) + (1 if socket_errors else 0)
    return [
        Row(f"server: {PAGE} under gunicorn, 2 workers", rate, "req/s", 1000, False),
        Row("server: failed responses", failed, "", 0),
    ]


if __name__ == "__main__":
    print_table(run())
