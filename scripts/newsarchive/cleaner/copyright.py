"""Copyright lines in any form, normalised to '© YEAR Holder' (or '© Holder' without a year).

A line with a year, or one that says 'Copyright' or 'All rights reserved', is a notice
wherever it stands. A bare '© Name' is also how photos are credited, so it is the
article's notice only below the article's last paragraph; photo credits ('© Reuters/Jane
Doe', '© Getty Images') are never notices and are left to furniture.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import AgencyName, Facts, Line, wordset

# Copyright in any form: "©", "(c)", "&copy;" mangled to "& Copy", "Copyright".
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|&\s*copy;?|copyright)\s*(?:©|\(c\))?\s*"
    r"(?:(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?\s*[,.]?\s*)?(?P<holder>.*)$",
    re.IGNORECASE,
)
_TRAILING_YEAR = re.compile(r"[\s,]+(?P<year>(?:19|20)\d\d)$")
_RIGHTS = re.compile(r"\W*\ball rights reserved\b.*$", re.IGNORECASE)
# A notice that says so in words; "©" (or "(c)") alone may be a photo credit.
_SAYS_NOTICE = re.compile(r"\b(?:copyright|all rights reserved)\b", re.IGNORECASE)
# Photo credits: two credits joined by a slash, or a holder that names pictures.
_PHOTO_CREDIT = re.compile(
    r"/|\b(?:images?|photos?|photograph(?:y|er)?|pictures?|picture alliance|fotos?|bild|"
    r"stock|screenshot)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\bInc)(?<!\bLtd)(?<!\bCo)\.\s+(?=[A-Z])")
# A footer's links follow the holder: "© 2019 Los Angeles Times | Terms of Service".
_LINK_BREAK = re.compile(r"\s+[|•·]\s+")
# Footer links that open with the word are labels, not holders: "Copyright Policy".
_LABEL_WORDS = wordset(
    "policy notice notices information info permissions permission reprint reprints "
    "infringement terms complaints complaint statement claims guidelines"
)
_SMALL_WORDS = wordset("a an and as at by de del der des di du for in la le of on the to und")
_HOLDER_MAX_WORDS = 10


@dataclass(frozen=True)
class _Notice:
    year: str | None
    holder: str
    says_so: bool  # a year, 'Copyright' or 'All rights reserved': a notice wherever it is


def take_out_copyright(
    lines: list[Line], removed: list[str], agency_name: AgencyName
) -> tuple[list[Line], Facts | None]:
    """Lines without their copyright notices, and the first notice that is the article's."""
    notices = [_notice(line.text, agency_name) for line in lines]
    paired = list(enumerate(zip(lines, notices, strict=True)))
    last_text = max((i for i, (line, notice) in paired if line.real and not notice), default=-1)
    kept: list[Line] = []
    facts: Facts | None = None
    for index, (line, notice) in paired:
        if notice is None:
            kept.append(line)
            continue
        removed.append(line.text)
        if facts is None and (notice.says_so or index > last_text):
            holder = _title_case(notice.holder) if notice.holder else ""
            notice_text = " ".join(filter(None, ("©", notice.year, holder)))
            facts = Facts(copyright=notice_text, holder=holder or None)
    return kept, facts


def _notice(text: str, agency_name: AgencyName) -> _Notice | None:
    """The copyright notice a line is, or None (a photo credit, a sentence, no notice)."""
    match = _COPYRIGHT.match(text)
    if match is None:
        return None
    holder = _SENTENCE_BREAK.split(_RIGHTS.sub("", match["holder"]), maxsplit=1)[0]
    holder = _LINK_BREAK.split(holder, maxsplit=1)[0]
    holder = holder.strip(" .,;:-–—|")
    year = match["year"]
    if year is None and (trailing := _TRAILING_YEAR.search(holder)):
        year, holder = trailing["year"], holder[: trailing.start()].strip(" .,;:-–—|")
    if len(holder.split()) > _HOLDER_MAX_WORDS:
        return None
    if year is None and (_PHOTO_CREDIT.search(holder) or not _is_name(holder, agency_name)):
        return None
    return _Notice(year, holder, year is not None or bool(_SAYS_NOTICE.search(text)))


def _is_name(holder: str, agency_name: AgencyName) -> bool:
    """A holder's name ('Deutsche Presse-Agentur', 'dpa'), not a sentence or a footer link."""
    words = holder.split()
    if agency_name(holder):
        return True
    if not words or not words[0][:1].isupper():
        return False
    if any(word.lower().strip(".,:;") in _LABEL_WORDS for word in words):
        return False
    return all(w[:1].isupper() or w == "&" or w.lower() in _SMALL_WORDS for w in words)


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
