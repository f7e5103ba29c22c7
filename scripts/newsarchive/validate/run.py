"""Check pages: each page on its own, then against the whole archive, then against git.

Only the pages being checked are parsed in full. The rest of the archive is read for
its bodies, file names and old addresses, which is all the duplicate index, the slug
check and the address check need, so checking the pages of one pull request stays fast
on a large archive. With --changed-since, pages that were already archived are also
compared with their version at the merge base (history.py), and pages that left their
address must leave a redirect (addresses.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import duplicates
from ..errors import NewsarchiveError, PageError
from ..frontmatter import loads, split
from ..originals import Original, beside_problem, is_original, parts, translation_path
from ..registry import Registries, load_registries
from . import damage, fields, safety
from .addresses import Addresses, address, claimed
from .blame import later_pages
from .changed import Changes, changes_since
from .history import check_history
from .problems import Problem, Report, Severity, shown
from .yamltraps import FrontMatter, parse_front_matter

ARCHIVE = Path("docs/articles")


@dataclass
class Page:
    """One checked page: its display path, front matter, body and the problems found so far."""

    path: Path
    shown: str
    body: str = ""
    body_line: int = 1
    front: FrontMatter | None = None
    slug: str | None = None
    slug_line: int = 1
    problems: list[Problem] = field(default_factory=list)

    def add(self, line: int, message: str, severity: Severity = "error") -> None:
        """Record a problem at a line of this page."""
        self.problems.append(Problem(self.shown, line, severity, message))

    def value(self, key: str) -> object:
        """A front-matter value as read (None when absent or unreadable)."""
        return self.front.data.get(key) if self.front and self.front.data else None


def _page_dir(path: Path, archive: Path) -> str:
    # Relative links resolve from the page's folder inside the archive; pages outside
    # the archive are treated as sitting at YYYY/MM/ like every archive page.
    try:
        return path.resolve().parent.relative_to(archive.resolve()).as_posix()
    except ValueError:
        return "/".join(path.resolve().parts[-3:-1])


def check_page(path: Path, registries: Registries, archive: Path = ARCHIVE) -> Page:
    """Every problem one page has on its own (front matter, safety, damage)."""
    page = Page(path=path, shown=shown(path))
    front = parse_front_matter(path.read_text(encoding="utf-8-sig"))
    page.body, page.body_line, page.front = front.body, front.body_line, front
    for line, message in front.errors:
        page.add(line, message)
    if front.data is not None and is_original(path):
        for line, message in [*fields.check_model(front, Original), *_beside(front, path)]:
            page.add(line, message)
        for location, message in safety.check_values(front.data):
            page.add(front.line_of(location), message)
    elif front.data is not None:
        for line, message in [
            *fields.check_model(front),
            *fields.check_registries(front, registries),
            *fields.check_path(front, path),
        ]:
            page.add(line, message)
        for line, message in [*fields.check_provisional(front), *fields.check_image(front)]:
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


def _beside(front: FrontMatter, path: Path) -> list[tuple[int, str]]:
    """An original against its file name and the article beside it (originals.py)."""
    found = parts(path.name)
    assert found is not None and front.data is not None
    language = front.data.get("language")
    if isinstance(language, str) and language != found[1]:
        message = f"language '{language}' is not the file name's '{found[1]}'; fix one of them"
        return [(front.line_of(("language",)), message)]
    article = translation_path(path)
    try:
        data = loads(article.read_text(encoding="utf-8-sig"))[0] if article.is_file() else None
    except (PageError, UnicodeDecodeError):
        data = None
    translation = data.get("translation") if data else None
    said = translation.get("from") if isinstance(translation, dict) else None
    problem = beside_problem(path, data is not None, said)
    return [(1, problem)] if problem else []


def _collect(paths: Sequence[Path]) -> list[Path]:
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(path.rglob("*.md"))
        elif path.is_file():
            found.add(path)
        else:
            raise NewsarchiveError("no such file or folder; give pages or folders of pages", path)
    return sorted(found)


def _in_scope(path: Path, paths: Sequence[Path]) -> bool:
    return not paths or any(path.is_relative_to(scope.resolve()) for scope in paths)


def _scan(path: Path) -> tuple[str, list[str]]:
    """An archive page's body and the old addresses it keeps (YAML parsed only if it has any)."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        yaml_text, body, _ = split(text)
        if "moved_from" not in yaml_text:
            return body, []
        data, body = loads(text)
    except PageError:
        return text, []
    return body, [old for _, old in claimed(data)]


