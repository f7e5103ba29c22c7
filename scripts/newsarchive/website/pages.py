"""Listing pages, built from the catalog (pure functions): Markdown heads, linked item lists.

Listings never contain article bodies, and every list is paginated, so no page grows with
the size of the archive. Headings, intros and pagers are Markdown whose links point at source
files (.md), so MkDocs checks and rewrites them. The items are small Links that the listing
template prints: Python-Markdown's inline parsing costs ~0.1 ms per linked line, about eight
lines per article over all listings, which was the largest cost of the site beyond the floor.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..registry import Registries
from ..slugs import slugify
from .catalog import Catalog, Entry

# Characters Python-Markdown treats as syntax; & < > become entities so they show as text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPACE = re.compile(r"\s+")
_LINE_START = re.compile(r"^(\s*)([0-9]+)\.")


def escape_md(text: str) -> str:
    """Text that Markdown shows literally on one line: no links, emphasis or HTML."""
    text = _SPACE.sub(" ", text).strip()
    text = "".join(_ENTITIES.get(ch, ch) for ch in text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def format_date(date: dt.date) -> str:
    """'15 March 2025'."""
    return f"{date.day} {date:%B %Y}"


def rel(target_uri: str, from_uri: str) -> str:
    """Relative link from one source file to another, as MkDocs resolves them."""
    return posixpath.relpath(target_uri, posixpath.dirname(from_uri) or ".")


def page_uri(base: str, number: int) -> str:
    """Source path of page `number` of a listing rooted at `base` (e.g. people/ada)."""
    return f"{base}/index.md" if number == 1 else f"{base}/page/{number}.md"


@dataclass(frozen=True)
class Link:
    """A label and a site-root-relative page URL (the template applies `| url`)."""

    label: str
    url: str
    note: str = ""


Row = TypeVar("Row")
# Maps a source path (articles/2025/03/slug.md) to its page URL (articles/2025/03/slug/).
UrlOf = Callable[[str], str]


@dataclass(frozen=True)
class Listing:
    """A generated page: its source path, its Markdown and items, made only when rendered."""

    uri: str
    render: Callable[[], str]
    feed: str | None = None  # site-relative path of the matching Atom feed
    items: Callable[[UrlOf], list[Link]] | None = None  # the list shown below the Markdown


class Paths:
    """Page locations of every person, topic and source, unique even when slugs collide."""

    def __init__(self, catalog: Catalog) -> None:
        self.people = _unique_bases("people", catalog.people)
        self.topics = _unique_bases("topics", catalog.topics)
        self.sources = _unique_bases("sources", catalog.sources)


def _unique_bases(prefix: str, names: Iterable[str]) -> dict[str, str]:
    bases: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names):
        slug = slugify(name) or "unnamed"
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        bases[name] = f"{prefix}/{candidate}"
    return bases


def topic_label(slug: str, registries: Registries) -> str:
    """The registry label of a topic, or its slug when unknown."""
    topic = registries.topics.get(slug)
    return topic.label if topic else slug


def entry_link(entry: Entry, url_of: UrlOf) -> Link:
    """One list item: linked title; date and source as its note."""
    article = entry.article
    note = format_date(article.date)
    return Link(
        article.title,
        url_of(entry.src_uri),
        f"{note} · {article.source}" if article.source else note,
    )


def entry_card(entry: Entry, from_uri: str, paths: Paths, registries: Registries) -> str:
    """A home-page block: title, date and source, summary, people and topic chips."""
    article = entry.article
    lines = [f"### [{escape_md(article.title)}]({rel(entry.src_uri, from_uri)})", ""]
    meta = [format_date(article.date), *(escape_md(s) for s in entry.sources())]
    lines += [" · ".join(meta), ""]
    if entry.summary:
        lines += [escape_md(entry.summary), ""]
    chips = [
        f"[{escape_md(n)}]({rel(page_uri(paths.people[n], 1), from_uri)}){{ .na-chip }}"
        for n in article.people
    ]
    chips += [
        f"[{escape_md(topic_label(s, registries))}]({rel(page_uri(paths.topics[s], 1), from_uri)})"
        "{ .na-chip .na-chip--topic }"
        for s in article.topics
    ]
    if chips:
        lines += [" ".join(chips), ""]
    return "\n".join(lines)


def pager(base: str, number: int, total: int) -> str:
    """'Page 2 of 5 · Newer · Older' links between pages of one listing."""
    if total <= 1:
        return ""
    uri = page_uri(base, number)
    parts = [f"Page {number} of {total}"]
    if number > 1:
        parts.append(f"[← Newer]({rel(page_uri(base, number - 1), uri)})")
    if number < total:
        parts.append(f"[Older →]({rel(page_uri(base, number + 1), uri)})")
    return " · ".join(parts)


def _paginated(
    base: str,
    rows: list[Row],
    size: int,
    head: Callable[[str], str],
    link: Callable[[Row, UrlOf], Link],
    feed: str | None,
) -> list[Listing]:
    """`rows` in pages of `size`; each page is head(page uri), a pager, then its items."""
    total = max(1, -(-len(rows) // size))

    def render(number: int) -> Callable[[], str]:
        return lambda: f"{head(page_uri(base, number))}\n\n{pager(base, number, total)}\n"

    def items(number: int) -> Callable[[UrlOf], list[Link]]:
        chunk = rows[(number - 1) * size : number * size]
        return lambda url_of: [link(row, url_of) for row in chunk]

    return [Listing(page_uri(base, n), render(n), feed, items(n)) for n in range(1, total + 1)]


def entry_pages(
    base: str,
    intro: Callable[[str], str],
    positions: list[int],
    catalog: Catalog,
    size: int,
    feed: str | None,
) -> list[Listing]:
    """A paginated list of articles in the order of `positions`; intro(page uri) heads each page."""

    def link(position: int, url_of: UrlOf) -> Link:
        return entry_link(catalog.entries[position], url_of)

    return _paginated(base, positions, size, intro, link, feed)


def _count(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def person_intro(name: str, count: int, registries: Registries) -> str:
    """Heading of a person's page: name, role, description, aliases and article count."""
    person = registries.people.get(name)
    lines = [f"# {escape_md(name)}", ""]
    if person and person.role:
        lines += [f"*{escape_md(person.role)}*", ""]
    if person and person.description:
        lines += [escape_md(person.description), ""]
    if person and person.aliases:
        lines += ["Also known as: " + ", ".join(escape_md(a) for a in person.aliases), ""]
    return "\n".join([*lines, _count(count)])


