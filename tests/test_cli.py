"""The hipapp command as a studio uses it: exit codes, messages, templates."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hipapp import create_app
from hipapp.cli import main

from .conftest import Write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_check_bundled_content_strict(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "9 exercises, 3 routines, 1 program, 0 warnings. OK." in result.stderr


def test_check_lists_every_problem_and_exits_1(runner: CliRunner, write: Write) -> None:
    write("exercises/a.md", "---\ntitle: A\nhold: long\n---\n")
    root = write("exercises/b.md", "---\ntitle: B\nreps: 5\nsidez: both\n---\n")
    result = runner.invoke(main, ["check", "--content", str(root)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'content/exercises/a.md:3: hold: expected seconds like 30 or "45s", got "long"',
        'content/exercises/b.md:4: warning: sidez: unknown key (did you mean "sides"?)',
    ]
    assert result.stderr == "1 error, 1 warning.\n"


def test_check_warnings_pass_unless_strict(runner: CliRunner, write: Write) -> None:
    root = write("exercises/b.md", "---\ntitle: B\nreps: 5\ncolour: red\n---\n")
    result = runner.invoke(main, ["check", "--content", str(root)])
    assert result.exit_code == 0
    assert result.stdout == "content/exercises/b.md:4: warning: colour: unknown key\n"
    strict = runner.invoke(main, ["check", "--content", str(root), "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr == "0 errors, 1 warning.\n"


def test_check_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["check", "--content", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stdout == f"{tmp_path / 'nope'}: content folder not found\n"


def test_new_templates_pass_check(runner: CliRunner, write: Write) -> None:
    root = write()
    made = runner.invoke(main, ["new", "exercise", "Side-lying leg raise", "--content", str(root)])
    assert made.exit_code == 0, made.output
    card = root / "exercises" / "side-lying-leg-raise.md"
    assert "title: Side-lying leg raise" in card.read_text()
    # The card page shows the card's own pain limit; the body must not pin another one.
    assert "/10" not in card.read_text().split("---")[2]
    made = runner.invoke(main, ["new", "routine", "morning", "--content", str(root)])
    assert made.exit_code == 0, made.output
    assert "- side-lying-leg-raise" in (root / "routines" / "morning.md").read_text()
    made = runner.invoke(main, ["new", "program", "Four weeks: hips", "--content", str(root)])
    assert made.exit_code == 0, made.output
    program = (root / "programs" / "four-weeks-hips.md").read_text()
    assert 'title: "Four weeks: hips"' in program
    assert "days: [morning, rest, morning" in program
    made = runner.invoke(main, ["new", "site", "Hip Mobility Studio", "--content", str(root)])
    assert made.exit_code == 0, made.output
    assert "name: Hip Mobility Studio\n" in (root / "site.yaml").read_text()
    checked = runner.invoke(main, ["check", "--strict", "--content", str(root)])
    assert checked.exit_code == 0, checked.output
    assert "1 exercise, 1 routine, 1 program, 0 warnings. OK." in checked.stderr


def test_new_names_the_folder_it_wrote_to(runner: CliRunner, write: Write) -> None:
    """A bare 'hipapp check' checks the bundled content, not the studio's folder."""
    root = write()
    made = runner.invoke(main, ["new", "exercise", "bridge", "--content", str(root)])
    path = root / "exercises" / "bridge.md"
    assert made.stderr == f"Wrote {path}. Edit it, then run 'hipapp check --content {root}'.\n"
    site = runner.invoke(main, ["new", "site", "--content", str(root)])
    assert site.exit_code == 0, site.output
    assert "name: My studio\n" in (root / "site.yaml").read_text()


def test_new_refuses_to_overwrite_and_needs_cards(runner: CliRunner, write: Write) -> None:
    root = write()
    result = runner.invoke(main, ["new", "routine", "morning", "--content", str(root)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: a routine needs exercises; run 'hipapp new exercise NAME --content {root}' first\n"
    )
    program = runner.invoke(main, ["new", "program", "p", "--content", str(root)])
    assert "a program needs routines; run 'hipapp new routine NAME --content" in program.stderr
    runner.invoke(main, ["new", "exercise", "bridge", "--content", str(root)])
    again = runner.invoke(main, ["new", "exercise", "bridge", "--content", str(root)])
    assert again.exit_code == 1
    assert "already exists" in again.stderr
    bad = runner.invoke(main, ["new", "exercise", "!!!", "--content", str(root)])
    assert bad.exit_code == 1
    assert 'cannot make a file name from "!!!"' in bad.stderr
    long = runner.invoke(main, ["new", "exercise", "x" * 300, "--content", str(root)])
    assert long.exit_code == 1
    assert "too long for a file name" in long.stderr
    unnamed = runner.invoke(main, ["new", "routine", "--content", str(root)])
    assert unnamed.exit_code == 1
    assert 'name the new routine, like: hipapp new routine "Morning hips"' in unnamed.stderr
    site = runner.invoke(main, ["new", "site", "--content", str(root)])
    assert runner.invoke(main, ["new", "site", "--content", str(root)]).exit_code == 1
    assert site.exit_code == 0


def test_new_in_a_folder_it_cannot_write_says_so(runner: CliRunner, tmp_path: Path) -> None:
    blocked = tmp_path / "studio"
    blocked.write_text("a file, not a folder")
    made = runner.invoke(main, ["new", "site", "--content", str(blocked)])
    assert made.exit_code != 0 and "Traceback" not in made.output
    inside = runner.invoke(main, ["new", "site", "--content", str(tmp_path / "x" / "y")])
    assert inside.exit_code == 0, inside.output  # missing folders are made
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "exercises").write_text("in the way")
    stuck = runner.invoke(main, ["new", "exercise", "bridge", "--content", str(tmp_path / "ro")])
    assert stuck.exit_code == 1
    assert stuck.exception is None or isinstance(stuck.exception, SystemExit)
    assert stuck.stderr.startswith(f"error: cannot write in {tmp_path / 'ro'}: ")


