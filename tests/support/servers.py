"""Start real servers on free loopback ports for tests that need HTTP."""

from __future__ import annotations

import contextlib
import http.client
import socket
import subprocess
import time
from collections.abc import Iterator


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def answers(port: int, path: str, timeout: float = 5.0) -> bool:
    """Whether the server on ``port`` answers ``path`` with 200 now."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


def wait_until_up(port: int, proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            conn.request("HEAD", "/")
            conn.getresponse()
            return
        except OSError:
            time.sleep(0.05)
        finally:
            conn.close()
    proc.kill()
    output = proc.communicate()[0].decode(errors="replace")
    raise RuntimeError(f"server on port {port} did not start:\n{output}")


@contextlib.contextmanager
def serve(cmd: list[str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``cmd`` (which must listen on ``port``) for the duration of the block."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_until_up(port, proc)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()
