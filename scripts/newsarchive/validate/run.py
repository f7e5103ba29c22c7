"""Check pages: each page on its own, then against the whole archive (slugs, duplicates).

Only the pages being checked are parsed in full. The rest of the archive is read for
its bodies and file names, which is all the duplicate index and the slug check need,
so checking the pages of one pull request stays fast on a large archive.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import duplicates
from ..errors import NewsarchiveError, PageError
from ..frontmatter import split
from ..registry import DATA_DIR, Registries, load_registries
from . import damage, fields, safety
from .changed import changed_pages
from .problems import Problem, Report, Severity
from .yamltraps import parse_front_matter

ARCHIVE = Path("docs/articles")
# Up to this many checked pages (a pull request), each is compared with every archive
# page in full; more (the whole archive) go through the sampled index instead.
FEW = 20


@dataclass
class Page:
    """One checked page: its display path, body and the problems found so far."""

    path: Path
    shown: str
    body: str = ""
    body_line: int = 1
    slug: str | None = None
    slug_line: int = 1
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int, message: str, severity: Severity = "error") -> None:
        """Record a problem at a line of this page."""
        self.problems.append(Problem(self.shown, line, severity, message))


def _shown(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _page_dir(path: Path, archive: Path) -> str:
    # Relative links resolve from the page's folder inside the archive; pages outside
    # the archive are treated as sitting at YYYY/MM/ like every archive page.
    try:
        return path.resolve().parent.relative_to(archive.resolve()).as_posix()
    except ValueError:
        return "/".join(path.resolve().parts[-3:-1])


def check_page(path: Path, registries: Registries, archive: Path = ARCHIVE) -> Page:
    """Every problem one page has on its own (front matter, safety, damage)."""
    page = Page(path=path, shown=_shown(path))
    front = parse_front_matter(path.read_text(encoding="utf-8-sig"))
    page.body, page.body_line = front.body, front.body_line
    for line, message in front.errors:
        page.add(line, message)
    if front.data is not None:
        for line, message in [
            *fields.check_model(front),
            *fields.check_registries(front, registries),
            *fields.check_path(front, path),
        ]:
            page.add(line, message)
        for line, message in fields.check_provisional(front):
            page.add(line, message, "warning")
        for location, message in safety.check_values(front.data):
            page.add(front.line_of(location), message)
        wanted = fields.expected_path(front.data)
        if wanted is not None:
            page.slug, page.slug_line = wanted[0], front.line_of(("slug",))
    for line, message in safety.check_body(page.body, page.body_line, _page_dir(path, archive)):
        page.add(line, message)
    for line, message in damage.check_damage(page.body, page.body_line, registries.furniture):
        page.add(line, message, "warning")
    return page


def _collect(paths: Iterable[Path]) -> list[Path]:
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(path.rglob("*.md"))
        elif path.is_file():
            found.add(path)
        else:
            raise NewsarchiveError("no such file or folder; give pages or folders of pages", path)
    return sorted(found)


def _select(paths: Sequence[Path], archive: Path, changed_since: str | None) -> list[Path]:
    if changed_since is None:
        return _collect(paths or [archive])
    changed = changed_pages(changed_since, archive)
    if not paths:
        return changed
    scopes = [path.resolve() for path in paths]
    return [page for page in changed if any(page.is_relative_to(scope) for scope in scopes)]


def _read_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8-sig")
    try:
        return split(text)[1]
    except PageError:
        return text


def _check_archive(pages: list[Page], archive: Path) -> None:
    """Slug reuse and duplicates: each checked page against every other archive page."""
    checked = {page.path.resolve(): page for page in pages}
    # rglob under a resolved root yields resolved paths: no resolve() per page (slow at 20k).
    root = archive.resolve()
    archived = set(root.rglob("*.md")) if root.is_dir() else set()
    owners: dict[str, set[Path]] = defaultdict(set)
    for path in archived | checked.keys():
        page = checked.get(path)
        owners[page.slug or path.stem if page else path.stem].add(path)

    def load(path: Path) -> str:
        return checked[path].body if path in checked else _read_body(path)

    everything = ((path, load(path)) for path in sorted(archived | checked.keys()))
    targets = {path: page.body for path, page in checked.items()}
    if len(targets) <= FEW:
        matches = duplicates.compare_few(targets, everything)
    else:
        matches = duplicates.compare_all(targets, everything, load)

    def reported_here(key: Path, other: Path) -> bool:
        # A pair of checked pages is reported once, on the later path.
        return other not in checked or checked[other].shown < checked[key].shown

    for key, page in checked.items():
        for other in sorted(owners[page.slug] - {key}) if page.slug else []:
            page.add(
                page.slug_line,
                f"slug '{page.slug}' is already used by {_shown(other)}; "
                "choose another slug and rename the file to match",
            )
        for other, score, exact in matches.get(key, []):
            if not reported_here(key, other):
                continue
            if exact:
                page.add(
                    page.body_line,
                    f"same text as {_shown(other)}; the article is already in the archive: "
                    "remove this page",
                )
            else:
                page.add(
                    page.body_line,
                    f"near duplicate of {_shown(other)} ({score:.0%} of word 3-grams shared); "
                    "if it is the same story, keep one page",
                    "warning",
                )


def validate_pages(
    paths: Sequence[Path] = (),
    *,
    archive: Path = ARCHIVE,
    changed_since: str | None = None,
    data_dir: Path = DATA_DIR,
) -> Report:
    """Check the given pages (default: the whole archive) and gather every problem."""
    registries = load_registries(data_dir)
    pages = [
        check_page(path, registries, archive) for path in _select(paths, archive, changed_since)
    ]
    _check_archive(pages, archive)
    return Report(
        problems=[problem for page in pages for problem in page.problems], files_checked=len(pages)
    )
