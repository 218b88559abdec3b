"""The package's shape: stages import only the ones before them, and stay small."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import hipapp

PACKAGE = Path(hipapp.__file__).resolve().parent
# Leaf modules first, then the stages in pipeline order; each may import only what comes
# before it (and itself).
ORDER = [
    *("errors", "paths", "files", "processes", "i18n"),
    *("content", "plan", "pwa", "web", "build", "cli"),
]
MAX_LINES = 320


def stage_of(module: str) -> str:
    """ "hipapp.web.views" → "web"; the package root is "" (create_app)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(path: Path) -> set[str]:
    """The hipapp modules a file imports, as absolute dotted names (top level and lazy)."""
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    package = list(rel.parts[:-1])  # a module's package; for __init__, the package itself
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            if target.startswith("hipapp"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("hipapp"))
    return found


def test_each_stage_imports_only_the_stages_before_it() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        mine = stage_of(module.removesuffix(".__init__"))
        if not mine:
            continue  # the root's create_app reaches into web/, lazily
        for target in imports(path):
            theirs = stage_of(target)
            if theirs in ORDER and ORDER.index(theirs) > ORDER.index(mine):
                wrong.append(f"{module} imports {target}")
            if target == "hipapp" and mine != "cli":
                wrong.append(f"{module} imports the package root")
    assert wrong == []


def test_reading_content_and_planning_never_load_flask() -> None:
    script = (
        "import sys\n"
        "import hipapp.content, hipapp.plan.sequence, hipapp.plan.programs\n"
        "import hipapp.pwa.manifest, hipapp.pwa.precache, hipapp.pwa.qr, hipapp.pwa.icons\n"
        "from hipapp.content import load_catalogue\n"
        "from hipapp.paths import DEFAULT_CONTENT\n"
        "load_catalogue(DEFAULT_CONTENT)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=PACKAGE.parent,
    )
    assert done.stdout.strip() == "[]"


def test_modules_stay_small() -> None:
    sizes = {
        str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