def topic_intro(slug: str, count: int, registries: Registries) -> str:
    """Heading of a topic's page: label, description and article count."""
    topic = registries.topics.get(slug)
    lines = [f"# {escape_md(topic_label(slug, registries))}", ""]
    if topic:
        lines += [escape_md(topic.description), ""]
    return "\n".join([*lines, _count(count)])


def source_intro(name: str, count: int, registries: Registries) -> str:
    """Heading of a source's page: name, publisher or agency, and article count."""
    source = registries.sources.get(name) or registries.source_named(name)
    lines = [f"# {escape_md(name)}", ""]
    if source:
        lines += [f"*{'News agency' if source.kind == 'agency' else 'Publisher'}*", ""]
        if source.aliases:
            lines += ["Also known as: " + ", ".join(escape_md(a) for a in source.aliases), ""]
    return "\n".join([*lines, _count(count)])


def index_pages(
    base: str, title: str, rows: list[tuple[str, str, int]], size: int
) -> list[Listing]:
    """An alphabetical, paginated index of (label, page base, article count) rows."""

    def link(row: tuple[str, str, int], url_of: UrlOf) -> Link:
        label, target, count = row
        return Link(label, url_of(page_uri(target, 1)), _count(count))

    return _paginated(base, rows, size, lambda _uri: f"# {title}\n\n{len(rows)} in all", link, None)


