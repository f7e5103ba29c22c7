"""Input limits, and the one place raw bytes are read from disk under them.

Everything refused here is an InputError with one line that names the file, the
problem and the fix.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import InputError

# Larger inputs are whole sites or media, not articles, and would make lxml and
# trafilatura slow; 5 MiB is ~50 times the largest real news page we have seen.
MAX_INPUT_BYTES = 5 * 1024 * 1024
# A longer line is a minified script or binary junk, never a paragraph (~30,000 words).
MAX_LINE_CHARS = 200_000
# More lines are a dump, not an article; the cleaner's time grows faster than their
# number (400,000 lines of 'a.' took 12 s).
MAX_LINES = 50_000
# trafilatura's time grows faster than the page (100,000 paragraphs took 40 s); the
# largest page of the evaluation corpus has 2,285 elements.
MAX_HTML_ELEMENTS = 30_000
# A sidecar holds ten short fields; anything bigger is a mistake or an attack.
MAX_SIDECAR_BYTES = 64 * 1024
# A sidecar is one flat mapping; deeper YAML is a mistake or an attack on the parser.
MAX_SIDECAR_DEPTH = 10
# Share of control or undecodable characters above which a file is not text.
MAX_JUNK_SHARE = 0.05
# libxml2 silently drops everything below 255 levels of tags (the rest of the article
# with it); real pages nest a few dozen, so a page this deep is refused, not truncated.
MAX_HTML_DEPTH = 200

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def read_bytes(path: Path, limit: int, limit_text: str, fix: str) -> bytes:
    """The bytes of a regular file no larger than `limit`; anything else is an InputError."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as exc:
        raise InputError("file not found; check the path", path) from exc
    except OSError as exc:
        raise InputError(f"cannot be opened ({exc.strerror}); check the path", path) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file; name the article file", path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("is a pipe or device, not a file; name the article file", path)
        # One byte past the limit: a file that grows while it is read is still refused.
        data = handle.read(limit + 1) if info.st_size <= limit else b""
    size = max(info.st_size, len(data))
    if size > limit:
        raise InputError(f"file is larger than {limit_text} ({size:,} bytes); {fix}", path)
    return data


def refuse_long(parts: list[str], what: str, path: Path) -> None:
    """Refuse a line or paragraph longer than any article's."""
    for number, part in enumerate(parts, start=1):
        if len(part) > MAX_LINE_CHARS:
            raise InputError(
                f"{what} {number} is longer than {MAX_LINE_CHARS:,} characters; "
                "this is not article text, save the article on its own",
                path,
            )


def check_not_binary(path: Path, text: str) -> None:
    """Refuse text that is mostly control or undecodable characters."""
    if len(_CONTROL.findall(text)) > MAX_JUNK_SHARE * len(text):
        raise InputError("file is binary, not text; save the article as .txt or .html", path)
