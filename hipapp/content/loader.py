"""Load a content folder into one checked, immutable ``Catalogue``.

Everything is loaded and cross-checked before anything is rendered or written, and every
problem is collected, so ``hipapp check`` can list them all at once. The fields of each
kind are declared in ``schema.py``; the readers in ``readers.py``, ``programs.py`` and
``site.py`` build the objects.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar, cast

from ..errors import ContentError, Problem, warn
from .cache import ParseCache, Parsed, signature
from .fields import At
from .frontmatter import COMMENTED, Document, parse_text
from .markdown import Rendered, render_all
from .media import check_logo, scan_media
from .model import Catalogue, Exercise
from .programs import read_program
from .readers import check_links, read_card, read_page, read_routine, routine_inputs
from .site import read_site
from .text import read_bytes, text_of
from .walk import content_files, shown

T = TypeVar("T")
# The messages that name another file; after that file failed to load, they are noise.
UNKNOWN = re.compile(r'^unknown (card|routine) "([^"]*)"')
Reader = Callable[[str, Document, At, Rendered], T]
# What besides its file an object is made from, as a key (None: it cannot be kept).
Inputs = Callable[[Document], str | None]
clock = time.time_ns  # the time a load starts, in nanoseconds


def load_catalogue(
    root: Path,
    *,
    strict: bool = False,
    cache: Path | None = None,
    digests: dict[str, str] | None = None,
) -> tuple[Catalogue, list[Problem]]:
    """Load and check ``root``; return the catalogue and its warnings, or raise ContentError.

    Each warning is also reported through :func:`hipapp.errors.warn`, so a caller that
    collects warnings from every stage (the CLI, the app) counts these too. With a
    ``cache`` folder, files whose bytes did not change since the last load are not parsed
    again (cache.py); everything is still checked. ``digests``, if given, gets the hash of
    every content file read (site.yaml too), by its shown path.
    """
    if not Path(root).is_dir():
        raise ContentError([Problem(str(root), 0, "", "content folder not found")])
    # Absolute once, here: Flask resolves a relative folder against the package, not the
    # working directory (`--content studio` made every image a 404). Links are kept.
    root = Path(os.path.abspath(root))
    loader = _Loader(root, ParseCache(cache, root))
    catalogue = loader.load()
    loader.cache.save()
    if digests is not None:
        digests.update(loader.cache.digests)
        site_yaml = root / "site.yaml"
        with contextlib.suppress(OSError):  # none, or unreadable: load() said so
            digests[loader.rel(site_yaml)] = hashlib.sha256(site_yaml.read_bytes()).hexdigest()
    problems = sorted(loader.problems)
    warnings = [p for p in problems if p.severity == "warning"]
    if strict and warnings or len(warnings) < len(problems):
        raise ContentError(problems)
    for warning in warnings:
        warn(warning)
    return catalogue, warnings


class _Loader:
    def __init__(self, root: Path, cache: ParseCache) -> None:
        self.root = root
        self.cache = cache
        self.now_ns = clock()  # when the files are read (cache.signature)
        self.problems: list[Problem] = []
        self.docs: dict[str, Document] = {}
        # Slugs of files that exist but could not be read: naming one is no second error.
        self.broken: dict[str, set[str]] = {}
        self.folder = scan_media(root, self.problems)
        self.media = list(self.folder.names)

    def rel(self, path: Path) -> str:
        return shown(path.relative_to(self.root.parent).as_posix())

    def at(self, doc: Document) -> At:
        return At(doc, self.problems)

    def load(self) -> Catalogue:
        site_yaml = self.root / "site.yaml"
        site = read_site(site_yaml, self.rel(site_yaml), self.problems, self.media)
        if site.logo:
            check_logo(self.root, site.logo, self.folder, self.problems)
        # Order matters: routines merge card dosages, programs name routines.
        # A card is made from its file and the names in media/ alone, a page from its file,
        # a routine from its file and the dosages of the cards it names: each is kept with
        # the file's parse. Programs read every routine.
        media = hashlib.sha256("\0".join(self.media).encode("utf-8", "surrogatepass")).hexdigest()
        card = partial(read_card, media=self.media)
        cards = {c.slug: c for c in self.each("exercises", card, kept_with=lambda _: media)}
        check_links(cards, self.card_at)
        routines = {
            r.slug: r
            for r in self.each(
                "routines",
                partial(read_routine, cards=cards),
                kept_with=partial(routine_inputs, cards=cards),
            )
        }
        programs = {
            p.slug: p for p in self.each("programs", partial(read_program, routines=routines))
        }
        pages = {p.slug: p for p in self.each("pages", read_page, "../media/", kept_with=_alone)}
        # Where the YAML said "# starts a comment", the field's own "required" or "is
        # empty" says the same, less precisely: keep the one with the fix.
        commented = {(p.path, p.line, p.field) for p in self.problems if COMMENTED in p.message}
        self.problems[:] = [
            p
            for p in self.problems
            if not self.cascades(p)
            and (COMMENTED in p.message or (p.path, p.line, p.field) not in commented)
        ]
        return Catalogue(self.root, site, cards, routines, programs, pages, tuple(self.media))

    def cascades(self, problem: Problem) -> bool:
        """Whether ``problem`` only repeats that a file reported above could not be read."""
        match = UNKNOWN.match(problem.message)
        return match is not None and match[2] in self.broken.get(f"{match[1]}s", set())

    def card_at(self, card: Exercise) -> At:
        return self.at(self.docs[card.source])

    def each(
        self,
        folder: str,
        read: Reader[T],
        media_prefix: str = "../../media/",
        *,
        kept_with: Inputs | None = None,
    ) -> list[T]:
        """Read a folder's files into objects; ``kept_with`` (what besides its file an
        object is made from) lets the parse cache keep the objects too."""
        seen: dict[str, str] = {}
        docs: list[tuple[str, Document, Parsed]] = []
        broken = self.broken.setdefault("cards" if folder == "exercises" else folder, set())
        for slug, path, rel, status in content_files(self.root, folder, self.problems, broken):
            if slug in seen:
                self.problems.append(
                    Problem(
                        rel, 0, "", f'duplicate slug "{slug}"; {seen[slug]} has the same file name'
                    )
                )
                continue
            seen[slug] = rel
            parsed = self.parse(path, rel, media_prefix, signature(status, self.now_ns))
            if parsed is None or parsed.doc is None:
                broken.add(slug)
                continue
            self.docs[rel] = parsed.doc
            docs.append((slug, parsed.doc, parsed))
        # Markdown is most of the loading time: render a folder's new bodies in one batch
        # (in parallel for a large library), then build the objects.
        fresh = [doc.body for _, doc, parsed in docs if parsed.rendered is None]
        rendered = iter(render_all(fresh, media_prefix))
        out = []
        for slug, doc, parsed in docs:
            body = parsed.rendered
            new = body is None
            if body is None:
                body = next(rendered)
                # Kept without its Markdown, which its HTML replaces: a third less to load.
                parsed = replace(parsed, doc=replace(doc, body=""), rendered=body)
            self.check_images(doc, body.images)
            key = kept_with(doc) if kept_with is not None else None
            if key is not None and parsed.made is not None and parsed.made[0] == key:
                self.problems.extend(parsed.made[2])  # what reading it found, every load
                out.append(cast(T, parsed.made[1]))
                continue
            before = len(self.problems)
            made = read(slug, doc, self.at(doc), body)
            if key is not None:
                parsed = replace(parsed, made=(key, made, tuple(self.problems[before:])))
                new = True
            if new:
                self.cache.put(doc.rel, media_prefix, parsed)
            out.append(made)
        return out

    def parse(
        self, path: str, rel: str, prefix: str, seen: tuple[int, ...] | None
    ) -> Parsed | None:
        """The file's parse, from the cache when its bytes are the same; None if unreadable.

        ``seen`` is the file's ``signature``: the same as last time, it is not read again.
        A parse without a rendered body is new: ``each`` renders it and keeps it.
        """
        kept = self.cache.unchanged(rel, prefix, seen)
        if kept is not None:
            self.problems.extend(kept.problems)
            return kept
        raw = read_bytes(Path(path), rel, self.problems)
        if raw is None:
            return None  # not kept: the next load tries to read it again
        digest, kept = self.cache.get(rel, prefix, raw)
        if kept is not None:
            self.problems.extend(kept.problems)
            if kept.seen != seen:  # the same bytes, touched or copied: keep its new status
                kept = replace(kept, seen=seen)
                self.cache.put(rel, prefix, kept)
            return kept
        problems: list[Problem] = []
        text = text_of(raw, rel, problems)
        doc = None if text is None else parse_text(text, rel, problems)
        self.problems.extend(problems)
        parsed = Parsed(digest, doc, None, tuple(problems), seen=seen)
        if doc is None:
            self.cache.put(rel, prefix, parsed)  # its problems are replayed next time
        return parsed

    def check_images(self, doc: Document, images: list[str]) -> None:
        for src in images:
            if src not in self.media:
                self.problems.append(
                    Problem(doc.rel, doc.body_line, "body", f'image "{src}" is not in media/')
                )


def _alone(doc: Document) -> str:
    """A page is made from its file alone."""
    return ""
