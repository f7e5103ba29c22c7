"""The Pagefind full-text index, built in pieces in a separate process.

Records come from the source files, not the rendered HTML, so indexing needs no HTML parsing
and runs on the second core while MkDocs renders pages on the first.

One index of the whole archive does not scale: Pagefind holds every record until it writes
(about 175 kB an article, 3 GB at 20,000), and each query downloads the index's list of all
pages, which grows with the archive. So the articles are indexed in pieces of at most
`piece_size`, in date order, one Pagefind process at a time; and a router index holds one
page per piece with the piece's words and filter values. A query asks the router which
pieces can match, then searches those, newest first and a few at a time
(templates/assets/na-search.js): what it downloads depends on the piece size, not on the
size of the archive.

What <site>/pagefind/ holds:
  pagefind.js, wasm.*.pagefind  Pagefind's engine, beside a one-page index (Pagefind writes
                                its WebAssembly only with an index); every query loads the
                                engine from here and merges the pieces it needs into it
  router/                       one page per piece
  pieces/<n>/                   the articles of piece n, 0 the oldest
  search.json                   the filter names, and per piece its path, first and last
                                date and number of articles
  filters.json                  every filter value and its number of articles, loaded only
                                when a reader opens the filter panel
  delta/                        in the preview only (`newsarchive serve`): the articles
                                changed since its last full build, which the search page
                                searches first; search.json's "delta" names it and the
                                addresses whose entries in the pieces are stale
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import multiprocessing
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from multiprocessing.connection import Connection
from pathlib import Path
from subprocess import PIPE
from typing import Any

from ..errors import SiteError
from ..frontmatter import split

log = logging.getLogger("mkdocs.plugins.newsarchive")

# Pagefind's memory per piece grows ~175 kB an article: 2,000 keep it near 350 MB, and a
# piece's page list (which a query downloads whole) near 14 kB.
PIECE_SIZE = 2000
SETTLE_SECONDS = 0.05  # between two looks at an index's files (_settle)
ROUTE = "piece"  # the router's filter naming the piece a page stands for
DELTA = "delta"  # the preview's index of articles changed since its full build
ANCHOR_WORD = "newsarchive"  # the one-page index's only word: it must have one
# What a piece or the router keeps of what Pagefind writes: its own UI files are not used.
INDEX_FILES = ("pagefind-entry.json", "*.pf_meta")

# Markdown syntax that is not words: heading marks, emphasis, link targets, attribute lists.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{:?[^}\n]*\}")
_MARKS = re.compile(r"^(?:#{1,6}|>)\s+|[*_`]+", re.MULTILINE)
# Titles, excerpts and filter values reach the search page: keep them inert even there.
# (str.replace: several times faster than str.translate with a mapping, on whole bodies.)
_INERT = (("<", "‹"), (">", "›"), ("&", "＆"))


@dataclass(frozen=True)
class Record:
    """What Pagefind needs for one article besides its body."""

    path: str  # absolute path of the Markdown file
    url: str  # site-root URL, e.g. /articles/2025/03/slug/
    title: str
    date: str
    filters: dict[str, list[str]]
    # An original beside its translation (originals.py) is indexed in its own language, so
    # its words are split and stemmed as that language's; it is not counted as an article.
    language: str | None = None


def plain_text(markdown: str) -> str:
    """Body text without Markdown syntax, for indexing."""
    text = _LINK.sub(r"\1", markdown)
    return inert(_MARKS.sub("", _ATTRS.sub("", text)))


def inert(text: str) -> str:
    """Text with look-alikes for the characters that HTML reads as markup."""
    for char, look_alike in _INERT:
        text = text.replace(char, look_alike)
    return text


def split_pieces(records: Sequence[Record], size: int) -> list[list[Record]]:
    """Records by date (then URL), cut into the fewest runs of at most `size`, evenly:
    the newest piece, which most queries search first, is never a small remainder."""
    ordered = sorted(records, key=lambda record: (record.date, record.url))
    count = -(-len(ordered) // size)
    total = len(ordered)
    return [ordered[total * i // count : total * (i + 1) // count] for i in range(count)]


class PagefindService:
    """Pagefind's `--service` protocol: base64 JSON messages, each ending in ','.

    The pagefind package's own client polls for each reply with a 0.1 s sleep (100 s for
    1,000 records); here a reader thread takes replies as they come.
    """

    def __init__(self) -> None:
        from pagefind.service import get_executable  # here: it imports asyncio, needed only here

        binary = get_executable()
        if binary is None:
            raise SiteError("the pagefind binary is missing; reinstall 'pagefind[bin]'")
        self._process = subprocess.Popen([str(binary), "--service"], stdin=PIPE, stdout=PIPE)
        self._replies: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._last_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        buffer = b""
        while chunk := self._process.stdout.read1(1 << 16):
            *messages, buffer = (buffer + chunk).split(b",")
            for message in messages:
                self._replies.put(json.loads(base64.b64decode(message)))
        self._replies.put(None)

    def send(self, payload: dict[str, Any]) -> int:
        """Queue one request; returns its message id."""
        assert self._process.stdin is not None
        self._last_id += 1
        message = json.dumps({"message_id": self._last_id, "payload": payload})
        self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        return self._last_id

    def wait_for(self, message_id: int) -> dict[str, Any]:
        """Replies up to `message_id`, failing on the first error; returns that reply."""
        assert self._process.stdin is not None
        self._process.stdin.flush()
        while (reply := self._replies.get()) is not None:
            payload = reply["payload"]
            if payload["type"] == "Error":
                raise SiteError(f"search index: {payload.get('message')}")
            if reply.get("message_id") == message_id:
                return payload
        raise SiteError("search index: pagefind stopped; run the build again with -v")

    def close(self) -> None:
        """End the service process."""
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait()


def write_index(pages: Callable[[], Iterable[dict[str, Any]]], folder: Path) -> None:
    """One Pagefind index of `pages()` (AddRecord payloads) in `folder`, by a Pagefind
    process of its own: its memory is returned when it ends.

    On a loaded machine Pagefind has been seen to answer WriteFiles while its entry file
    was still empty (tests, 3 times in some 20 runs); such an index is written again once.
    """
    for _ in range(2):
        _write_once(pages(), folder)
        if _entry_written(folder):
            return
        log.warning(f"search index: {folder.name}: Pagefind left an empty entry; writing again")
    raise SiteError(f"search index: Pagefind wrote no entry file in {folder}; build again")


def _entry_written(folder: Path) -> bool:
    try:
        return bool(json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return False


def _write_once(pages: Iterable[dict[str, Any]], folder: Path) -> None:
    service = PagefindService()
    try:
        reply = service.wait_for(service.send({"type": "NewIndex", "config": {}}))
        index_id = reply["index_id"]
        for page in pages:
            service.send({"type": "AddRecord", "index_id": index_id, **page})
        service.wait_for(
            service.send({"type": "WriteFiles", "index_id": index_id, "output_path": str(folder)})
        )
        _settle(folder)
    finally:
        service.close()


def _settle(folder: Path, timeout: float = 10.0) -> None:
    """Wait, with the Pagefind process still running, until its files in `folder` hold an
    entry and stop growing: closing it too soon has left files empty on a loaded machine."""
    deadline, before = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        sizes = sorted((p.as_posix(), p.stat().st_size) for p in folder.rglob("*") if p.is_file())
        if sizes == before and _entry_written(folder):
            return
        before = sizes
        time.sleep(SETTLE_SECONDS)


def _article_pages(piece: list[Record], language: str, words: set[str]) -> Iterator[dict[str, Any]]:
    """Each article as Pagefind reads it, one file at a time; adds its words to `words`."""
    for record in piece:
        # The record already carries the front matter: cut it off without parsing it.
        _front, body, _line = split(Path(record.path).read_text(encoding="utf-8"))
        meta = {"title": inert(record.title), "date": record.date}
        content = plain_text(body)
        # Pagefind searches the meta values too, so the router must know their words.
        for text in (content, *meta.values()):
            words.update(text.lower().split())
        yield {
            "url": record.url,
            "content": content,
            # One index per language: the search page opens the site's, and each original
            # language's that the piece lists (search.json).
            "language": record.language or language,
            "meta": meta,
            # No sort key: the page ranks by relevance, and every query would download
            # the sort order of the whole piece.
            "filters": _inert_filters(record.filters),
        }


def _inert_filters(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: [inert(value) for value in values] for name, values in filters.items()}


def _route(number: int, piece: list[Record], words: set[str], language: str) -> dict[str, Any]:
    """The router's page for one piece: its words, and every filter value it holds."""
    values: dict[str, set[str]] = {}
    for record in piece:
        for name, filter_values in _inert_filters(record.filters).items():
            values.setdefault(name, set()).update(filter_values)
    return {
        "url": f"/{number}/",
        # Pagefind reads these words as it reads the articles' (same splitting, stemming and
        # prefix match), so the router never misses a piece that could match.
        "content": " ".join(sorted(words)),
        "language": language,
        "meta": {},
        "filters": {ROUTE: [str(number)], **{name: sorted(v) for name, v in values.items()}},
    }


