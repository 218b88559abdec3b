"""Load a content folder into one checked, immutable ``Catalogue``.

Everything is loaded and cross-checked before anything is rendered or written, and every
problem is collected, so ``hipapp check`` can list them all at once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ContentError, Problem
from .checks import check_progression
from .dosages import read_dosage, read_progression
from .fields import SLUG, Fields, closest
from .frontmatter import Document, parse, parse_yaml, read_text
from .markdown import Rendered, render_all
from .model import (
    Catalogue,
    Dosage,
    Exercise,
    ExerciseStep,
    Page,
    Program,
    Progression,
    RestStep,
    Routine,
    Site,
    Step,
)

EXERCISE_KEYS = (
    *("title", "summary", "hold", "reps", "tempo", "sides", "sets", "rest", "targets"),
    *("equipment", "pain_limit", "easier", "harder", "image", "image_alt", "cue"),
)
OVERRIDE_KEYS = ("hold", "reps", "tempo", "sets", "rest", "sides")
ROUTINE_KEYS = ("title", "summary", "steps")
PROGRAM_KEYS = ("title", "summary", "days", "repeat", "progression", "rest_routine")
PAGE_KEYS = ("title", "summary")
SITE_KEYS = tuple(Site.__dataclass_fields__)
# Page slugs become top-level URLs, so they must not shadow the app's own sections.
RESERVED = {"exercises", "routines", "programs", "media", "static", "history", "offline"}


def load_catalogue(root: Path, *, strict: bool = False) -> tuple[Catalogue, list[Problem]]:
    """Load and check ``root``; return the catalogue and its warnings, or raise ContentError."""
    root = Path(root)
    if not root.is_dir():
        raise ContentError([Problem(str(root), 0, "", "content folder not found")])
    loader = _Loader(root)
    catalogue = loader.load()
    if any(p.severity == "error" or strict for p in loader.problems):
        raise ContentError(loader.problems)
    return catalogue, sorted(loader.problems)


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.docs: dict[str, Document] = {}
        self.rendered: dict[str, Rendered] = {}
        self.exercises: dict[str, Exercise] = {}
        self.routines: dict[str, Routine] = {}
        media = root / "media"
        self.media = (
            sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())
            if media.is_dir()
            else []
        )

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root.parent).as_posix()

    def load(self) -> Catalogue:
        site = self.site()
        # Order matters: routines merge card dosages, programs name routines.
        exercises = self.exercises = {e.slug: e for e in self.each("exercises", self.exercise)}
        self.check_links(exercises)
        routines = self.routines = {r.slug: r for r in self.each("routines", self.routine)}
        programs = {p.slug: p for p in self.each("programs", self.program)}
        pages = {p.slug: p for p in self.each("pages", self.page, "../media/")}
        if site.logo and site.logo not in self.media:
            self.problems.append(
                Problem(
                    self.rel(self.root / "site.yaml"), 1, "logo", f'no file "{site.logo}" in media/'
                )
            )
        return Catalogue(self.root, site, exercises, routines, programs, pages, tuple(self.media))

    def each(self, folder: str, build: Any, media_prefix: str = "../../media/") -> list[Any]:
        base = self.root / folder
        seen: dict[str, str] = {}
        docs: list[tuple[str, Document]] = []
        for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
            rel = self.rel(path)
            slug = path.stem
            if not SLUG.match(slug):
                self.problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        "file name must be lowercase letters, "
                        "digits and hyphens, like glute-bridge.md",
                    )
                )
                continue
            if slug in seen:
                self.problems.append(
                    Problem(
                        rel, 0, "", f'duplicate slug "{slug}"; {seen[slug]} has the same file name'
                    )
                )
                continue
            seen[slug] = rel
            doc = parse(path, rel, self.problems)
            if doc is not None:
                self.docs[rel] = doc
                docs.append((slug, doc))
        # Markdown is most of the loading time: render a folder's bodies in one batch
        # (in parallel for a large library), then build the objects.
        rendered = render_all([doc.body for _, doc in docs], media_prefix)
        self.rendered.update((doc.rel, r) for (_, doc), r in zip(docs, rendered, strict=True))
        return [build(slug, doc) for slug, doc in docs]

    def render(self, doc: Document) -> Rendered:
        """The body of ``doc``, rendered by the batch in ``each``."""
        return self.rendered.pop(doc.rel)

    def site(self) -> Site:
        path = self.root / "site.yaml"
        if not path.is_file():
            return Site()
        rel = self.rel(path)
        text = read_text(path, rel, self.problems)
        data, lines = parse_yaml(text or "", rel, self.problems)
        if data is None:
            return Site()
        f = Fields(Document(rel, data, lines), self.problems, data)
        f.unknown(SITE_KEYS)
        values = {k: f.text(k, default=getattr(Site(), k) or "") for k in SITE_KEYS}
        return replace(
            Site(**{k: v for k, v in values.items() if k != "logo"}), logo=values["logo"] or None
        )

    def exercise(self, slug: str, doc: Document) -> Exercise:
        f = Fields(doc, self.problems, doc.data)
        f.unknown(EXERCISE_KEYS)
        title = f.text("title", required=True, default=slug)
        dosage = read_dosage(f, Dosage(), card=True)
        rendered = self.render(doc)
        self.check_images(doc, rendered.images)
        image = f.text("image") or None
        if image and image not in self.media:
            f.report("image", f'no file "{image}" in media/{closest(image, self.media)}')
            image = None
        return Exercise(
            slug=slug,
            title=title,
            dosage=dosage,
            body_html=rendered.html,
            summary=f.text("summary"),
            cue=f.text("cue") or rendered.first_cue,
            targets=f.strings("targets"),
            equipment=f.strings("equipment"),
            pain_limit=f.integer("pain_limit", default=2, low=0, high=10),
            easier=f.slug("easier"),
            harder=f.slug("harder"),
            image=image,
            image_alt=f.text("image_alt"),
            source=doc.rel,
        )

    def routine(self, slug: str, doc: Document) -> Routine:
        f = Fields(doc, self.problems, doc.data)
        f.unknown(ROUTINE_KEYS)
        title = f.text("title", required=True, default=slug)
        raw = doc.data.get("steps")
        steps: list[Step] = []
        if not isinstance(raw, list) or not raw:
            f.report("steps", "a routine needs a list of steps, like '- glute-bridge'")
            raw = []
        for index, item in enumerate(raw):
            step = self.step(Fields(doc, self.problems, {}, ("steps", index)), item)
            if step is not None:
                steps.append(step)
        body = self.render(doc)
        self.check_images(doc, body.images)
        return Routine(slug, title, tuple(steps), body.html, f.text("summary"), doc.rel)

    def step(self, f: Fields, item: object) -> Step | None:
        if isinstance(item, str):
            item = {"exercise": item}
        if not isinstance(item, dict) or not ({"exercise", "rest"} & item.keys()):
            f.report(None, "expected a card slug, 'exercise: slug' with overrides, or 'rest: 30s'")
            return None
        f.data = item
        if "rest" in item and "exercise" not in item:
            f.unknown(("rest",), "error")
            seconds = f.duration("rest")
            return RestStep(seconds) if seconds else None
        f.unknown(("exercise", *OVERRIDE_KEYS))
        slug = f.slug("exercise")
        if slug is None:
            return None
        card = self.exercises.get(slug)
        if card is None:
            f.report(
                "exercise" if f.has("exercise") and len(item) > 1 else None,
                f'unknown card "{slug}"{closest(slug, self.exercises)}',
            )
            return None
        return ExerciseStep(slug, read_dosage(f, card.dosage, card=False))

    def program(self, slug: str, doc: Document) -> Program:
        f = Fields(doc, self.problems, doc.data)
        f.unknown(PROGRAM_KEYS)
        title = f.text("title", required=True, default=slug)
        days: list[str | None] = []
        raw = doc.data.get("days")
        if not isinstance(raw, list) or not raw:
            f.report("days", "a program needs a list of days, like [daily-hips, rest]")
            raw = []
        for index, day in enumerate(raw):
            at = Fields(doc, self.problems, {}, ("days", index))
            if day == "rest":
                days.append(None)
            elif not isinstance(day, str) or not SLUG.match(day):
                at.report(None, "expected a routine slug or rest")
            elif day not in self.routines:
                at.report(None, f'unknown routine "{day}"{closest(day, self.routines)}')
            else:
                days.append(day)
        progression: list[tuple[int, Progression]] = []
        raw_prog = doc.data.get("progression") or []
        if not isinstance(raw_prog, list):
            f.report("progression", "expected a list of '- from_week: 3' entries")
            raw_prog = []
        for index, entry in enumerate(raw_prog):
            at = Fields(doc, self.problems, {}, ("progression", index))
            change = read_progression(at, entry)
            if change:
                progression.append((index, change))
        body = self.render(doc)
        self.check_images(doc, body.images)
        rest_routine = f.slug("rest_routine")
        if rest_routine and rest_routine not in self.routines:
            hint = closest(rest_routine, self.routines)
            f.report("rest_routine", f'unknown routine "{rest_routine}"{hint}')
        program = Program(
            slug,
            title,
            tuple(days),
            f.integer("repeat", default=1, low=1, high=52),
            tuple(p for _, p in progression),
            rest_routine,
            body.html,
            f.text("summary"),
            doc.rel,
        )
        if days:
            check_progression(program, progression, self.routines, doc, self.problems)
        return program

    def page(self, slug: str, doc: Document) -> Page:
        f = Fields(doc, self.problems, doc.data)
        f.unknown(PAGE_KEYS)
        if slug in RESERVED:
            f.report(None, f'"{slug}" is a reserved address; rename the file')
        body = self.render(doc)
        self.check_images(doc, body.images)
        return Page(
            slug,
            f.text("title", required=True, default=slug),
            body.html,
            f.text("summary"),
            doc.rel,
        )

    def check_images(self, doc: Document, images: list[str]) -> None:
        for src in images:
            if src not in self.media:
                self.problems.append(
                    Problem(doc.rel, doc.body_line, "body", f'image "{src}" is not in media/')
                )

    def check_links(self, exercises: dict[str, Exercise]) -> None:
        """easier/harder may point at any card, so check them once all cards are in."""
        for card in exercises.values():
            f = Fields(self.docs[card.source], self.problems, {})
            for field in ("easier", "harder"):
                target = getattr(card, field)
                if target == card.slug:
                    f.report(field, "points to the card itself")
                elif target and target not in exercises:
                    f.report(field, f'unknown card "{target}"{closest(target, exercises)}')