def test_run_refuses_broken_content_without_traceback(write: Write) -> None:
    root = write("exercises/a.md", "---\ntitle: A\n---\n")
    done = subprocess.run(
        [sys.executable, "-m", "hipapp.cli", "run", "--content", str(root), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == (
        "content/exercises/a.md:1: hold: required (or reps); add a line like 'hold: 30s' "
        "(seconds per side) or 'reps: 10'\n"
    )
    assert "Traceback" not in done.stderr


def test_flask_cli_reaches_the_same_commands(small_content: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "check", "--content", str(small_content)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0, done.stderr
    assert "1 exercise, 1 routine, 0 programs, 0 warnings. OK." in done.stderr


def test_run_serves_the_bundled_content() -> None:
    """What `make run` starts: the bundled content, served over HTTP."""
    import http.client

    from .support.servers import free_port, serve

    port = free_port()
    cmd = [sys.executable, "-m", "hipapp.cli", "run", "--port", str(port)]
    with serve(cmd, port):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/routines/daily-hips/")
        response = conn.getresponse()
        assert response.status == 200
        assert "Daily hips for a calmer back" in response.read().decode()


def test_flask_cli_offers_the_same_commands() -> None:
    from hipapp import create_app

    assert {"check", "build", "new"} <= set(create_app().cli.list_commands(None))  # type: ignore[arg-type]


SVG_LOGO = ("media/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')


def test_check_and_build_count_the_same_warnings(
    runner: CliRunner, small_content: Path, write: Write, tmp_path: Path
) -> None:
    """A warning fails --strict wherever it is raised, and build prints it as check does."""
    write(*SVG_LOGO)
    write("site.yaml", "name: Studio\nlogo: logo.svg\n")
    warning = (
        "content/site.yaml:2: warning: logo: app icons are drawn from PNG, JPEG, WebP or GIF "
        'logos; "logo.svg" is not one, so they show the initials instead\n'
    )
    out = tmp_path / "site"
    checked = runner.invoke(main, ["check", "--content", str(small_content)])
    built = runner.invoke(main, ["build", "--content", str(small_content), "--out", str(out)])
    assert (checked.exit_code, built.exit_code) == (0, 0), built.output
    assert checked.stdout == built.stdout == warning
    files = sum(p.is_file() for p in out.rglob("*"))
    assert re.fullmatch(
        rf"Built {files} files in {re.escape(str(out))} \(\d+ pages rendered, \d+ files changed\); "
        r"1 warning\.\n",
        built.stderr,
    )
    for command in (["check"], ["build", "--out", str(tmp_path / "strict")]):
        strict = runner.invoke(main, [*command, "--strict", "--content", str(small_content)])
        assert strict.exit_code == 1, command
        assert strict.stdout == warning
        assert strict.stderr == "0 errors, 1 warning.\n"
    assert not (tmp_path / "strict").exists()


def test_a_warning_raised_while_the_app_is_set_up_counts_under_strict(
    small_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hipapp.errors import ContentError, Problem, warn
    from hipapp.web import app as web_app

    def filters_that_warn(env: object) -> None:
        warn(Problem("content/site.yaml", 1, "x", "from the web layer", "warning"))

    monkeypatch.setattr(web_app, "register_filters", filters_that_warn)
    assert [str(w) for w in create_app(small_content).extensions["hipapp.warnings"]] == [
        "content/site.yaml:1: warning: x: from the web layer"
    ]
    with pytest.raises(ContentError) as info:
        create_app(small_content, strict=True)
    assert [str(p) for p in info.value.problems] == [
        "content/site.yaml:1: warning: x: from the web layer"
    ]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("javascript:alert(1)", "expected an address that starts with https://"),
        ("ftp://files.example/", "expected the site's public http(s) address"),
        ("/hips/", "expected an address that starts with https://"),
        ("https://a b/", "expected the site's public http(s) address"),
        ("https://example.org/?x=1", "no ?, # or user name"),
    ],
)
def test_build_refuses_a_base_url_before_writing_anything(
    runner: CliRunner, small_content: Path, tmp_path: Path, given: str, said: str
) -> None:
    out = tmp_path / "site"
    result = runner.invoke(
        main, ["build", "--content", str(small_content), "--out", str(out), "--base-url", given]
    )
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--base-url'" in result.stderr
    assert said in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_build_normalises_the_base_url_as_site_yaml_does(
    runner: CliRunner, small_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    result = runner.invoke(
        main,
        [
            "build",
            "--content",
            str(small_content),
            "--out",
            str(out),
            "--base-url",
            "HTTPS://Ex.ORG/a",
        ],
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["id"] == "/a/"
