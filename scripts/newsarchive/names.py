"""People's names in bylines: how a credit line is split into names, and what is not a name.

Readers (page metadata) and the cleaner (byline lines) both call these, so a byline
prefix or a separator is defined once.
"""

from __future__ import annotations

import re

# "By", "Von", "Par", ...: the words that open a byline, in the languages the archive reads.
BY_WORDS = ("by", "von", "par", "por", "di", "door", "від", "от")
BY_PREFIX = re.compile(
    r"^(?:" + "|".join(BY_WORDS) + r"|author|auteur|autor|autorin)\s*:?\s+", re.IGNORECASE
)
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b|\bі\b)\s*", re.I)
# Not a person: a web address, an e-mail, a placeholder.
_NOT_A_NAME = re.compile(
    r"https?://|@|/|\w\.(?:com|org|net|de|fr|at|ch|uk|it|es|ua|ru)\b"
    r"|^(?:no author|unknown|anonym(?:e|ous)?|an[oó]nimo|anonimo)$",
    re.IGNORECASE,
)


def split_names(text: str) -> tuple[str, ...]:
    """'By A and B', 'A, B', 'A; B' -> ('A', 'B'); web addresses and placeholders are dropped."""
    names = []
    for part in _NAME_SPLIT.split(BY_PREFIX.sub("", text.strip())):
        part = " ".join(part.split())
        if part and not _NOT_A_NAME.search(part):
            names.append(part)
    return tuple(dict.fromkeys(names))
