"""Files written after the pages: Atom feeds and the sitemap's URL list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mkdocs.structure.files import Files

from .archive import Archive
from .feeds import atom, category, write_feed
from .pages import topic_label


def write_all_feeds(site_dir: Path, archive: Archive, base: str, author: str) -> int:
    """Every planned feed (the archive's, each person's, topic's and source's); how many."""
    catalog = archive.catalog
    categories = {s: category(s, topic_label(s, archive.registries)) for s in catalog.topics}
    for feed in archive.feeds:
        entries = (catalog.entries[p] for p in feed.entries)
        document = atom(
            feed.title, base + feed.path, base + feed.page, entries, base, categories, author
        )
        write_feed(site_dir / feed.path, document)
    return len(archive.feeds)


def sitemap_urls(files: Files, archive: Archive) -> Iterator[tuple[str, str | None]]:
    """(url, lastmod) of every page: an article's or a listing's last change, else none."""
    catalog = archive.catalog
    for file in files.documentation_pages():
        index = catalog.position.get(file.src_uri)
        listing = archive.listings.get(file.src_uri)
        if index is not None:
            changed = catalog.entries[index].changed
        else:
            changed = listing.changed if listing is not None else None
        yield file.url, changed.isoformat() if changed else None