def _added(path: Path) -> object:
    try:
        return loads(path.read_text(encoding="utf-8-sig"))[0].get("added")
    except PageError:
        return None


class _Archive:
    """The checked pages against every page of the archive, read once."""

    def __init__(self, pages: list[Page], archive: Path) -> None:
        self.checked = {page.path.resolve(): page for page in pages}
        # rglob under a resolved root yields resolved paths: no resolve() per page (slow at 20k).
        self.root = archive.resolve()
        # Originals are not articles: no duplicate, slug or address rule applies to them.
        found = self.root.rglob("*.md") if self.root.is_dir() else ()
        self.archived = {path for path in found if not is_original(path)}
        self.addresses = Addresses(self.root, shown)
        self.elsewhere: list[Problem] = []  # problems of pages that are not being checked

    def _claims(self, page: Page) -> list[str]:
        return [old for _, old in claimed(page.front.data if page.front else None)]

    def _bodies(self) -> Iterator[tuple[Path, str]]:
        # Yields every body for the duplicate check, noting each page's address on the way.
        for path in sorted(self.archived | self.checked.keys()):
            page = self.checked.get(path)
            body, claims = (page.body, self._claims(page)) if page else _scan(path)
            self.addresses.add(path, claims)
            yield path, body

    def _load(self, path: Path) -> str:
        return self.checked[path].body if path in self.checked else _scan(path)[0]

    def report(self, path: Path, message: str, severity: Severity = "error") -> None:
        """A problem on a page, checked or not (duplicates blame the later page)."""
        if path in self.checked:
            page = self.checked[path]
            page.add(page.body_line, message, severity)
        else:
            line = parse_front_matter(path.read_text(encoding="utf-8-sig")).body_line
            self.elsewhere.append(Problem(shown(path), line, severity, message))

    def check(self, changes: Changes | None) -> None:
        """Slug reuse, duplicates and old addresses: each checked page against the archive."""
        targets = {path: page.body for path, page in self.checked.items()}
        matches = duplicates.compare(targets, self._bodies(), self._load)
        self._check_slugs()
        new = {path for path in self.checked if changes and path not in changes.before}
        self._check_duplicates(matches, new)
        self._check_addresses()

    def _check_slugs(self) -> None:
        owners: dict[str, set[Path]] = defaultdict(set)
        for path in self.archived | self.checked.keys():
            page = self.checked.get(path)
            owners[page.slug or path.stem if page else path.stem].add(path)
        for key, page in self.checked.items():
            for other in sorted(owners[page.slug] - {key}) if page.slug else []:
                page.add(
                    page.slug_line,
                    f"slug '{page.slug}' is already used by {shown(other)}; "
                    "choose another slug and rename the file to match",
                )

    def _check_duplicates(
        self, matches: dict[Path, list[tuple[Path, float, bool]]], new: set[Path]
    ) -> None:
        pairs: dict[tuple[Path, Path], tuple[float, bool]] = {}
        for key, found in matches.items():
            for other, score, exact in found:
                pairs.setdefault((min(key, other), max(key, other)), (score, exact))
        if not pairs:
            return
        added = {
            path: self.checked[path].value("added") if path in self.checked else _added(path)
            for pair in pairs
            for path in pair
        }
        later = later_pages(pairs, added, shown, new)
        for pair, (score, exact) in sorted(pairs.items()):
            if not exact and self._declared(*pair):
                continue  # two versions of one story, as their pages say (same_story)
            copy = later[pair]
            first = pair[0] if copy == pair[1] else pair[1]
            original = shown(first)
            if exact:
                self.report(
                    copy,
                    f"same text as {original}; the article is already in the archive: "
                    "remove this page",
                )
            else:
                self.report(
                    copy,
                    f"near duplicate of {original} ({score:.0%} of word 3-grams shared); "
                    "if it is the same story, keep one page, or keep both as its versions "
                    f"with 'same_story: [{self.addresses.address_of(first)}]'",
                    "warning",
                )

    def _declared(self, one: Path, other: Path) -> bool:
        """Whether either page lists the other in same_story."""
        for page, target in ((one, other), (other, one)):
            address_there = self.addresses.address_of(target)
            if address_there is not None and address_there in self._stories(page):
                return True
        return False

    def _stories(self, path: Path) -> list[str]:
        if path in self.checked:
            values = self.checked[path].value("same_story")
        else:
            text = path.read_text(encoding="utf-8-sig")
            try:
                values = loads(text)[0].get("same_story") if "same_story" in text else None
            except PageError:
                values = None
        return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []

    def _check_addresses(self) -> None:
        for path, page in self.checked.items():
            if page.front is None or self.addresses.relative(path) is None:
                continue
            keeps = claimed(page.front.data)
            problems = self.addresses.claim_problems(path, [old for _, old in keeps])
            for index, message in problems:
                page.add(page.front.line_of(("moved_from", keeps[index][0])), message)
            for message in self.addresses.shadowing(path, self.checked):
                page.add(page.slug_line, message)
            for index, message in self.addresses.story_problems(path, page.value("same_story")):
                page.add(page.front.line_of(("same_story", index)), message)

    def check_gone(self, changes: Changes, paths: Sequence[Path]) -> None:
        """Pages the change moved or deleted must leave a redirect at their old address."""
        for old, renamed in sorted(changes.gone.items()):
            where = changes.top / old
            if is_original(where):
                continue  # an original has no address of its own
            relative = self.addresses.relative(where)
            if relative is None or not _in_scope(where, paths):
                continue
            message = self.addresses.gone(relative, renamed)
            if message is None:
                continue
            page = self.checked.get(renamed) if renamed else None
            if page is not None:
                page.add(page.slug_line, message)
            else:
                self.elsewhere.append(Problem(shown(where), 1, "error", message))


