"""Copyright lines in any form, normalised to '© YEAR Holder'."""

from __future__ import annotations

import re

from .lines import Found, Line, wordset

# Copyright in any form: "©", "(c)", "&copy;" mangled to "& Copy", "Copyright".
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|&\s*copy;?|copyright)\s*(?:©|\(c\))?\s*"
    r"(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?\s*[,.]?\s*(?P<holder>.*)$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"\W*\ball rights reserved\b.*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\bInc)(?<!\bLtd)(?<!\bCo)\.\s+(?=[A-Z])")
_SMALL_WORDS = wordset("a an and as at by de del der des di du for in la le of on the to und")
_HOLDER_MAX_WORDS = 10


def is_copyright(line: Line, found: Found) -> bool:
    """A copyright line; the first one found fills found.copyright and found.holder."""
    match = _COPYRIGHT.match(line.text)
    if match is None:
        return False
    holder = _SENTENCE_BREAK.split(_RIGHTS.sub("", match["holder"]), maxsplit=1)[0]
    holder = holder.strip(" .,;:-–—|")
    if len(holder.split()) > _HOLDER_MAX_WORDS:
        return False
    if found.copyright is None:
        holder = _title_case(holder) if holder else ""
        found.copyright = f"© {match['year']} {holder}".strip()
        found.holder = holder or None
    return True


def _title_case(name: str) -> str:
    """'the Canadian press' -> 'The Canadian Press'; names already cased are left alone."""
    words = name.split()
    if len(words) < 2 or not any(w[:1].islower() and w not in _SMALL_WORDS for w in words[1:]):
        return name[:1].upper() + name[1:] if len(words) > 1 else name
    out = []
    for index, word in enumerate(words):
        plain = word.isalpha() and word.islower()
        small = index and word.lower() in _SMALL_WORDS
        out.append(word[:1].upper() + word[1:] if plain and not small else word)
    return " ".join(out)
