"""Listing pages and feeds as plain data, made from the catalog by one generator per facet.

Listings never contain article bodies, and every list is paginated, so no page grows with
the size of the archive. A Listing holds its Markdown head (heading, intro, pager: links point
at source files, so MkDocs checks and rewrites them), the catalog positions or index rows it
lists below the head (printed by the listing template: Python-Markdown's inline parsing costs
~0.1 ms per linked line), its feed, and the last day anything it shows changed. Being plain
data, a listing says exactly what it is made from: what an incremental build needs.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..registry import Languages, Registries
from ..slugs import slugify
from ..words import Words
from .catalog import Catalog, Entry
from .stories import Stories
from .timeline import Timeline, month_number

# Characters Python-Markdown treats as syntax; & < > become entities so they show as text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPACE = re.compile(r"\s+")


def escape_md(text: str) -> str:
    """Text that Markdown shows literally on one line: no links, emphasis or HTML."""
    text = _SPACE.sub(" ", text).strip()
    text = "".join(_ENTITIES.get(ch, ch) for ch in text)
    return _MD_SPECIAL.sub(r"\\\1", text)


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


@dataclass(frozen=True)
class IndexRow:
    """One line of an index page: a person, topic or source, its list and its size."""

    label: str
    base: str  # the list's folder, e.g. people/ada
    count: int


@dataclass(frozen=True)
class Listing:
    """A generated page: source path, Markdown head, what it lists, its feed, its last change."""

    uri: str
    head: str
    entries: tuple[int, ...] = ()  # catalog positions listed below the head, in order
    rows: tuple[IndexRow, ...] = ()  # an index page's lines
    feed: str | None = None  # site-relative path of the list's Atom feed
    changed: dt.date | None = None  # sitemap lastmod: the last change of anything shown
    timeline: Timeline | None = None  # articles per month, shown before the first section


@dataclass(frozen=True)
class Feed:
    """An Atom feed: a list's newest additions (positions), newest first."""

    path: str  # site-relative, e.g. people/ada/feed.xml
    title: str
    page: str  # site-relative URL of the list it follows, e.g. people/ada/
    entries: tuple[int, ...]


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
    return registries.topic_label(slug)


def entry_link(entry: Entry, url: str, words: Words) -> Link:
    """One list item: linked title; date and source as its note."""
    article = entry.article
    note = words.date(article.date)
    return Link(article.title, url, f"{note} · {article.source}" if article.source else note)


def version_link(entry: Entry, url: str, languages: Languages, words: Words) -> Link:
    """A version of a story: linked title; date, sources and the translation as its note."""
    article = entry.article
    note = [words.date(article.date), *entry.sources()]
    if article.translation is not None:
        note.append(words.translated(article.translation, languages))
    return Link(article.title, url, " · ".join(note))


def index_link(row: IndexRow, url: str, words: Words) -> Link:
    """One index item: the linked name and how many articles its list holds."""
    return Link(row.label, url, count_articles(row.count, words))


def entry_card(
    entry: Entry, from_uri: str, paths: Paths, registries: Registries, words: Words
) -> str:
    """A home-page block: title, dates and source, summary, people and topic chips."""
    article = entry.article
    lines = [f"### [{escape_md(article.title)}]({rel(entry.src_uri, from_uri)})", ""]
    meta = [words.date(article.date), *(escape_md(s) for s in entry.sources())]
    meta.append(escape_md(words.text("added_short", date=words.date(article.added))))
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


def pager(base: str, number: int, total: int, words: Words) -> str:
    """'Page 2 of 5 · Newer · Older' links between pages of one listing."""
    if total <= 1:
        return ""
    uri = page_uri(base, number)
    parts = [escape_md(words.text("page_of", number=number, total=total))]
    if number > 1:
        parts.append(f"[{escape_md(words.newer)}]({rel(page_uri(base, number - 1), uri)})")
    if number < total:
        parts.append(f"[{escape_md(words.older)}]({rel(page_uri(base, number + 1), uri)})")
    return " · ".join(parts)


def count_articles(n: int, words: Words) -> str:
    """'1 article', '12 articles', in the site's words."""
    return words.text("articles_one" if n == 1 else "articles_many", count=n)


def _count(n: int, words: Words) -> str:
    # A list's size and its order, which is newest first on every list of articles.
    return escape_md(f"{count_articles(n, words)} · {words.newest_first}")


def _last_change(catalog: Catalog, positions: Iterable[int]) -> dt.date | None:
    return catalog.last_change(positions)


