"""Atom feeds (RFC 4287): the whole archive's and each list's latest additions.

A subscriber wants what is new in the archive, so entries come in the order they were added,
an old story archived today included; `published` is the story's own date and `updated` the
page's last change (the day added, or its last correction).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .catalog import Entry

# Characters XML 1.0 forbids even when escaped; scraped text sometimes carries them.
_NOT_XML = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom(
    title: str,
    feed_url: str,
    page_url: str,
    entries: Iterable[Entry],
    base: str,
    categories: dict[str, str],
    author: str,
) -> str:
    """An Atom document; `base` is the absolute site URL that entry paths are joined to.

    An entry without a byline names no author: the feed's own author (the archive) stands
    for it, as RFC 4287 allows, rather than a made-up one.
    """
    items = list(entries)
    updated = max((entry.changed for entry in items), default=dt.date(1970, 1, 1))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{_text(title)}</title>",
        f"<id>{_text(feed_url)}</id>",
        f'<link rel="self" href={_attr(feed_url)}/>',
        f'<link rel="alternate" href={_attr(page_url)}/>',
        f"<updated>{_stamp(updated)}</updated>",
        f"<author><name>{_text(author)}</name></author>",
    ]
    for entry in items:
        article = entry.article
        link = base + entry.url
        parts += [
            f"<entry xml:lang={_attr(article.language)}>",
            f"<title>{_text(article.title)}</title>",
            f"<id>{_text(link)}</id>",
            f'<link rel="alternate" href={_attr(link)}/>',
            f"<published>{_stamp(article.date)}</published>",
            f"<updated>{_stamp(entry.changed)}</updated>",
        ]
        parts += [f"<author><name>{_text(name)}</name></author>" for name in article.byline]
        parts += [categories.get(slug) or category(slug, slug) for slug in article.topics]
        if entry.summary:
            parts.append(f"<summary>{_text(entry.summary)}</summary>")
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts) + "\n"


def category(slug: str, label: str) -> str:
    """A topic as an Atom category: the same element in every feed, so it is made once."""
    return f"<category term={_attr(slug)} label={_attr(label)}/>"


def write_feed(path: Path, document: str) -> None:
    """Write one feed file, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document, encoding="utf-8")
