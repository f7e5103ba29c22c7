"""What the article template shows around the body, computed from the catalog.

Values stay raw text here; the template escapes every one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice

from ..model import Article
from ..notices import translation_notice
from ..registry import Registries
from .catalog import Catalog, Entry
from .pages import Link, Paths, format_date, page_uri, topic_label, version_link
from .stories import Stories

# How a forge's edit address becomes the file's history: GitHub and Gitea '/edit/' or
# '/blob/', GitLab '/-/edit/' or '/-/blob/', all have '/commits/' beside them.
_HISTORY = re.compile(r"/(?:edit|blob)/")

# Versions of its story an article page names; a page's size must not grow with a story's.
VERSIONS_SHOWN = 10


def history_url(edit_url: str | None) -> str | None:
    """The page file's history in the repository, from its edit address, or None."""
    if not edit_url or not _HISTORY.search(edit_url):
        return None
    return _HISTORY.sub("/commits/", edit_url, count=1)


@dataclass(frozen=True)
class Notice:
    """One correction as readers see it."""

    date: str
    iso: str
    note: str


@dataclass(frozen=True)
class ArticleView:
    """Everything around an article's body: header facts, chips, related, neighbours."""

    article: Article
    date: str
    added: str
    corrections: list[Notice]  # newest first; minor ones are not shown
    edit_url: str | None
    history_url: str | None
    language: str
    notice: str | None
    original_url: str | None
    sources: list[Link]
    people: list[Link]
    topics: list[Link]
    related: list[Link]
    older: Link | None
    newer: Link | None
    versions: list[Link] = field(default_factory=list)  # the story's other versions
    story: Link | None = None  # the page listing all its versions


def _to_link(entry: Entry | None, url_of: Callable[[str], str]) -> Link | None:
    if entry is None:
        return None
    return Link(entry.article.title, url_of(entry.src_uri), format_date(entry.date))


def article_view(
    entry: Entry,
    catalog: Catalog,
    paths: Paths,
    registries: Registries,
    url_of: Callable[[str], str],
    related: tuple[int, int],
    edit_url: str | None = None,
    stories: Stories | None = None,
) -> ArticleView:
    """The view of one article; `url_of` gives a source path's page URL, related=(size, window)."""
    article = entry.article
    older, newer = catalog.neighbours(entry)
    position = catalog.position[entry.src_uri]
    story = stories.story_of(position) if stories else None
    versions: list[Link] = []
    story_link = None
    if stories is not None and story is not None:
        # A few named here; the story's own page lists them all.
        members = (p for p in stories.members[story] if p != position)
        others = [catalog.entries[p] for p in islice(members, VERSIONS_SHOWN)]
        languages = registries.languages
        versions = [version_link(o, url_of(o.src_uri), languages) for o in others]
        count = len(stories.members[story])
        story_link = Link(f"All {count} versions", url_of(page_uri(stories.bases[story], 1)))
    original = (article.translation and article.translation.original_url) or article.url
    return ArticleView(
        article=article,
        date=format_date(article.date),
        added=format_date(article.added),
        corrections=[
            Notice(format_date(c.date), c.date.isoformat(), c.note)
            for c in reversed(article.corrections)
            if not c.minor
        ],
        edit_url=edit_url,
        history_url=history_url(edit_url),
        language=registries.languages.name_of(article.language),
        notice=translation_notice(article, registries.languages),
        original_url=original,
        sources=[Link(n, url_of(page_uri(paths.sources[n], 1))) for n in entry.sources()],
        people=[Link(n, url_of(page_uri(paths.people[n], 1))) for n in article.people],
        topics=[
            Link(topic_label(s, registries), url_of(page_uri(paths.topics[s], 1)))
            for s in article.topics
        ],
        related=[_to_link(e, url_of) for e in catalog.related(entry, *related)],  # type: ignore[misc]
        older=_to_link(older, url_of),
        newer=_to_link(newer, url_of),
        versions=versions,
        story=story_link,
    )
