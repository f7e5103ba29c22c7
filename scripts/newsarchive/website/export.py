"""The archive's metadata for researchers and newsrooms: one JSON object per line, written
as it goes, and each article's ninjs document beside its page."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..ninjs import ninjs_document
from ..registry import Registries
from .catalog import Entry

NINJS_SUFFIX = ".ninjs.json"


def export_line(entry: Entry, base: str, docs_dir: str, registries: Registries) -> str:
    """One article's front matter, its source path and page address, and its ninjs, as JSON.

    `url` is already a front-matter field (the publisher's address), hence `page_url`.
    """
    page_url = base + entry.url
    record = {
        **entry.article.front_matter(),
        "summary": entry.summary,
        "path": f"{docs_dir}/{entry.src_uri}",
        "page_url": page_url,
        "ninjs": ninjs_document(entry.article, registries, page_url, entry.summary),
    }
    return json.dumps(record, ensure_ascii=False, default=str)


def write_export(
    path: Path,
    entries: Iterable[Entry],
    base: str,
    docs_dir: str,
    registries: Registries,
    made: dict[str, tuple[Entry, str]] | None = None,
) -> int:
    """Stream every entry to `path` (JSON Lines); returns the number of lines.

    `made` keeps each entry's line between builds of a preview: an entry read again is a
    new object, so an unchanged one is known by identity and its line is not made again.
    The caller empties it when the registries change (a line shows their URIs).
    """
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            kept = made.get(entry.src_uri) if made is not None else None
            if kept is not None and kept[0] is entry:
                line = kept[1]
            else:
                line = export_line(entry, base, docs_dir, registries)
                if made is not None:
                    made[entry.src_uri] = (entry, line)
            handle.write(line + "\n")
            count += 1
    return count


def ninjs_name(dest_uri: str) -> str:
    """The ninjs file beside a page: 'a/b/index.html' -> 'a/b/index.ninjs.json'."""
    return dest_uri.removesuffix(".html") + NINJS_SUFFIX


def write_ninjs(site_dir: Path, dest_uri: str, document: dict[str, Any]) -> None:
    """Write one article's ninjs document beside its page."""
    path = site_dir / ninjs_name(dest_uri)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, ensure_ascii=False) + "\n"  # no indent: C's encoder, a third less
    path.write_text(text, encoding="utf-8")
