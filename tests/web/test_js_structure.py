"""The JavaScript sources, read as text: imports, bundle order and top-level names.

ModuleConcat joins a bundle's modules into one scope and drops their relative imports, so
a wrong import, a module listed before the one it imports, or two modules declaring the
same top-level name would work or break only by the order of the bundle. These tests
catch that before a browser does.
"""

from __future__ import annotations

import io
import posixpath
import re
from dataclasses import dataclass
from functools import cache

import pytest

from hipapp.paths import STATIC
from hipapp.web.assets import ModuleConcat
from hipapp.web.bundles import BUNDLES

JS = STATIC / "js"
FOLDERS = {"player", "site", "history", "programs", "plans", "shared"}
# The browser's copies of the personal-plan rules (hipapp/plan/): tested on their own,
# and in no page yet.
UNBUNDLED = {"js/plans/expand.js", "js/plans/link.js"}

_STATIC_IMPORT = re.compile(r"^\s*import\b(?!\s*\()", re.M)
_NAMED_IMPORT = re.compile(r'^import \{([^}]*)\} from "(\.\.?/[\w./-]+\.js)";$')
_DECLARED = re.compile(
    r"^(export\s+)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)", re.M
)
_EXPORT_LIST = re.compile(r"^export\s*\{([^}]*)\}", re.M)


@dataclass(frozen=True)
class Import:
    line: int
    names: tuple[tuple[str, str], ...]  # (exported name, local name)
    target: str  # bundle path of the imported file, e.g. "js/shared/dom.js"


def sources() -> list[str]:
    """Every JS source as a bundle path ("js/player/timer.js")."""
    return sorted(p.relative_to(STATIC).as_posix() for p in JS.rglob("*.js"))


@cache
def text(path: str) -> str:
    return (STATIC / path).read_text(encoding="utf-8")


def imports(path: str) -> list[Import]:
    """The file's static imports; anything ModuleConcat cannot strip fails the test."""
    found = []
    for number, line in enumerate(text(path).splitlines(), 1):
        if not _STATIC_IMPORT.match(line):
            continue
        match = _NAMED_IMPORT.match(line.strip())
        assert match, (
            f'{path}:{number}: write imports as `import {{ a, b }} from "./file.js";` '
            f"on one line, got {line.strip()!r}"
        )
        names = []
        for part in filter(None, (p.strip() for p in match[1].split(","))):
            exported, _, local = part.partition(" as ")
            names.append((exported.strip(), (local or exported).strip()))
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), match[2]))
        found.append(Import(number, tuple(names), target))
    return found


def exports(path: str) -> set[str]:
    names = {m[2] for m in _DECLARED.finditer(text(path)) if m[1]}
    for listed in _EXPORT_LIST.finditer(text(path)):
        for part in filter(None, (p.strip() for p in listed[1].split(","))):
            names.add(part.partition(" as ")[2].strip() or part)
    return names


def top_level_names(path: str) -> list[str]:
    """Names declared at the top of the module: code is formatted, so at column 0."""
    return [m[2] for m in _DECLARED.finditer(text(path))]


def test_every_import_names_something_its_file_exports() -> None:
    problems = []
    for path in sources():
        for imp in imports(path):
            if not (STATIC / imp.target).is_file():
                problems.append(f"{path}:{imp.line}: {imp.target} does not exist")
                continue
            for exported, local in imp.names:
                if exported not in exports(imp.target):
                    problems.append(f"{path}:{imp.line}: {imp.target} does not export {exported}")
                if local != exported:
                    # The bundle drops the import line, so only the exported name exists.
                    problems.append(f"{path}:{imp.line}: `{exported} as {local}` breaks bundling")
    assert problems == []


@pytest.mark.parametrize("bundle", [name for name in BUNDLES if name.endswith("_js")])
def test_bundles_list_each_import_before_its_importer(bundle: str) -> None:
    files = list(BUNDLES[bundle])
    problems = []
    for position, path in enumerate(files):
        for imp in imports(path):
            if imp.target not in files:
                problems.append(f"{path} imports {imp.target}, which is not in the bundle")
            elif files.index(imp.target) > position:
                problems.append(f"{path} imports {imp.target}, which comes after it")
    assert problems == []


@pytest.mark.parametrize("bundle", [name for name in BUNDLES if name.endswith("_js")])
def test_top_level_names_are_unique_within_a_bundle(bundle: str) -> None:
    """One scope per bundle: a second `const x` is a SyntaxError, or shadows silently."""
    seen: dict[str, str] = {}
    clashes = []
    for path in BUNDLES[bundle]:
        for name in top_level_names(path):
            if name in seen:
                clashes.append(f"{name}: {seen[name]} and {path}")
            seen.setdefault(name, path)
    assert clashes == []


@pytest.mark.parametrize("bundle", [name for name in BUNDLES if name.endswith("_js")])
def test_bundling_leaves_no_static_import(bundle: str) -> None:
    for path in BUNDLES[bundle]:
        out = io.StringIO()
        ModuleConcat().input(io.StringIO(text(path)), out)
        assert not _STATIC_IMPORT.search(out.getvalue()), path


def test_every_source_is_in_a_bundle() -> None:
    """A file no bundle lists never reaches a browser: it is dead code."""
    bundled = {path for files in BUNDLES.values() for path in files}
    assert [path for path in sources() if path not in bundled | UNBUNDLED] == []


def test_sources_are_in_feature_folders_with_kebab_case_names() -> None:
    for path in sources():
        parts = path.split("/")
        assert len(parts) == 3 and parts[1] in FOLDERS, path
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*\.js", parts[2]), path


def test_only_the_store_touches_storage() -> None:
    """shared/store.js owns every key: nothing else reads or writes storage directly."""
    others = [path for path in sources() if path != "js/shared/store.js"]
    assert [p for p in others if re.search(r"localStorage|sessionStorage", text(p))] == []
