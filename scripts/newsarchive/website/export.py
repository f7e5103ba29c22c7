"""The archive's metadata for researchers: one JSON object per line, written as it goes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .catalog import Entry


def export_line(entry: Entry, base: str, docs_dir: str) -> str:
    """One article's front matter plus its source path and page address, as JSON.

    `url` is already a front-matter field (the publisher's address), hence `page_url`.
    """
    record = {
        **entry.article.front_matter(),
        "summary": entry.summary,
        "path": f"{docs_dir}/{entry.src_uri}",
        "page_url": base + entry.url,
    }
    return json.dumps(record, ensure_ascii=False, default=str)


def write_export(
    path: Path,
    entries: Iterable[Entry],
    base: str,
    docs_dir: str,
    made: dict[str, tuple[Entry, str]] | None = None,
) -> int:
    """Stream every entry to `path` (JSON Lines); returns the number of lines.

    `made` keeps each entry's line between builds of a preview: an entry read again is a
    new object, so an unchanged one is known by identity and its line is not made again.
    """
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            kept = made.get(entry.src_uri) if made is not None else None
            if kept is not None and kept[0] is entry:
                line = kept[1]
            else:
                line = export_line(entry, base, docs_dir)
                if made is not None:
                    made[entry.src_uri] = (entry, line)
            handle.write(line + "\n")
            count += 1
    return count
