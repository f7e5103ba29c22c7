"""The Pagefind full-text index, built from front matter and Markdown in a separate process.

Records come from the source files, not the rendered HTML, so indexing needs no HTML parsing
and runs on the second core while MkDocs renders pages on the first.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import re
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from ..frontmatter import loads

# Markdown syntax that is not words: heading marks, emphasis, link targets, attribute lists.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{:?[^}\n]*\}")
_MARKS = re.compile(r"^(?:#{1,6}|>)\s+|[*_`]+", re.MULTILINE)
# Pagefind's UI places titles, excerpts and filter names into the page as HTML: keep them inert.
_INERT = str.maketrans({"<": "‹", ">": "›", "&": "＆"})
BATCH = 200  # records in flight to the Pagefind service at once


@dataclass(frozen=True)
class Record:
    """What Pagefind needs for one article besides its body."""

    path: str  # absolute path of the Markdown file
    url: str  # site-root URL, e.g. /articles/2025/03/slug/
    title: str
    date: str
    filters: dict[str, list[str]]


def plain_text(markdown: str) -> str:
    """Body text without Markdown syntax, for indexing."""
    text = _LINK.sub(r"\1", markdown)
    return _MARKS.sub("", _ATTRS.sub("", text)).translate(_INERT)


async def _index(records: list[Record], out_dir: str, language: str) -> int:
    config = IndexConfig(force_language=language, output_path=out_dir)
    async with PagefindIndex(config=config) as index:
        for start in range(0, len(records), BATCH):
            batch = []
            for record in records[start : start + BATCH]:
                _meta, body = loads(Path(record.path).read_text(encoding="utf-8"))
                batch.append(
                    index.add_custom_record(
                        url=record.url,
                        content=plain_text(body),
                        language=language,
                        meta={"title": record.title.translate(_INERT), "date": record.date},
                        filters={
                            name: [value.translate(_INERT) for value in values]
                            for name, values in record.filters.items()
                        },
                        sort={"date": record.date},
                    )
                )
            await asyncio.gather(*batch)
    return len(records)


def build_index(records: list[Record], out_dir: str, language: str) -> int:
    """Index every record and write the Pagefind bundle into out_dir; returns the count."""
    return asyncio.run(_index(records, out_dir, language))


class SearchJob:
    """One index build running in a worker process while the site renders."""

    def __init__(self, records: list[Record], out_dir: Path, language: str) -> None:
        # spawn: a fresh interpreter, never a fork of a process that runs server threads.
        context = multiprocessing.get_context("spawn")
        self._executor = ProcessPoolExecutor(max_workers=1, mp_context=context)
        self._future: Future[int] = self._executor.submit(
            build_index, records, str(out_dir), language
        )

    def wait(self) -> int:
        """Block until the index is written; re-raises the worker's error."""
        try:
            return self._future.result()
        finally:
            self._executor.shutdown()

    def cancel(self) -> None:
        """Stop waiting for the worker (the build failed)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
