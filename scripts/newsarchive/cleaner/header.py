"""The lines above the article: its title, date and byline."""

from __future__ import annotations

import re

from ..dates import is_date_line, parse_date
from ..readers import split_names
from .agencies import agency_name
from .lines import QUOTES, Found, Line

_TITLE_MAX_WORDS = 30

_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|від|от)\s+(?P<names>\S.*)$", re.IGNORECASE)
_BYLINE_MAX_WORDS = 16
_BYLINE_TAIL = re.compile(r"\s+(?:on|updated|published|posted)\b|\s*[|•·]\s*|\s+[–—-]\s+", re.I)
_ROLE = re.compile(
    r"\s+(?:[A-Z]\w+\s+)?(?:columnist|correspondent|writer|editor|reporter|contributor|"
    r"staff)s?$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*|de|da|van|von|der|di|le|la|bin|al|du)$")


def read_header(
    header: list[Line], opening: list[Line], found: Found, removed: list[str], keep_unknown: bool
) -> list[Line]:
    """Take date, byline and title from the lines above the article; return those to keep.

    `opening` is the article's first lines: on a whole page the headline can sit among them.
    """
    kept: list[Line] = []
    candidates: list[Line] = []
    for line in header:
        if date_line(line, found) or _is_byline(line, found) or _is_agency(line, found):
            removed.append(line.text)
        elif keep_unknown:
            kept.append(line)
        else:
            candidates.append(line)
    if found.title is None:
        found.title = _pick_title(candidates, header, [o for o in opening if not o.real])
    title_line = found.title
    for line in candidates:
        if line.text == title_line:
            title_line = None  # the headline itself; a repeat of it is removed like the rest
        else:
            removed.append(line.text)
    return kept


def _pick_title(candidates: list[Line], header: list[Line], opening: list[Line]) -> str | None:
    """A short paste opens with its headline; a whole page names it in its first line."""
    headlines = [c for c in candidates if is_headline(c)]
    if len(header) <= 4:
        return headlines[0].text if headlines else None
    page_title = header[0].text.casefold()
    for line in [*headlines[1:], *opening]:
        if is_headline(line) and page_title.startswith(line.text.casefold()):
            return line.text
    return None


def is_headline(line: Line) -> bool:
    """Shaped like a headline: a few words, not ending like a sentence or a clause."""
    text = line.text.rstrip(QUOTES)
    return 2 <= line.words <= _TITLE_MAX_WORDS and not text.endswith((".", ",", ";", ":"))


def date_line(line: Line, found: Found) -> bool:
    """A line that is only a date; the first one found fills found.date."""
    if line.heading or not is_date_line(line.text):
        return False
    found.date = found.date or parse_date(line.text)
    return True


def _is_byline(line: Line, found: Found) -> bool:
    match = _BYLINE.match(line.text)
    if match is None or line.words > _BYLINE_MAX_WORDS:
        return False
    names = match["names"]
    tail = _BYLINE_TAIL.search(names)
    if tail and any(ch.isdigit() for ch in names[tail.start() :]):
        found.date = found.date or parse_date(names[tail.start() :])
        names = names[: tail.start()]
    agency = agency_name(names)
    if agency:  # "Por Agencia EFE"
        found.agency = found.agency or agency
        return True
    parts = [p.strip() for p in re.split(r"\s*[|/]\s*|,\s*(?=[^,]+$)", names)]
    if len(parts) > 1 and agency_name(parts[-1]):  # "By A | Reuters", "By A, Reuter"
        found.agency = found.agency or agency_name(parts[-1])
        names = names[: names.rfind(parts[-1])].rstrip(" ,|/")
    people = [_ROLE.sub("", n) for n in split_names(names)]
    if not people or not all(_NAME_WORD.match(w) for n in people for w in n.split()):
        return False
    found.byline = found.byline or tuple(people)
    return True


def _is_agency(line: Line, found: Found) -> bool:
    agency = agency_name(line.text)
    if agency:
        found.agency = found.agency or agency
    return agency is not None


def same_text(text: str, title: str) -> bool:
    """The same line, quotes, full stops, spacing and case aside."""

    def key(value: str) -> str:
        return " ".join(value.strip(QUOTES + " .").split()).casefold()

    return key(text) == key(title)
