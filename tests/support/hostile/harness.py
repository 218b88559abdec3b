"""Run ``hipapp check`` and ``hipapp build`` on one hostile folder and judge the answers.

Shared by the corpus (tests/test_hostile.py), the fuzzers (tests/test_fuzz.py,
bench/fuzz.py) and the failure report (``python -m tests.support.hostile.report``). Each judge
returns a list of failures in words, empty when hipapp answered as the issue asks:

- every bad folder gets exit 1 and one ``path:line: field: message`` per problem, with no
  traceback and none of YAML's or Python's jargon, from ``check`` and ``build`` alike;
- ``check`` passes exactly when ``build`` does;
- nothing outside the output folder is lost or changed, and a failed build writes nothing;
- nothing runs away: each command gets a time limit and a memory ceiling.
"""

from __future__ import annotations

import html
import json
import os
import re
import resource
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from click.testing import CliRunner

from hipapp.cli import main

from .tree import SECRET, Tree, changes, snapshot, write_tree

# A corpus folder is a few small files: seconds of work means runaway work. The limit is on
# CPU time, so a loaded machine doesn't turn a slow build into a "hang"; the 20 s
# of wall-clock time also applies, for what waits without working (a pipe named x.md).
# HIPAPP_HOSTILE_TIMEOUT changes the CPU limit.
TIMEOUT = float(os.environ.get("HIPAPP_HOSTILE_TIMEOUT", "5"))
WALL = 20.0
# Above what the process already uses; a runaway expansion fails fast instead of
# taking the (shared) machine's memory.
MEMORY = 2 << 30

# path, then ":line" unless the problem is about the file as a whole, then the message.
LOCATED = re.compile(r"^(?P<path>content(?:/[^:\n]*)?)(?::(?P<line>[1-9]\d*))?: (?P<rest>\S.*)$")
# Words a studio can't act on: the parser's or Python's, leaking through.
JARGON = re.compile(
    r"Traceback|while (?:scanning|parsing)|could not find expected|did not find expected"
    r"|mapping values are not allowed|found character|cannot start any token|violates"
    r"|<unicode string>|tag:yaml\.org|[A-Z][a-z]+(?:Error|Exception)\b|object at 0x"
    r"|\bErrno\b"
)


Fail = Callable[[str], None]


class Hang(BaseException):
    """Raised in the main thread when a command runs past its time limit.

    A BaseException, so that neither click's runner nor hipapp's own handlers catch it.
    """


