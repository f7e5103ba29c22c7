"""All article front matter as small domain objects, indexed for every listing and page.

Built once per build from the front matter and each body's lead (bodies are never held),
so its size is bounded by the number of articles, not by what they contain.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import NewsarchiveError, PageError
from ..frontmatter import loads
from ..model import Article
from ..originals import Original, beside_problem
from ..registry import Registries
from ..summary import summary_of
from .timeline import month_number


@dataclass(frozen=True, slots=True)
class Entry:
    """One published article: its front matter and where it lives in docs/ and on the site."""

    article: Article
    src_uri: str  # articles/2025/03/slug.md
    url: str  # articles/2025/03/slug/
    summary: str | None = None  # the stored standfirst, else the lead (summary.summary_of)
    original: str | None = None  # src_uri of its original beside it (originals.py), if any

    @property
    def date(self) -> dt.date:
        return self.article.date

    @property
    def added_day(self) -> int:
        """The day added, as an ordinal: a cheap sort key."""
        return self.article.added.toordinal()

    @property
    def changed(self) -> dt.date:
        """The last day the page changed: its last correction, else the day it was added."""
        return self.article.updated or self.article.added

    def sources(self) -> list[str]:
        """Publisher then agency: both get a source page."""
        names = [self.article.source, self.article.agency]
        return [name for name in dict.fromkeys(names) if name]


@dataclass
class Catalog:
    """Entries newest first, with indexes from each facet to entry positions (ascending)."""

    entries: list[Entry] = field(default_factory=list)
    people: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    topics: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    sources: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    years: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    months: dict[tuple[int, int], list[int]] = field(default_factory=lambda: defaultdict(list))
    position: dict[str, int] = field(default_factory=dict)
    # Per position: its place in the order of addition (newest first), and its last change
    # as a day number; lists, so feeds and listings look them up in C, not one by one.
    added_rank: list[int] = field(default_factory=list)
    changed_day: list[int] = field(default_factory=list)
    month_of: list[int] = field(default_factory=list)  # per position: timeline.month_number

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> Catalog:
        """Sort entries newest first and index them by person, topic, source, year and month."""
        catalog = cls(entries=sorted(entries, key=lambda e: (-e.date.toordinal(), e.src_uri)))
        for index, entry in enumerate(catalog.entries):
            article = entry.article
            catalog.position[entry.src_uri] = index
            for name in article.people:
                catalog.people[name].append(index)
            for slug in article.topics:
                catalog.topics[slug].append(index)
            for name in entry.sources():
                catalog.sources[name].append(index)
            catalog.years[article.date.year].append(index)
            catalog.months[(article.date.year, article.date.month)].append(index)
        ranked = sorted(range(len(catalog.entries)), key=lambda p: -catalog.entries[p].added_day)
        catalog.added_rank = [0] * len(ranked)
        for rank, position in enumerate(ranked):
            catalog.added_rank[position] = rank
        catalog.changed_day = [entry.changed.toordinal() for entry in catalog.entries]
        catalog.month_of = [month_number(entry.date) for entry in catalog.entries]
        return catalog

    def latest_added(self, size: int, positions: Iterable[int] | None = None) -> tuple[int, ...]:
        """Up to `size` positions, the most recently added first (newest publication on ties)."""
        chosen = range(len(self.entries)) if positions is None else positions
        return tuple(heapq.nsmallest(size, chosen, key=self.added_rank.__getitem__))

    def last_change(self, positions: Iterable[int]) -> dt.date | None:
        """The last day any of these entries changed (None for none)."""
        day = max(map(self.changed_day.__getitem__, positions), default=None)
        return dt.date.fromordinal(day) if day is not None else None

    def select(self, positions: list[int]) -> list[Entry]:
        """The entries at these positions, in the same order."""
        return [self.entries[i] for i in positions]

    def neighbours(self, entry: Entry) -> tuple[Entry | None, Entry | None]:
        """(older, newer) article by date."""
        index = self.position[entry.src_uri]
        older = self.entries[index + 1] if index + 1 < len(self.entries) else None
        newer = self.entries[index - 1] if index > 0 else None
        return older, newer

    def related(self, entry: Entry, size: int, window: int) -> list[Entry]:
        """Articles sharing the most people and topics with `entry`, newest first on ties.

        Each facet contributes at most `window` candidates nearest in date, so the work per
        article stays bounded however large a popular topic grows.
        """
        index = self.position[entry.src_uri]
        facets = [self.people[n] for n in entry.article.people]
        facets += [self.topics[s] for s in entry.article.topics]
        scores: Counter[int] = Counter()
        for positions in facets:
            centre = bisect.bisect_left(positions, index)
            start = max(0, centre - window // 2)
            scores.update(positions[start : start + window])
        scores.pop(index, None)
        # Newest first, then (a stable sort) most shared first: C-level keys, no lambda.
        best = sorted(sorted(scores), key=scores.__getitem__, reverse=True)[:size]
        return [self.entries[i] for i in best]


def read_entry(path: Path, src_uri: str, url: str) -> Entry:
    """Parse and validate one archive page's front matter into an Entry.

    A page that does not read is a bare PageError: what is wrong and where is validate's to
    say (website/archive.py asks it), so the site and a pull request's check agree.
    """
    try:
        data, body = loads(path.read_text(encoding="utf-8"))
        article = Article.model_validate(data)
    except (NewsarchiveError, ValidationError, UnicodeDecodeError, ValueError) as exc:
        # ValueError: YAML that looks like a date but is not one, 2025-13-40.
        raise PageError("front matter does not match the model", path) from exc
    return Entry(article, src_uri, url, summary_of(article, body))


def check_original(path: Path, entry: Entry | None) -> PageError | None:
    """Why an original cannot be shown beside its translation (`entry`), or None."""
    translation = entry.article.translation if entry else None
    said = beside_problem(path, entry is not None, translation.from_ if translation else None)
    if said is not None:
        return PageError(said, path)
    try:
        original = Original.model_validate(loads(path.read_text(encoding="utf-8"))[0])
    except (NewsarchiveError, ValidationError, UnicodeDecodeError, ValueError):
        return PageError("front matter does not match the original's model; run validate", path)
    if translation is not None and original.language != translation.from_:
        return PageError(f"language is not '{translation.from_}', the file name's; fix one", path)
    return None


def check_vocabulary(entry: Entry, path: Path, registries: Registries) -> list[PageError]:
    """Problems with people and topics that the registries do not know."""
    people_file = registries.data_dir / "people.yml"
    topics_file = registries.data_dir / "topics.yml"
    problems = [
        PageError(f"unknown person '{name}'; add them to {people_file} or fix the name", path)
        for name in entry.article.people
        if name not in registries.people
    ]
    problems += [
        PageError(f"unknown topic '{slug}'; use a slug from {topics_file}", path)
        for slug in entry.article.topics
        if slug not in registries.topics
    ]
    return problems