def archive_index(catalog: Catalog) -> str:
    """The date archive's front page: every year, and every month with its count."""
    uri = page_uri("archive", 1)
    lines = ["# Archive", ""]
    for year in sorted(catalog.years, reverse=True):
        year_link = rel(page_uri(f"archive/{year}", 1), uri)
        lines += [f"## [{year}]({year_link})", "", _count(len(catalog.years[year])), ""]
        months = sorted(m for y, m in catalog.months if y == year)
        lines.append(
            " · ".join(
                f"[{dt.date(year, m, 1):%B}]({rel(page_uri(f'archive/{year}/{m:02d}', 1), uri)})"
                f" ({len(catalog.months[(year, m)])})"
                for m in months
            )
        )
        lines.append("")
    return "\n".join(lines)


def home(catalog: Catalog, paths: Paths, registries: Registries, size: int, name: str) -> str:
    """The front page: totals, ways in, and the latest articles as cards."""
    uri = "index.md"
    totals = (
        f"{_count(len(catalog.entries))} · {len(catalog.people)} people · "
        f"{len(catalog.topics)} topics · {len(catalog.sources)} sources"
    )
    if catalog.entries:
        totals += f" · {catalog.entries[-1].date.year}–{catalog.entries[0].date.year}"
    ways = " · ".join(
        f"[{label}]({rel(target, uri)})"
        for label, target in [
            ("By date", "archive/index.md"),
            ("People", "people/index.md"),
            ("Topics", "topics/index.md"),
            ("Sources", "sources/index.md"),
            ("Search", "search.md"),
        ]
    )
    cards = "\n".join(entry_card(e, uri, paths, registries) for e in catalog.entries[:size])
    return f"# {escape_md(name)}\n\n{totals}\n\nBrowse: {ways}\n\n## Latest articles\n\n{cards}"


def plan_listings(
    catalog: Catalog, paths: Paths, registries: Registries, page_size: int, index_size: int
) -> list[Listing]:
    """Every generated listing page of the site except the home page."""
    listings: list[Listing] = []
    facets = [
        (catalog.people, paths.people, person_intro, True),
        (catalog.topics, paths.topics, topic_intro, True),
        (catalog.sources, paths.sources, source_intro, False),
    ]
    for index, bases, intro, has_feed in facets:
        for key, positions in index.items():
            base = bases[key]
            text = intro(key, len(positions), registries)
            listings += entry_pages(
                base,
                lambda _uri, text=text: text,
                positions,
                catalog,
                page_size,
                f"{base}/feed.xml" if has_feed else None,
            )
    people = [(n, paths.people[n], len(p)) for n, p in catalog.people.items()]
    topics = [
        (topic_label(s, registries), paths.topics[s], len(p)) for s, p in catalog.topics.items()
    ]
    sources = [(n, paths.sources[n], len(p)) for n, p in catalog.sources.items()]
    for base, title, rows in [
        ("people", "People", people),
        ("topics", "Topics", topics),
        ("sources", "Sources", sources),
    ]:
        rows.sort(key=lambda row: (row[0].casefold(), row[1]))
        listings += index_pages(base, title, rows, index_size)
    listings.append(Listing(page_uri("archive", 1), lambda: archive_index(catalog)))
    for year, positions in catalog.years.items():
        heading = f"# {year}\n\n{_count(len(positions))}\n\n"
        months = sorted(m for y, m in catalog.months if y == year)

        def year_intro(uri: str, heading: str = heading, year: int = year, months=months) -> str:
            return heading + " · ".join(
                f"[{dt.date(year, m, 1):%B}]({rel(page_uri(f'archive/{year}/{m:02d}', 1), uri)})"
                for m in months
            )

        listings += entry_pages(
            f"archive/{year}", year_intro, positions[::-1], catalog, page_size, None
        )
    for (year, month), positions in catalog.months.items():
        text = f"# {dt.date(year, month, 1):%B %Y}\n\n{_count(len(positions))}"
        base = f"archive/{year}/{month:02d}"
        listings += entry_pages(
            base, lambda _uri, text=text: text, positions[::-1], catalog, page_size, None
        )
    return listings
