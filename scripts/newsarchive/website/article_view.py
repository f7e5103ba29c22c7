"""What the article template shows around the body, computed from the catalog.

Values stay raw text here; the template escapes every one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from ..model import Article, Image, shown_image
from ..registry import Languages, Registries
from ..words import Words
from .catalog import Catalog, Entry
from .pages import Link, Paths, page_uri, topic_label, version_link
from .stories import Stories

# How a forge's edit address becomes the file's history: GitHub and Gitea '/edit/' or
# '/blob/', GitLab '/-/edit/' or '/-/blob/', all have '/commits/' beside them.
_HISTORY = re.compile(r"/(?:edit|blob)/")

# Versions of its story an article page names; a page's size must not grow with a story's.
VERSIONS_SHOWN = 10
# Words per minute of reading, and characters per word where words are not spaced.
_READING_SPEED = 220
_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my"})
_CHARS_PER_WORD = 2


def translation_method(article: Article, languages: Languages, words: Words) -> str | None:
    """'Machine-translated from French', or None for untranslated text."""
    translation = article.translation
    return None if translation is None else words.translated(translation, languages)


def translation_notice(article: Article, languages: Languages, words: Words) -> str | None:
    """'Machine-translated from French · not reviewed', or None for untranslated text."""
    translation = article.translation
    return None if translation is None else words.notice(translation, languages)


def reading_minutes(markdown: str, language: str) -> int:
    """Minutes a reader takes over the text, at least one."""
    count = len(markdown.split())
    if language in _UNSPACED:
        count = max(count, len(markdown) // _CHARS_PER_WORD)
    return max(1, round(count / _READING_SPEED))


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
    minutes: int  # reading time
    image: Image | None  # the lead image, when it has its credit: never shown without
    image_host: str  # where it loads from
    sources: list[Link]
    people: list[Link]
    topics: list[Link]
    related: list[Link]
    older: Link | None
    newer: Link | None
    versions: list[Link] = field(default_factory=list)  # the story's other versions
    story: Link | None = None  # the page listing all its versions


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:  # 'https://[broken': say the address as it is
        return url


def _to_link(entry: Entry | None, url_of: Callable[[str], str], words: Words) -> Link | None:
    if entry is None:
        return None
    return Link(entry.article.title, url_of(entry.src_uri), words.date(entry.date))


def _story(
    entry: Entry,
    catalog: Catalog,
    stories: Stories | None,
    languages: Languages,
    url_of: Callable[[str], str],
    words: Words,
) -> tuple[list[Link], Link | None]:
    """A few of the story's other versions, and its page, which lists them all."""
    position = catalog.position[entry.src_uri]
    story = stories.story_of(position) if stories else None
    if stories is None or story is None:
        return [], None
    members = (p for p in stories.members[story] if p != position)
    others = [catalog.entries[p] for p in islice(members, VERSIONS_SHOWN)]
    versions = [version_link(o, url_of(o.src_uri), languages, words) for o in others]
    count = len(stories.members[story])
    label = words.text("all_versions", count=count)
    return versions, Link(label, url_of(page_uri(stories.bases[story], 1)))


def article_view(
    entry: Entry,
    catalog: Catalog,
    paths: Paths,
    registries: Registries,
    url_of: Callable[[str], str],
    related: tuple[int, int],
    words: Words,
    edit_url: str | None = None,
    markdown: str = "",
    stories: Stories | None = None,
) -> ArticleView:
    """The view of one article; `url_of` gives a source path's page URL, related=(size, window);
    `markdown` is its body, for the reading time."""
    article = entry.article
    older, newer = catalog.neighbours(entry)
    versions, story_link = _story(entry, catalog, stories, registries.languages, url_of, words)
    original = (article.translation and article.translation.original_url) or article.url
    return ArticleView(
        article=article,
        date=words.date(article.date),
        added=words.date(article.added),
        corrections=[
            Notice(words.date(c.date), c.date.isoformat(), c.note)
            for c in reversed(article.corrections)
            if not c.minor
        ],
        edit_url=edit_url,
        history_url=history_url(edit_url),
        language=words.language_name(article.language, registries.languages),
        notice=translation_notice(article, registries.languages, words),
        original_url=original,
        minutes=reading_minutes(markdown, article.language),
        image=shown_image(article),
        image_host=_host(article.image.url) if article.image else "",
        sources=[Link(n, url_of(page_uri(paths.sources[n], 1))) for n in entry.sources()],
        people=[Link(n, url_of(page_uri(paths.people[n], 1))) for n in article.people],
        topics=[
            Link(topic_label(s, registries), url_of(page_uri(paths.topics[s], 1)))
            for s in article.topics
        ],
        related=[_to_link(e, url_of, words) for e in catalog.related(entry, *related)],  # type: ignore[misc]
        older=_to_link(older, url_of, words),
        newer=_to_link(newer, url_of, words),
        versions=versions,
        story=story_link,
    )
