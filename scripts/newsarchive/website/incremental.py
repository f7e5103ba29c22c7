"""What a change to some articles touches: the pages and feeds whose content it alters.

Compares the archive before and after (both plain data: catalog, listings, feeds), so the
answer is exact rather than guessed from paths: an article page shows its neighbours by
date and its related articles, a listing shows its head and entries, a feed its entries,
and each shows the entries' own titles, dates and sources.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from .archive import Archive
from .catalog import Catalog
from .pages import Feed, Listing


@dataclass(frozen=True)
class Touched:
    """Pages to render again, pages that are gone, feeds to write and feeds that are gone."""

    pages: frozenset[str]  # src_uris present after the change
    removed: frozenset[str]  # src_uris present before, not after
    feeds: tuple[Feed, ...]
    removed_feeds: frozenset[str]  # site-relative feed paths


def touched(old: Archive, new: Archive, changed: set[str], related: tuple[int, int]) -> Touched:
    """Everything whose output differs once the articles in `changed` (src_uris) changed."""
    articles = _articles(old.catalog, new.catalog, changed, related)
    articles |= _versions(old, new, changed)
    listings = _listings(old, new, changed)
    gone = {uri for uri in old.catalog.position if uri not in new.catalog.position}
    gone |= old.listings.keys() - new.listings.keys()
    feeds, removed_feeds = _feeds(old, new, changed)
    return Touched(frozenset(articles | listings), frozenset(gone), feeds, removed_feeds)


def _articles(old: Catalog, new: Catalog, changed: set[str], related: tuple[int, int]) -> set[str]:
    """The changed articles, their neighbours before and after, and every article whose
    related list changes or shows a changed article."""
    found = {uri for uri in changed if uri in new.position}
    for catalog in (old, new):
        for uri in changed & catalog.position.keys():
            older, newer = catalog.neighbours(catalog.entries[catalog.position[uri]])
            found.update(e.src_uri for e in (older, newer) if e is not None)
    size, window = related
    for uri in _related_candidates(old, changed, window) | _related_candidates(
        new, changed, window
    ):
        if uri not in new.position:
            continue
        after = [e.src_uri for e in new.related(new.entries[new.position[uri]], size, window)]
        before = (
            [e.src_uri for e in old.related(old.entries[old.position[uri]], size, window)]
            if uri in old.position
            else None
        )
        if after != before or changed.intersection(after):
            found.add(uri)
    return found & new.position.keys()


def _versions(old: Archive, new: Archive, changed: set[str]) -> set[str]:
    """Every version of a story a changed article was or is part of: each names the others
    ("also archived as"), so a member that comes, goes or changes its title shows on all."""
    found: set[str] = set()
    for archive in (old, new):
        catalog, stories = archive.catalog, archive.stories
        for uri in changed & catalog.position.keys():
            story = stories.story_of(catalog.position[uri])
            if story is not None:
                found.update(catalog.entries[p].src_uri for p in stories.members[story])
    return found & new.catalog.position.keys()


def _related_candidates(catalog: Catalog, changed: set[str], window: int) -> set[str]:
    """Articles near a changed one in a person's or topic's list: only their related lists
    can gain it, lose it, or see their window move past it."""
    reach = window // 2 + 2
    found: set[str] = set()
    for uri in changed & catalog.position.keys():
        index = catalog.position[uri]
        article = catalog.entries[index].article
        facets = [catalog.people[n] for n in article.people]
        facets += [catalog.topics[s] for s in article.topics]
        for positions in facets:
            at = bisect.bisect_left(positions, index)
            near = positions[max(0, at - reach) : at + reach]
            found.update(catalog.entries[p].src_uri for p in near)
    return found


def _shown(listing: Listing, catalog: Catalog) -> tuple[object, ...]:
    # What the page prints: its head, its lines (by article, not catalog position) and feed.
    return (
        listing.head,
        tuple(catalog.entries[p].src_uri for p in listing.entries),
        listing.rows,
        listing.feed,
        listing.timeline,
    )


def _listings(old: Archive, new: Archive, changed: set[str]) -> set[str]:
    found = set()
    for uri, listing in new.listings.items():
        before = old.listings.get(uri)
        shown = _shown(listing, new.catalog)
        if before is None or _shown(before, old.catalog) != shown or _lists_any(shown, changed):
            found.add(uri)
    return found


def _lists_any(shown: tuple[object, ...], changed: set[str]) -> bool:
    return not changed.isdisjoint(shown[1])  # type: ignore[arg-type]


def _feeds(
    old: Archive, new: Archive, changed: set[str]
) -> tuple[tuple[Feed, ...], frozenset[str]]:
    before = {feed.path: feed for feed in old.feeds}
    written = []
    for feed in new.feeds:
        uris = _uris(new.catalog, feed.entries)
        previous = before.get(feed.path)
        same = (
            previous is not None
            and (previous.title, previous.page) == (feed.title, feed.page)
            and _uris(old.catalog, previous.entries) == uris
        )
        if not same or changed.intersection(uris):
            written.append(feed)
    gone = before.keys() - {feed.path for feed in new.feeds}
    return tuple(written), frozenset(gone)


def _uris(catalog: Catalog, positions: Iterable[int]) -> tuple[str, ...]:
    return tuple(catalog.entries[p].src_uri for p in positions)
