"""Spacing damage, repaired everywhere: the words themselves are never touched."""

from __future__ import annotations

import re

_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")  # "long -term"
_SPACE_BEFORE_COMMA = re.compile(r"(?<=[\w\"”’)]) +([,.])(?=\s|$|[\"”’»)])")
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w\"”’)]) +([;:!?])(?=\s|$|[\"”’»)])")
_OPEN_QUOTE_SPACE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))([“‘]) +(?=\w)")
_CLOSE_QUOTE_SPACE = re.compile(r"(?<=[\w.,!?]) +([”’])(?=[\s,.;:!?)]|$)")
_MANY_SPACES = re.compile(r" {2,}")


def repair_spacing(text: str, french: bool = False) -> str:
    """Fix spacing damage only: 'long -term', ' ,', odd and doubled spaces, '“ word'."""
    text = _ZERO_WIDTH.sub("", _ODD_SPACES.sub(" ", text))
    text = _SPACED_HYPHEN.sub("-", text)
    text = _SPACE_BEFORE_COMMA.sub(r"\1", text)
    if not french:  # French sets a space before ; : ! ? on purpose
        text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _OPEN_QUOTE_SPACE.sub(r"\1", text)
    text = _CLOSE_QUOTE_SPACE.sub(r"\1", text)
    return _MANY_SPACES.sub(" ", text).strip()
