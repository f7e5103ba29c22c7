"""People's names in bylines: how a credit line is split into names, and what is not a name.

Readers (page metadata) and the cleaner (byline lines) both call these, so a byline
prefix or a separator is defined once.
"""

from __future__ import annotations

import re

# What opens a byline in the languages the archive reads: "By", "Von", "Par", "Автор:"...
BY_PREFIX = re.compile(
    r"^(?:(?:by|von|par|por|di|door|від|от|written by|author|authors|auteur|auteure|autor"
    r"|autorin|autore|автор|авторка)\s*:?|(?:text|texte|texto|testo)\s*:)\s+",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b|\bі\b)\s*", re.I)
# Not a person: a web address, an e-mail, a placeholder.
# Not a person: a web address, an e-mail, a placeholder, the newsroom as a whole.
_NOT_A_NAME = re.compile(
    r"https?://|@|/|\w\.(?:com|org|net|de|fr|at|ch|uk|it|es|ua|ru)\b"
    r"|^(?:no author|unknown|anonym(?:e|ous)?|an[oó]nimo|anonimo|admin|administrator|guest"
    r"|(?:the\s+)?(?:editorial\s+)?(?:staff|team|board|desk|editors?|newsroom)"
    r"|(?:news|web|digital|online|city|foreign|world)\s+desk|staff\s+(?:writer|reporter)s?"
    r"|redaktion|rédaction|redaccion|redacción|redazione|redakcja|redactie|redação|redacao"
    r"|редакция|редакція|редакция сайта|агентства|agencies|agenturen|agences)$",
    re.IGNORECASE,
)


_CONJUNCTION = re.compile(r"\s(?:and|und|et|y|e|и|і)\s|\s&\s", re.IGNORECASE)


def byline_people(text: str) -> tuple[str, ...]:
    """The people of a printed byline, without the outlet or place that follows them.

    'A, B und C, NDR' -> A, B, C; 'A, BBC News, New York' -> A: commas list people only up
    to the part holding 'and', and with no 'and' the first part alone is the author.
    """
    parts = [part.strip() for part in re.split(r"[,;|]", BY_PREFIX.sub("", text.strip()))]
    last = next((i for i, part in enumerate(parts) if _CONJUNCTION.search(f" {part} ")), 0)
    people = split_names(", ".join(parts[: last + 1]))
    return tuple(name for name in people if is_person(name))


def split_names(text: str) -> tuple[str, ...]:
    """'By A and B', 'A, B', 'A; B' -> ('A', 'B'); web addresses and placeholders are dropped."""
    names = []
    for part in _NAME_SPLIT.split(BY_PREFIX.sub("", text.strip())):
        part = " ".join(part.split())
        if part and not _NOT_A_NAME.search(part):
            names.append(part)
    return tuple(dict.fromkeys(names))


# A word of a person's name: capitalised, or a particle ("van", "de", "bin").
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*|de|da|van|von|der|di|le|la|bin|al|du)$")
_PERSON_MAX_WORDS = 4


def is_person(name: str) -> bool:
    """Shaped like one person's name: two to four name words ('Ana Ruiz', 'Jan Lukas Strozyk')."""
    words = name.split()
    return 2 <= len(words) <= _PERSON_MAX_WORDS and all(NAME_WORD.match(w) for w in words)