def _pages(
    base: str,
    head: Callable[[str], str],
    positions: Sequence[int],
    size: int,
    feed: str | None,
    changed: dt.date | None,
    words: Words,
    timeline: Timeline | None = None,
) -> Iterator[Listing]:
    """`positions` in pages of `size`; each page is head(page uri) and a pager, then its items.

    Every page of a list carries the list's last change: one new article shifts them all.
    The first page shows the list's timeline.
    """
    total = max(1, -(-len(positions) // size))
    for number in range(1, total + 1):
        uri = page_uri(base, number)
        chunk = tuple(positions[(number - 1) * size : number * size])
        text = f"{head(uri)}\n\n{pager(base, number, total, words)}\n"
        shown = timeline if number == 1 else None
        yield Listing(uri, text, entries=chunk, feed=feed, changed=changed, timeline=shown)


def person_intro(name: str, count: int, registries: Registries, words: Words) -> str:
    """Heading of a person's page: name, role, description, aliases and article count."""
    person = registries.people.get(name)
    lines = [f"# {escape_md(name)}", ""]
    if person and person.role:
        lines += [f"*{escape_md(person.role)}*", ""]
    if person and person.description:
        lines += [escape_md(person.description), ""]
    if person and person.aliases:
        known = ", ".join(escape_md(a) for a in person.aliases)
        lines += [f"{escape_md(words.also_known_as)} {known}", ""]
    return "\n".join([*lines, _count(count, words)])


def topic_intro(slug: str, count: int, registries: Registries, words: Words) -> str:
    """Heading of a topic's page: label, description and article count."""
    topic = registries.topics.get(slug)
    lines = [f"# {escape_md(topic_label(slug, registries))}", ""]
    if topic:
        lines += [escape_md(topic.description), ""]
    return "\n".join([*lines, _count(count, words)])


def source_intro(name: str, count: int, registries: Registries, words: Words) -> str:
    """Heading of a source's page: name, publisher or agency, and article count."""
    source = registries.sources.get(name) or registries.source_named(name)
    lines = [f"# {escape_md(name)}", ""]
    if source:
        kind = words.news_agency if source.kind == "agency" else words.publisher
        lines += [f"*{escape_md(kind)}*", ""]
        if source.aliases:
            known = ", ".join(escape_md(a) for a in source.aliases)
            lines += [f"{escape_md(words.also_known_as)} {known}", ""]
    return "\n".join([*lines, _count(count, words)])


@dataclass(frozen=True)
class Facet:
    """One way to browse: people, topics or sources, each with its own list and feed."""

    index: dict[str, list[int]]  # name -> catalog positions, newest first
    bases: dict[str, str]  # name -> list folder
    base: str  # the index's folder: 'people'
    title: str  # 'People', in the site's words
    intro: Callable[[str, int, Registries, Words], str]
    label: Callable[[str], str]  # how a name reads on its index line and in its feed's title


def facets(catalog: Catalog, paths: Paths, registries: Registries, words: Words) -> list[Facet]:
    """People, topics and sources: every one gets a list, a feed and an index page."""
    return [
        Facet(catalog.people, paths.people, "people", words.people, person_intro, str),
        Facet(
            catalog.topics,
            paths.topics,
            "topics",
            words.topics,
            topic_intro,
            lambda slug: topic_label(slug, registries),
        ),
        Facet(catalog.sources, paths.sources, "sources", words.sources, source_intro, str),
    ]


def facet_listings(
    facet: Facet, catalog: Catalog, registries: Registries, size: int, words: Words
) -> Iterator[Listing]:
    """Each name's paginated list of articles, newest first, with its feed and timeline."""
    for name, positions in facet.index.items():
        base = facet.bases[name]
        text = facet.intro(name, len(positions), registries, words)
        changed = _last_change(catalog, positions)
        timeline = Timeline.of(facet.label(name), map(catalog.month_of.__getitem__, positions))
        feed = f"{base}/feed.xml"
        yield from _pages(
            base, lambda _uri, t=text: t, positions, size, feed, changed, words, timeline
        )


def index_listings(facet: Facet, catalog: Catalog, size: int, words: Words) -> Iterator[Listing]:
    """The facet's alphabetical index of names, paginated."""
    rows = [IndexRow(facet.label(n), facet.bases[n], len(p)) for n, p in facet.index.items()]
    rows.sort(key=lambda row: (row.label.casefold(), row.base))
    base = facet.base
    total = max(1, -(-len(rows) // size))
    changed = _last_change(catalog, range(len(catalog.entries)))
    title, count = escape_md(facet.title), escape_md(words.text("in_all", count=len(rows)))
    for number in range(1, total + 1):
        head = f"# {title}\n\n{count}\n\n{pager(base, number, total, words)}\n"
        chunk = tuple(rows[(number - 1) * size : number * size])
        yield Listing(page_uri(base, number), head, rows=chunk, changed=changed)


def _month(year: int, month: int, words: Words) -> str:
    name = words.text("month_year", month=words.months[month - 1], year=year)
    return escape_md(name[:1].upper() + name[1:])  # a heading, and a link among others


def archive_listings(catalog: Catalog, size: int, words: Words) -> Iterator[Listing]:
    """The date archive: its front page, then each year and each month, newest first inside."""
    uri = page_uri("archive", 1)
    lines = [f"# {escape_md(words.archive)}", ""]
    for year in sorted(catalog.years, reverse=True):
        year_link = rel(page_uri(f"archive/{year}", 1), uri)
        count = escape_md(count_articles(len(catalog.years[year]), words))
        lines += [f"## [{year}]({year_link})", "", count, ""]
        months = sorted(m for y, m in catalog.months if y == year)
        lines.append(
            " · ".join(
                f"[{escape_md(words.months[m - 1])}]"
                f"({rel(page_uri(f'archive/{year}/{m:02d}', 1), uri)})"
                f" ({len(catalog.months[(year, m)])})"
                for m in months
            )
        )
        lines.append("")
    everything = _last_change(catalog, range(len(catalog.entries)))
    yield Listing(uri, "\n".join(lines), changed=everything, timeline=archive_timeline(catalog))
    for year, positions in catalog.years.items():
        months = sorted(m for y, m in catalog.months if y == year)

        def year_head(page: str, year: int = year, months: list[int] = months) -> str:
            links = " · ".join(
                f"[{escape_md(words.months[m - 1])}]"
                f"({rel(page_uri(f'archive/{year}/{m:02d}', 1), page)})"
                for m in months
            )
            return f"# {year}\n\n{_count(len(catalog.years[year]), words)}\n\n{links}"

        changed = _last_change(catalog, positions)
        yield from _pages(f"archive/{year}", year_head, positions, size, None, changed, words)
    for (year, month), positions in catalog.months.items():
        text = f"# {_month(year, month, words)}\n\n{_count(len(positions), words)}"
        base = f"archive/{year}/{month:02d}"
        changed = _last_change(catalog, positions)
        yield from _pages(base, lambda _uri, t=text: t, positions, size, None, changed, words)


def archive_timeline(catalog: Catalog) -> Timeline | None:
    """The whole archive's articles per month, from the month index (no entry is visited)."""
    months = {month_number(dt.date(y, m, 1)): len(p) for (y, m), p in catalog.months.items()}
    if not months:
        return None
    start, end = min(months), max(months)
    counts = tuple(months.get(m, 0) for m in range(start, end + 1))
    return Timeline("The whole archive", start, counts)


def home_listing(
    catalog: Catalog, paths: Paths, registries: Registries, size: int, name: str, words: Words
) -> Listing:
    """The front page: totals, ways in, and the articles most recently added, as cards."""
    uri = "index.md"
    totals = " · ".join(
        [
            count_articles(len(catalog.entries), words),
            words.text("people_count", count=len(catalog.people)),
            words.text("topics_count", count=len(catalog.topics)),
            words.text("sources_count", count=len(catalog.sources)),
        ]
    )
    if catalog.entries:
        totals += f" · {catalog.entries[-1].date.year}–{catalog.entries[0].date.year}"
    ways = " · ".join(
        f"[{escape_md(label)}]({rel(target, uri)})"
        for label, target in [
            (words.by_date, "archive/index.md"),
            (words.people, "people/index.md"),
            (words.topics, "topics/index.md"),
            (words.sources, "sources/index.md"),
            (words.search, "search.md"),
        ]
    )
    latest = catalog.latest_added(size)
    cards = "\n".join(entry_card(catalog.entries[p], uri, paths, registries, words) for p in latest)
    head = (
        f"# {escape_md(name)}\n\n{escape_md(totals)}\n\n{escape_md(words.browse)} {ways}\n\n"
        f"## {escape_md(words.latest_additions)}\n\n{escape_md(words.newest_added_first)}; "
        f"[{escape_md(words.by_publication)}]({rel('archive/index.md', uri)}).\n\n{cards}"
    )
    changed = _last_change(catalog, latest)
    return Listing(uri, head, changed=changed, timeline=archive_timeline(catalog))


def story_listings(
    catalog: Catalog, stories: Stories, size: int, words: Words
) -> Iterator[Listing]:
    """Each story's page: its versions, the first published first."""
    for members, base in zip(stories.members, stories.bases, strict=True):
        first = catalog.entries[members[0]].article
        intro = escape_md(words.text("story_versions", count=len(members)))
        text = f"# {escape_md(first.title)}\n\n{intro}"
        changed = _last_change(catalog, members)
        yield from _pages(base, lambda _uri, t=text: t, members, size, None, changed, words)


def plan_listings(
    catalog: Catalog,
    paths: Paths,
    registries: Registries,
    page_size: int,
    index_size: int,
    words: Words,
    stories: Stories | None = None,
) -> list[Listing]:
    """Every generated listing page of the site except the home page."""
    listings: list[Listing] = []
    for facet in facets(catalog, paths, registries, words):
        listings += facet_listings(facet, catalog, registries, page_size, words)
        listings += index_listings(facet, catalog, index_size, words)
    listings += archive_listings(catalog, page_size, words)
    if stories is not None:
        listings += story_listings(catalog, stories, page_size, words)
    return listings


def plan_feeds(
    catalog: Catalog, paths: Paths, registries: Registries, size: int, title: str, words: Words
) -> list[Feed]:
    """The whole archive's feed and one per person, topic and source: the latest additions."""
    feeds = [Feed("feed.xml", title, "", catalog.latest_added(size))]
    for facet in facets(catalog, paths, registries, words):
        for name, positions in facet.index.items():
            base = facet.bases[name]
            entries = catalog.latest_added(size, positions)
            feeds.append(
                Feed(f"{base}/feed.xml", f"{facet.label(name)} · {title}", base + "/", entries)
            )
    return feeds
