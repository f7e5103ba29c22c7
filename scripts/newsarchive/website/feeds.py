"""Atom feeds (RFC 4287): the whole archive, and one per topic and per person."""

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


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom(title: str, feed_url: str, page_url: str, entries: Iterable[Entry], base: str) -> str:
    """An Atom document; `base` is the absolute site URL that entry paths are joined to."""
    items = list(entries)
    updated = _stamp(items[0].date) if items else "1970-01-01T00:00:00Z"
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{_text(title)}</title>",
        f"<id>{_text(feed_url)}</id>",
        f'<link rel="self" href={quoteattr(_NOT_XML.sub("", feed_url))}/>',
        f'<link rel="alternate" href={quoteattr(_NOT_XML.sub("", page_url))}/>',
        f"<updated>{updated}</updated>",
    ]
    for entry in items:
        article = entry.article
        link = base + entry.url
        parts += [
            "<entry>",
            f"<title>{_text(article.title)}</title>",
            f"<id>{_text(link)}</id>",
            f'<link rel="alternate" href={quoteattr(_NOT_XML.sub("", link))}/>',
            f"<published>{_stamp(article.date)}</published>",
            f"<updated>{_stamp(article.date)}</updated>",
        ]
        authors = article.byline or [article.source or article.agency or "unknown"]
        parts += [f"<author><name>{_text(name)}</name></author>" for name in authors]
        if entry.summary:
            parts.append(f"<summary>{_text(entry.summary)}</summary>")
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts) + "\n"


def write_feed(path: Path, document: str) -> None:
    """Write one feed file, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document, encoding="utf-8")
