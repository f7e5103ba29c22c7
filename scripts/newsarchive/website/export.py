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


def write_export(path: Path, entries: Iterable[Entry], base: str, docs_dir: str) -> int:
    """Stream every entry to `path` (JSON Lines); returns the number of lines."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(export_line(entry, base, docs_dir) + "\n")
            count += 1
    return count
