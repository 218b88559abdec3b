"""Work split over forked processes, for the command-line build only.

A server never forks: a process pool started inside a forked server worker (gunicorn's)
can hang on a lock another thread held at fork time, and its children inherit the
worker's signal handlers, so they ignore SIGTERM and outlive it. So parallel work is off
unless a command turns it on with ``parallel(n)``, which only ``hipapp build`` does.

Each child resets SIGTERM and SIGINT to their defaults and asks the kernel (Linux
``PR_SET_PDEATHSIG``) to kill it when its parent dies, even by SIGKILL; the parent also
kills its children when it stops early.

``batch()`` is the other half of a command that exits when done: no cyclic garbage
collection while it runs, nor over its objects at exit.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any, TypeVar

from .errors import HipappError

T = TypeVar("T")
R = TypeVar("R")

_ALLOWED: ContextVar[int] = ContextVar("hipapp.processes", default=1)
MAX_WORKERS = 8


@contextlib.contextmanager
def parallel(workers: int | None = None) -> Iterator[int]:
    """Let ``fork_map`` use up to ``workers`` processes (default: one per core)."""
    count = max(1, min(workers or os.cpu_count() or 1, MAX_WORKERS))
    token = _ALLOWED.set(count if hasattr(os, "fork") else 1)
    try:
        yield count
    finally:
        _ALLOWED.reset(token)


@contextlib.contextmanager
def batch() -> Iterator[None]:
    """Run a command that exits when done without the cyclic garbage collector.

    What a build makes (the catalogue, the parse cache, the URL list) lives until it
    exits, and it makes next to no cyclic garbage (peak memory is the same without the
    collector): its passes over those objects were a tenth of a one-card rebuild, and
    the one at exit another tenth. Forked workers inherit it, so they also stop touching
    (and so copying) the pages they share with the parent. A caller that goes on (a test
    running the command) gets its collector back; its exit pass is skipped only at exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    _freeze_at_exit()
    try:
        yield
    finally:
        # Everything made meanwhile is still in the youngest generation, which the next
        # allocation after enable() would traverse whole (~20 ms): move it all to the
        # oldest without a pass, where it is collected as usual if the caller goes on.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


@functools.cache
def _freeze_at_exit() -> None:
    # atexit handlers run before the interpreter's last collection, which then skips
    # every object frozen here: they are freed (or not) with the process all the same.
    atexit.register(gc.freeze)


def allowed() -> int:
    """How many processes the running command may use: 1 unless ``parallel`` said more."""
    return _ALLOWED.get()


def fork_map(func: Callable[[T], R], items: Sequence[T], *, least: int = 2) -> list[R]:
    """``[func(x) for x in items]``, split over forked processes when allowed."""
    return fork_batches(lambda chunk: [func(item) for item in chunk], items, least=least)


def fork_batches(
    func: Callable[[list[T]], list[R]], items: Sequence[T], *, least: int = 2
) -> list[R]:
    """``func(items)``, with ``items`` split over forked processes when allowed.

    ``func`` maps a list to a list of results of the same length. Below ``least`` items
    per process, forking costs more than it saves. Results come back pickled through a
    pipe, in order. A child's exception fails the whole call.
    """
    workers = min(allowed(), len(items) // max(least, 1))
    if workers < 2:
        return func(list(items))
    chunks = [list(items[i::workers]) for i in range(workers)]
    children: list[list[int]] = []  # [pid, pipe fd or -1 once read]
    try:
        for chunk in chunks[1:]:
            children.append(list(_spawn(func, chunk)))
        parts = [func(chunks[0])]
        failed = 0
        for child in children:
            fd, child[1] = child[1], -1
            data = _read_all(fd)
            status = os.waitstatus_to_exitcode(os.waitpid(child[0], 0)[1])
            child[0] = -1
            result = pickle.loads(data) if status == 0 and data else None
            if isinstance(result, HipappError):
                raise result  # a person-readable failure, such as a page that answers 404
            if result is None:
                failed += 1
            else:
                parts.append(result)
        if failed:
            raise HipappError(f"{failed} worker process(es) failed; see the messages above")
    finally:
        for pid, fd in children:  # stopped early: take the children down too
            if fd >= 0:
                os.close(fd)
            if pid > 0:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
    # Undo the round-robin split.
    results: list[Any] = [None] * len(items)
    for offset, part in enumerate(parts):
        results[offset::workers] = part
    return results


def _spawn(func: Callable[[list[T]], list[R]], chunk: list[T]) -> tuple[int, int]:
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            os.close(read)
            _die_with(parent)
            try:
                result: object = func(chunk)
            except HipappError as exc:
                # Sent back to be raised as it is, if it pickles by its message alone.
                plain = type(exc).__init__ is HipappError.__init__
                result = exc if plain else HipappError(str(exc))
            data = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        except BaseException:
            traceback.print_exc(file=sys.stderr)
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _die_with(parent: int) -> None:
    """Default signal handling, and death with the parent process."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes  # here: only a child needs it, and every build would pay for it

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _read_all(fd: int) -> bytes:
    with os.fdopen(fd, "rb") as pipe:
        return pipe.read()