def _keep_only(folder: Path, patterns: Iterable[str]) -> None:
    """Delete the files Pagefind writes beside an index that nothing here loads (its UIs)."""
    kept = tuple(patterns)
    for path in folder.iterdir():
        if path.is_file() and not any(fnmatch(path.name, pattern) for pattern in kept):
            path.unlink()


def _engine_files(folder: Path) -> list[str]:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    wasm = sorted({f"wasm.{index['wasm']}.pagefind" for index in entry["languages"].values()})
    return ["pagefind.js", *wasm]


def _languages(piece: list[Record]) -> dict[str, list[str]]:
    """The piece's other languages (its originals'), when it has any: the search page opens
    each one's index too."""
    found = sorted({record.language for record in piece if record.language})
    return {"languages": found} if found else {}


def _summary(pieces: list[list[Record]], records: Sequence[Record]) -> tuple[dict, dict]:
    """search.json (filter names, pieces) and filters.json (values and article counts)."""
    counts: dict[str, Counter[str]] = {}
    for record in records:
        if record.language:  # an original: its article is counted already
            continue
        for name, values in _inert_filters(record.filters).items():
            counts.setdefault(name, Counter()).update(values)
    manifest = {
        "filters": list(counts),
        "pieces": [
            {
                "path": f"pieces/{number}/",
                "first": piece[0].date,
                "last": piece[-1].date,
                "articles": sum(1 for record in piece if not record.language),
                **_languages(piece),
            }
            for number, piece in enumerate(pieces)
        ],
    }
    return manifest, {name: dict(sorted(c.items())) for name, c in counts.items()}


