"""The Pagefind full-text index, built from front matter and Markdown in a separate process.

Records come from the source files, not the rendered HTML, so indexing needs no HTML parsing
and runs on the second core while MkDocs renders pages on the first.
"""

from __future__ import annotations

import base64
import json
import multiprocessing
import os
import queue
import re
import subprocess
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from subprocess import PIPE
from typing import Any

from ..errors import SiteError
from ..frontmatter import split

# Markdown syntax that is not words: heading marks, emphasis, link targets, attribute lists.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{:?[^}\n]*\}")
_MARKS = re.compile(r"^(?:#{1,6}|>)\s+|[*_`]+", re.MULTILINE)
# Pagefind's UI places titles, excerpts and filter names into the page as HTML: keep them inert.
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


def plain_text(markdown: str) -> str:
    """Body text without Markdown syntax, for indexing."""
    text = _LINK.sub(r"\1", markdown)
    return inert(_MARKS.sub("", _ATTRS.sub("", text)))


def inert(text: str) -> str:
    """Text with look-alikes for the characters that HTML reads as markup."""
    for char, look_alike in _INERT:
        text = text.replace(char, look_alike)
    return text


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


def build_index(records: list[Record], out_dir: str, language: str) -> int:
    """Index every record and write the Pagefind bundle into out_dir; returns the count."""
    service = PagefindService()
    try:
        reply = service.wait_for(service.send({"type": "NewIndex", "config": {}}))
        index_id = reply["index_id"]
        for record in records:
            # The record already carries the front matter: cut it off without parsing it.
            _front, body, _line = split(Path(record.path).read_text(encoding="utf-8"))
            service.send(
                {
                    "type": "AddRecord",
                    "index_id": index_id,
                    "url": record.url,
                    "content": plain_text(body),
                    # One index for all: the UI searches only the index of the page's language.
                    "language": language,
                    "meta": {"title": inert(record.title), "date": record.date},
                    # No sort key: the UI ranks by relevance, and every query would download
                    # the sort order of the whole archive (about 2.7 bytes an article).
                    "filters": {
                        name: [inert(value) for value in values]
                        for name, values in record.filters.items()
                    },
                }
            )
        service.wait_for(
            service.send({"type": "WriteFiles", "index_id": index_id, "output_path": out_dir})
        )
    finally:
        service.close()
    return len(records)


def _index_in_worker(records: list[Record], out_dir: str, language: str, reply: Connection) -> None:
    # nice: the page render is the build's critical path; indexing (this process and
    # Pagefind's threads) takes the CPU time the render leaves (it was ~10% slower without).
    os.nice(10)
    try:
        reply.send(("done", build_index(records, out_dir, language)))
    except Exception as exc:  # carried to the build, which reports it
        reply.send(("error", exc))


class SearchJob:
    """One index build running in a worker process while the site renders."""

    def __init__(self, records: list[Record], out_dir: Path, language: str) -> None:
        # spawn: a fresh interpreter, never a fork of a process that runs server threads.
        context = multiprocessing.get_context("spawn")
        self._reply, child_end = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_index_in_worker,
            args=(records, str(out_dir), language, child_end),
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
