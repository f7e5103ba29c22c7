"""Readers: one raw file (pasted text or a saved page) -> RawArticle, and its sidecar -> Overrides.

Only this package reads article files. `read_file` is the one entry point; the file's
suffix picks the reader. Everything refused is an InputError with one line that names
the file, the problem and the fix.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from ..records import RawArticle
from .html import read_html
from .limits import (
    MAX_HTML_DEPTH,
    MAX_HTML_ELEMENTS,
    MAX_INPUT_BYTES,
    MAX_LINE_CHARS,
    MAX_LINES,
    MAX_SIDECAR_BYTES,
    MAX_SIDECAR_DEPTH,
    read_bytes,
)
from .sidecar import SIDECAR_SUFFIX, read_sidecar, sidecar_for
from .text import decode_text

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

__all__ = [
    "HTML_SUFFIXES",
    "MAX_HTML_DEPTH",
    "MAX_HTML_ELEMENTS",
    "MAX_INPUT_BYTES",
    "MAX_LINES",
    "MAX_LINE_CHARS",
    "MAX_SIDECAR_BYTES",
    "MAX_SIDECAR_DEPTH",
    "SIDECAR_SUFFIX",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "read_file",
    "read_sidecar",
    "sidecar_for",
]


def read_file(path: Path) -> RawArticle:
    """Read one raw article; the suffix says whether it is pasted text or a saved page."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"unsupported file type '{suffix}'; use .txt, .md, .html or .htm", path)
    data = read_bytes(path, MAX_INPUT_BYTES, "5 MiB", "save only the article, not a whole site")
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("file is empty; paste the article text into it", path)
    if suffix in HTML_SUFFIXES:
        return read_html(path, data, digest)
    return RawArticle(path=path, kind="text", text=decode_text(path, data), digest=digest)