@contextmanager
def limits(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` of CPU (or ``WALL`` seconds); cap its memory."""

    def expire(signum: int, frame: object) -> None:
        raise Hang

    previous = {sig: signal.signal(sig, expire) for sig in (signal.SIGALRM, signal.SIGPROF)}
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = _address_space() + MEMORY
    if hard == resource.RLIM_INFINITY or ceiling < hard:
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, WALL))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.setitimer(signal.ITIMER_PROF, 0)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


@dataclass
class Run:
    """What one command did."""

    args: list[str]
    exit_code: int | None  # None: it hung and was interrupted
    stdout: str = ""
    stderr: str = ""
    crash: str = ""  # the traceback of an exception that escaped the command
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0

    def lines(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.strip()]


def invoke(args: list[str], timeout: float = TIMEOUT) -> Run:
    """Run the ``hipapp`` command in this process, as ``hipapp ARGS`` would."""
    runner = CliRunner()
    start = time.perf_counter()
    # One build process: forked workers would outlive an interrupted build.
    env = {"HIPAPP_BUILD_WORKERS": "1", "HIPAPP_CONTENT": None}
    try:
        with limits(timeout):
            result = runner.invoke(main, args, env=env)
    except Hang:
        return Run(args, None, seconds=time.perf_counter() - start)
    run = Run(args, result.exit_code, result.stdout, result.stderr)
    run.seconds = time.perf_counter() - start
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        run.crash = "".join(traceback.format_exception(*result.exc_info))
    return run


@dataclass(frozen=True)
class Expect:
    """A message the output must hold.

    ``path`` and ``line`` locate it as printed ("content/exercises/x.md", 3); line 0 is a
    problem with the file as a whole, printed without a line. ``text`` is a regular
    expression searched in the rest of the line: it names the fix. With an empty ``path``,
    ``text`` is searched anywhere in the output (for errors that are not about content).
    """

    path: str
    line: int
    text: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "warning" if self.severity == "warning" else "error"
        return f"{kind} at {where or 'anywhere'} matching /{self.text}/"


def found(expect: Expect, run: Run) -> bool:
    """Whether ``run`` printed the message ``expect`` describes."""
    if not expect.path:
        return re.search(expect.text, run.stdout + run.stderr) is not None
    for line in run.lines():
        match = LOCATED.match(line)
        if not match or match["path"] != expect.path:
            continue
        if int(match["line"] or 0) != expect.line:
            continue
        rest = match["rest"]
        warning = rest.startswith("warning: ")
        if warning != (expect.severity == "warning"):
            continue
        if re.search(expect.text, rest.removeprefix("warning: ")):
            return True
    return False


@dataclass
class Verdict:
    """Both commands' runs on one folder, and everything wrong with them."""

    check: Run
    build: Run | None
    failures: list[str] = field(default_factory=list)


def judge_folder(
    tmp: Path,
    tree: Tree,
    *,
    errors: tuple[Expect, ...] = (),
    warnings: tuple[Expect, ...] = (),
    forbid: tuple[str, ...] = (),
    exported: tuple[str, ...] = (),
    not_exported: tuple[str, ...] = (),
    out: str = "out",
    agree: bool = True,
    expect_ok: bool | None = None,
    build_errors: tuple[Expect, ...] = (),
    timeout: float = TIMEOUT,
) -> Verdict:
    """Write ``tree`` under ``tmp``, check and build it, and list what went wrong.

    ``expect_ok`` None (the fuzzers) asks only for the invariants; True or False also asks
    for that outcome.
    """
    write_tree(tmp, tree)
    content, target = tmp / "content", tmp / out
    before = snapshot(tmp)
    check = invoke(["check", "--content", str(content)], timeout)
    verdict = Verdict(check, None)
    fail = verdict.failures.append
    _judge_run("check", check, fail)
    if check.exit_code is None:
        return verdict  # a hung check would hang the build too
    after_check = snapshot(tmp)
    for change in changes(before, after_check):
        fail(f"check changed the folder: {change}")
    build = verdict.build = invoke(
        ["build", "--content", str(content), "--out", str(target)], timeout
    )
    _judge_run("build", build, fail)
    if build.exit_code is None:
        return verdict
    if agree and check.ok != build.ok:
        fail(
            f"check and build disagree: check {'passed' if check.ok else 'failed'}, "
            f"build {'passed' if build.ok else 'failed'}: {_tail(build)}"
        )
    # A failed build writes nothing; a good one writes only inside its output folder, and
    # never over the content (an output folder holding the content is no excuse).
    inside = target.resolve() == content.resolve() or content.resolve().is_relative_to(
        target.resolve()
    )
    skip = target if build.ok and not inside else None
    for change in changes(before, snapshot(tmp, skip=skip)):
        fail(f"build {'changed' if build.ok else 'failed but changed'} the folder: {change}")
    if expect_ok is True:
        _expect_ok(check, build, warnings, fail)
        if build.ok:
            _judge_export(target, exported, not_exported, fail)
    elif expect_ok is False:
        _expect_errors([check, build], errors, fail)
    elif build_errors:
        if not check.ok:
            fail(f"check: refused good content: {_tail(check)}")
        _expect_errors([build], build_errors, fail)
    elif build.ok:
        _judge_export(target, (), (), fail)
    for pattern in forbid:
        for run in (check, build):
            if re.search(pattern, run.stdout, re.M):
                fail(f"{run.args[0]}: printed a false error matching /{pattern}/")
    return verdict


def _tail(run: Run) -> str:
    text = (run.stdout + run.stderr).strip().splitlines()
    return " / ".join(text[-3:]) if text else "(no output)"


def _judge_run(name: str, run: Run, fail: Fail) -> None:
    if run.exit_code is None:
        fail(f"{name}: hung (still running after {TIMEOUT:g} s of CPU or {WALL:g} s)")
        return
    if run.crash:
        last = run.crash.strip().splitlines()[-1]
        fail(f"{name}: crashed with a traceback: {last}")
    elif run.exit_code not in (0, 1):
        fail(f"{name}: exit code {run.exit_code}: {_tail(run)}")
    for line in (run.stdout + run.stderr).splitlines():
        if JARGON.search(line):
            fail(f"{name}: printed jargon: {line[:200]}")
            break
    # A build that fails on something other than content (its output folder) prints no
    # problem lines; whether it should have failed is the agreement check's business.
    lines = run.lines()
    if run.exit_code == 1 and not run.crash and name == "check" and not lines:
        fail(f"{name}: failed without a located message: {_tail(run)}")
    for line in lines:
        if not LOCATED.match(line):
            fail(f"{name}: printed a message that is not path:line: {line[:200]}")
            break


def _expect_ok(check: Run, build: Run, warnings: tuple[Expect, ...], fail: Fail) -> None:
    for run in (check, build):
        if run.exit_code == 1 and not run.crash:
            fail(f"{run.args[0]}: refused good content: {_tail(run)}")
        for expect in warnings:
            if run.ok and not found(expect, run):
                fail(f"{run.args[0]}: no {expect}")


def _expect_errors(runs: list[Run], errors: tuple[Expect, ...], fail: Fail) -> None:
    for run in runs:
        if run.ok:
            fail(f"{run.args[0]}: accepted bad content (exit 0)")
            continue
        for expect in errors:
            if not found(expect, run):
                fail(f"{run.args[0]}: no {expect}; got: {_tail(run)}")


ATTR = re.compile(r"""\b(?:src|href)=["']([^"']*)["']""")
DATA = re.compile(r'<script type="application/json"[^>]*>(.*?)</script>', re.S)
LINK_KEYS = {"image", "url", "play", "today", "easier_url"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def _judge_export(
    out: Path, exported: tuple[str, ...], not_exported: tuple[str, ...], fail: Fail
) -> None:
    """What a good build wrote: the named files, no secret, no unsafe or broken link."""
    for name in exported:
        if not (out / name).is_file():
            fail(f"build: {name} is missing from the export")
    for name in not_exported:
        if (out / name).exists():
            fail(f"build: {name} was published")
    secret = SECRET.encode()
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.suffix in (".gz", ".br"):
            continue
        data = path.read_bytes()
        rel = path.relative_to(out).as_posix()
        if secret in data:
            fail(f"build: {rel} holds a file from outside the content folder")
        active = path.suffix in (".html", ".svg", ".js")  # what a browser would run
        if active and (b"<script>alert(" in data or b"javascript:alert" in data):
            fail(f"build: {rel} carries the corpus's script payload unescaped")
        if path.suffix == ".html":
            for problem in _broken_links(out, rel, data.decode("utf-8", "replace")):
                fail(f"build: {rel}: {problem}")
                break


def _broken_links(out: Path, rel: str, text: str) -> Iterator[str]:
    here = "/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
    links = [html.unescape(m[1]) for m in ATTR.finditer(text)]
    for block in DATA.findall(text):
        links += _json_links(json.loads(block))
    for link in links:
        parts = urlsplit(link)
        if parts.scheme:
            if parts.scheme not in SAFE_SCHEMES:
                yield f"unsafe link {link!r}"
            continue
        if parts.netloc or not parts.path:
            continue
        path = unquote(urlsplit(urljoin(f"http://export{here}", link)).path)
        target = out / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            yield f"link {link!r} leads nowhere (no {target.relative_to(out).as_posix()})"


def _json_links(value: object) -> list[str]:
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if key in LINK_KEYS and isinstance(child, str):
                    found.append(child)
                else:
                    stack.append(child)
        elif isinstance(item, list):
            stack.extend(item)
    return found
