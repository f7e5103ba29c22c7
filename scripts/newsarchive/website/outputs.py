"""Files written after the pages: Atom feeds and the sitemap's URL list."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from mkdocs.structure.files import Files

from .archive import Archive
from .feeds import atom, category, write_feed
from .pages import Feed, topic_label


def write_feeds(
    site_dir: Path, archive: Archive, feeds: Iterable[Feed], base: str, author: str
) -> int:
    """Write `feeds` (the archive's, a person's, a topic's, a source's); how many."""
    catalog = archive.catalog
    categories = {s: category(s, topic_label(s, archive.registries)) for s in catalog.topics}
    count = 0
    for feed in feeds:
        entries = (catalog.entries[p] for p in feed.entries)
        urls = (base + feed.path, base + feed.page)
        write_feed(site_dir / feed.path, atom(feed.title, *urls, entries, base, categories, author))
        count += 1
    return count


def sitemap_urls(files: Files, archive: Archive) -> Iterator[tuple[str, str | None]]:
    """(url, lastmod) of every page: an article's or a listing's last change, else none."""
    catalog = archive.catalog
    # By address, so the map does not depend on the order pages were added in.
    for file in sorted(files.documentation_pages(), key=lambda file: file.url):
        index = catalog.position.get(file.src_uri)
        listing = archive.listings.get(file.src_uri)
        if index is not None:
            changed = catalog.entries[index].changed
        else:
            changed = listing.changed if listing is not None else None
        yield file.url, changed.isoformat() if changed else None
