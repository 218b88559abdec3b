"""The JavaScript sources, read as text: imports, bundle order and top-level names.

ModuleConcat joins a bundle's modules into one scope and drops their relative imports, so
a wrong import, a module listed before the one it imports, or two modules declaring the
same top-level name would work or break only by the order of the bundle. These tests
catch that before a browser does.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
from dataclasses import dataclass
from functools import cache

import pytest
from babel.messages.extract import extract_javascript

from hipapp.paths import STATIC
from hipapp.web.bundler import ModuleConcat
from hipapp.web.bundles import BUNDLES

JS = STATIC / "js"
FOLDERS = {"player", "site", "history", "programs", "plans", "shared", "vendor"}
UNBUNDLED: set[str] = set()
# Other people's code, as released: named for its version, and not written to our rules.
VENDOR = re.compile(r"js/vendor/[a-z0-9]+(-[a-z0-9]+)*-[0-9]+(\.[0-9]+)*\.js")

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


def sources(vendored: bool = False) -> list[str]:
    """Every JS source as a bundle path ("js/player/timer.js"), vendored files if asked."""
    every = sorted(p.relative_to(STATIC).as_posix() for p in JS.rglob("*.js"))
    return [p for p in every if vendored or not VENDOR.fullmatch(p)]


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


def test_export_lists_never_rename() -> None:
    """`export { a as b }`: the bundle is one scope with only the local name `a` in it,
    so every importer of `b` fails when the bundle runs (the page's script is dead)."""
    renamed = [
        f"{path}: {part.strip()}"
        for path in sources()
        for listed in _EXPORT_LIST.finditer(text(path))
        for part in listed[1].split(",")
        if " as " in part
    ]
    assert renamed == []


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
    assert [path for path in sources(vendored=True) if path not in bundled | UNBUNDLED] == []


def test_sources_are_in_feature_folders_with_kebab_case_names() -> None:
    for path in sources(vendored=True):
        parts = path.split("/")
        assert len(parts) == 3 and parts[1] in FOLDERS, path
        if parts[1] == "vendor":
            assert VENDOR.fullmatch(path), f"{path}: name a vendored file name-1.2.3.js"
        else:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.js", parts[2]), path


def test_only_the_store_touches_storage() -> None:
    """shared/store.js owns every key and format: nothing else may read or write them."""
    others = [path for path in sources(vendored=True) if path != "js/shared/store.js"]
    assert [p for p in others if re.search(r"localStorage|sessionStorage", text(p))] == []


_TRANSLATED_CALL = re.compile(r"(?<![\w$.])(n?t)\(")
_LITERAL = r'"(?:[^"\\]|\\.)*"'


def test_user_text_goes_through_t_with_literal_msgids() -> None:
    """Babel's JavaScript extractor (keywords t and nt:1,2) reads only literal msgids, and
    a module that calls t() without importing it works only by the order of its bundle."""
    problems = []
    for path in sources():
        if path == "js/shared/i18n.js":
            continue
        calls = {m[1] for m in _TRANSLATED_CALL.finditer(text(path))}
        i18n = [imp for imp in imports(path) if imp.target == "js/shared/i18n.js"]
        names = {name for imp in i18n for name, _ in imp.names}
        if calls - names:
            problems.append(f"{path}: calls {sorted(calls - names)} without importing them")
        for m in re.finditer(r"(?<![\w$.])t\((?!\s*" + _LITERAL + ")", text(path)):
            problems.append(f"{path}: t() needs a literal msgid: {text(path)[m.start() :][:40]!r}")
        nt_literals = r"\s*" + _LITERAL + r"\s*,\s*" + _LITERAL
        for m in re.finditer(r"(?<![\w$.])nt\((?!" + nt_literals + ")", text(path)):
            problems.append(f"{path}: nt() needs literal msgids: {text(path)[m.start() :][:40]!r}")
        if "t" in names and re.search(r"[(,]\s*t\s*[,)]\s*(=>|\{)|(?<![\w$.])t\s*=>", text(path)):
            problems.append(f"{path}: a parameter named t hides the imported t()")
    assert problems == []


def _msgids_by_pattern(source: str) -> set[object]:
    code = re.sub(r"/\*[\s\S]*?\*/|^\s*//.*$", "", source, flags=re.M)
    found: set[object] = set()
    for m in re.finditer(r"(?<![\w$.])t\(\s*(" + _LITERAL + ")", code):
        found.add(json.loads(m[1]))
    for m in re.finditer(r"(?<![\w$.])nt\(\s*(" + _LITERAL + r")\s*,\s*(" + _LITERAL + ")", code):
        found.add((json.loads(m[1]), json.loads(m[2])))
    return found


def _msgids_by_babel(source: str) -> set[object]:
    found: set[object] = set()
    keywords = {"t": None, "nt": (1, 2)}
    for _, func, message, _ in extract_javascript(io.BytesIO(source.encode()), keywords, [], {}):
        if isinstance(message, tuple):
            parts = tuple(m for m in message if m is not None)
            found.add(parts[0] if func == "t" else parts[:2])
        else:
            found.add(message)
    return found


@pytest.mark.parametrize("path", [p for p in sources() if p != "js/shared/i18n.js"])
def test_the_catalogue_extractor_sees_every_msgid(path: str) -> None:
    """Babel's JavaScript lexer guesses where a regex starts; a wrong guess (a regex with a
    quote right after `return`) swallows every message after it, and the catalogue, its
    translations and `make messages` never hear of them."""
    assert _msgids_by_pattern(text(path)) - _msgids_by_babel(text(path)) == set()
