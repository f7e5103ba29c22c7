"""Files written after the pages: Atom feeds and the sitemap's URL list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from mkdocs.structure.files import Files

from .archive import Archive
from .feeds import atom, write_feed
from .pages import topic_label


def write_all_feeds(site_dir: Path, archive: Archive, base: str, size: int, title: str) -> int:
    """The whole-archive feed plus one per topic and per person; returns how many."""
    catalog, paths = archive.catalog, archive.paths
    feeds = [("feed.xml", "", title, catalog.entries[:size])]
    for name, positions in catalog.people.items():
        page = paths.people[name]
        chosen = catalog.select(positions[:size])
        feeds.append((f"{page}/feed.xml", f"{page}/", f"{name} · {title}", chosen))
    for slug, positions in catalog.topics.items():
        page = paths.topics[slug]
        label = topic_label(slug, archive.registries)
        chosen = catalog.select(positions[:size])
        feeds.append((f"{page}/feed.xml", f"{page}/", f"{label} · {title}", chosen))
    for path, page, feed_title, entries in feeds:
        write_feed(site_dir / path, atom(feed_title, base + path, base + page, entries, base))
    return len(feeds)


def sitemap_urls(files: Files, archive: Archive) -> Iterator[tuple[str, str]]:
    """(url, lastmod) of every page: an article's own date, the build date for the rest."""
    today = dt.date.today().isoformat()
    for file in files.documentation_pages():
        index = archive.catalog.position.get(file.src_uri)
        lastmod = archive.catalog.entries[index].date.isoformat() if index is not None else today
        yield file.url, lastmod