def build_index(
    records: Sequence[Record], out_dir: str, language: str, piece_size: int = PIECE_SIZE
) -> int:
    """Index every record, in pieces of at most `piece_size` (1 or more), into the bundle at
    out_dir; returns the count.

    The bundle is written beside out_dir and moved into place whole, so a page never sees
    half of it.
    """
    out = Path(out_dir)
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    # The engine first: Pagefind may clear the folder it writes into.
    anchor = {"url": "/", "content": ANCHOR_WORD, "language": language, "meta": {}}
    write_index(lambda: [anchor], partial)
    _keep_only(partial, (*INDEX_FILES, *_engine_files(partial)))
    pieces = split_pieces(records, piece_size)
    routes = []
    for number, piece in enumerate(pieces):
        folder, words = partial / "pieces" / str(number), set[str]()
        write_index(functools.partial(_article_pages, piece, language, words), folder)
        _keep_only(folder, INDEX_FILES)
        routes.append(_route(number, piece, words, language))
    if routes:
        write_index(lambda: routes, partial / "router")
        _keep_only(partial / "router", INDEX_FILES)
    manifest, filters = _summary(pieces, records)
    for name, data in (("search.json", manifest), ("filters.json", filters)):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        (partial / name).write_text(text, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    partial.rename(out)
    return sum(1 for record in records if not record.language)


def write_delta(
    records: Sequence[Record], replaced: Iterable[str], out_dir: Path, language: str
) -> None:
    """The preview's delta index: `records` (articles added or changed since the full build)
    indexed on their own, seconds even at 100,000 articles, while the pieces stay as the full
    build wrote them; `replaced` are the addresses the search page must drop from the pieces
    (changed, moved or deleted articles)."""
    folder, partial = out_dir / DELTA, out_dir / f"{DELTA}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    if records:
        write_index(lambda: _article_pages(list(records), language, set()), partial)
        _keep_only(partial, INDEX_FILES)
    shutil.rmtree(folder, ignore_errors=True)
    if records:
        partial.rename(folder)
    manifest_file = out_dir / "search.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    manifest["delta"] = {
        "path": f"{DELTA}/" if records else None,
        "replaced": sorted(replaced),
        **_languages(list(records)),
    }
    staged = manifest_file.with_name("search.json.partial")
    staged.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    staged.replace(manifest_file)  # a page reads the old manifest or the new, never half


def _index_in_worker(
    records: list[Record], out_dir: str, language: str, piece_size: int, reply: Connection
) -> None:
    # nice: the page render is the build's critical path; indexing (this process and
    # Pagefind's threads) takes the CPU time the render leaves (it was ~10% slower without).
    os.nice(10)
    try:
        reply.send(("done", build_index(records, out_dir, language, piece_size)))
    except Exception as exc:  # carried to the build, which reports it
        reply.send(("error", exc))


class SearchJob:
    """One index build running in a worker process while the site renders."""

    def __init__(
        self, records: list[Record], out_dir: Path, language: str, piece_size: int = PIECE_SIZE
    ) -> None:
        if piece_size < 1:
            raise SiteError(f"search_piece_size is {piece_size}; set it to 1 or more in mkdocs.yml")
        # spawn: a fresh interpreter, never a fork of a process that runs server threads.
        context = multiprocessing.get_context("spawn")
        self._reply, child_end = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_index_in_worker,
            args=(records, str(out_dir), language, piece_size, child_end),
            daemon=True,
        )
        self._process.start()
        child_end.close()  # the worker holds the only copy: its exit ends the pipe

    def wait(self) -> int:
        """Block until the index is written; re-raises the worker's error."""
        try:
            kind, value = self._reply.recv()
        except EOFError:
            kind, value = "stopped", None
        self._process.join()
        if kind == "error":
            raise value
        if kind == "stopped":
            raise SiteError(
                f"search index: the indexing process stopped (exit code "
                f"{self._process.exitcode}); run the build again"
            )
        return value

    def cancel(self) -> None:
        """Stop the worker (the build failed): a late index must not land in a later build.
        Pagefind, its child, ends when the worker's end of its input closes."""
        self._process.terminate()
        self._process.join()
