"""One story across its versions: pages that tell the same story, grouped from their facts.

Two pages are versions of one story when one lists the other in `same_story` (ingest writes
it when validate's duplicate rule finds a near or exact copy and the contributor says it is
another version, `--same-story`; a person may write it too), or when both were translated
from the same original article (`translation.original_url`), or one is the original that
another translates (its `url`). Grouping is a union-find over those links, read from the
front matter the catalogue holds already: no body is read and no two pages are compared,
so it costs one pass over the archive however large it grows.

Each story of two or more versions gets a generated page listing them; every version keeps
its own page and address and says where else the story is archived.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .catalog import Catalog, Entry


def _url_key(url: str) -> str | None:
    """The same article as linked in different ways (scheme, case of the host, a final '/');
    None for a site's front page, which many pages may give and no article is."""
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    path = path.rstrip("/")
    return f"{host.lower()}/{path}" if path else None


class _Sets:
    """Union-find over catalogue positions."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, one: int, other: int) -> None:
        a, b = self.find(one), self.find(other)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


@dataclass
class Stories:
    """Stories of two or more versions: each one's positions (oldest publication first) and
    the base of its page; and each member position's story."""

    members: list[tuple[int, ...]] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)
    of: dict[int, int] = field(default_factory=dict)

    def story_of(self, position: int) -> int | None:
        """The story a catalogue position belongs to, if it has other versions."""
        return self.of.get(position)


def addresses(entry: Entry, prefix: str) -> Iterator[str]:
    """The addresses (YYYY/MM/slug) that lead to an entry: its own and those it moved from."""
    yield entry.src_uri.removeprefix(prefix).removesuffix(".md")
    yield from entry.article.moved_from


def _links(catalog: Catalog, prefix: str) -> Iterable[tuple[int, int]]:
    where: dict[str, int] = {}
    for position, entry in enumerate(catalog.entries):
        for address in addresses(entry, prefix):
            where.setdefault(address, position)
    by_url: dict[str, int] = {}
    for position, entry in enumerate(catalog.entries):
        article = entry.article
        for address in article.same_story:
            if address in where:
                yield position, where[address]
        translation = article.translation
        urls = [article.url, translation.original_url if translation else None]
        # A translation's original_url is the original's url; two translations share it.
        for key in (_url_key(u) for u in urls if u):
            if key is not None:
                yield position, by_url.setdefault(key, position)


def _order(entry: Entry) -> tuple[int, int, str]:
    # The first published first, then the first archived; then by address, so that a
    # re-paste archived the same day at slug-2 follows slug.
    return (entry.date.toordinal(), entry.added_day, entry.src_uri.removesuffix(".md"))


def group_stories(catalog: Catalog, articles_dir: str) -> Stories:
    """Every story told by two or more pages of the catalogue."""
    sets = _Sets(len(catalog.entries))
    for one, other in _links(catalog, articles_dir.strip("/") + "/"):
        sets.join(one, other)
    groups: dict[int, list[int]] = {}
    for position in range(len(catalog.entries)):
        groups.setdefault(sets.find(position), []).append(position)
    stories = Stories()
    for positions in groups.values():
        if len(positions) < 2:
            continue
        members = tuple(sorted(positions, key=lambda p: _order(catalog.entries[p])))
        first = catalog.entries[members[0]].src_uri
        stories.of.update(dict.fromkeys(members, len(stories.members)))
        stories.members.append(members)
        stories.bases.append("stories/" + first.split("/", 1)[1].removesuffix(".md"))
    return stories