def _continue_deleted(changes: Changes, pages: list[Page], addresses: Addresses) -> None:
    """A new page that keeps a deleted page's address is that page moved (git saw no rename,
    the text changed too much), so its history is checked against the deleted page."""
    deleted: dict[str, str] = {}
    for old, renamed in changes.gone.items():
        relative = addresses.relative(changes.top / old)
        old_address = address(relative) if relative and renamed is None else None
        if old_address:
            deleted[old_address] = old
    for page in pages:
        keeps = claimed(page.front.data if page.front else None)
        found = [deleted[old] for _, old in keeps if old in deleted]
        if found and page.path.resolve() not in changes.before:
            changes.before[page.path.resolve()] = found[0]


def _check_history(page: Page, changes: Changes) -> None:
    if page.front is None or page.front.data is None:
        return
    old = changes.old_text(page.path.resolve())
    today = dt.date.today()
    for line, message in check_history(old, page.front, changes.ref, changes.base_day, today):
        page.add(line, message)


def validate_pages(
    paths: Sequence[Path] = (),
    *,
    archive: Path = ARCHIVE,
    changed_since: str | None = None,
    data_dir: Path | None = None,
) -> Report:
    """Check the given pages (default: the whole archive) and gather every problem."""
    registries = load_registries(data_dir)
    changes = changes_since(changed_since, archive) if changed_since is not None else None
    if changes is None:
        selected = _collect(paths or [archive])
    else:
        selected = [page for page in changes.pages if _in_scope(page, paths)]
    pages = [check_page(path, registries, archive) for path in selected]
    whole = _Archive([page for page in pages if not is_original(page.path)], archive)
    if changes is not None:
        _continue_deleted(changes, pages, whole.addresses)
    if pages or (changes and changes.gone):  # else there is nothing to compare
        whole.check(changes)
    if changes is not None:
        whole.check_gone(changes, paths)
        for page in pages:
            if page.path.resolve() in changes.before and not is_original(page.path):
                _check_history(page, changes)
    problems = [problem for page in pages for problem in page.problems]
    return Report(problems=problems + whole.elsewhere, files_checked=len(pages))
