"""Pasted text: bytes in any common encoding -> clean Unicode with '\\n' newlines."""

from __future__ import annotations

import codecs
from pathlib import Path

import ftfy

from ..errors import InputError
from .limits import MAX_LINES, check_not_binary, refuse_long


def decode_text(path: Path, data: bytes) -> str:
    """Bytes of a paste -> clean Unicode with '\\n' newlines and mojibake repaired."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise InputError("file is binary, not text; save the article as .txt or .html", path)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Not UTF-8: a Windows paste. cp1252 leaves five bytes undefined; latin-1 takes them.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    _check_text(path, text)
    # Curly quotes are the translation's own; everything else ftfy repairs is damage.
    return ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)


def _check_text(path: Path, text: str) -> None:
    check_not_binary(path, text)
    if not text.strip():
        raise InputError("file is empty; paste the article text into it", path)
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise InputError(
            f"file has more than {MAX_LINES:,} lines; this is not one article, "
            "save the article on its own",
            path,
        )
    refuse_long(lines, "line", path)
