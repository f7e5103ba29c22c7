"""The lines above the article: its title, date and byline."""

from __future__ import annotations

import re

from ..dates import is_date_line, parse_date
from ..names import BY_PREFIX, NAME_WORD, is_person, split_names
from .datelines import match_dateline
from .lines import QUOTES, AgencyName, Facts, Found, Line

_TITLE_MAX_WORDS = 30
# A headline that ends in a full stop is short; longer one-sentence lines are leads.
_SENTENCE_TITLE_MAX_WORDS = 14
# A lead this many times the first line's length sets a one-sentence first line apart.
_LEAD_RATIO = 2
_SECOND_SENTENCE = re.compile(r"[.!?…]['\"”’»)]*\s+['\"“„«(]?[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ]")
# A headline made from the lead ends where a clause ends, within this many characters.
PROVISIONAL_MAX_CHARS = 90
_PROVISIONAL_MIN_CHARS = 30
_TITLE_MIN_WORDS = 3
_SENTENCE_BREAK = re.compile(r"[.!?…]['\"”’»)]*\s+(?=['\"“„«(]?[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ0-9])")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—-]\s|\s\(")
_UNSPACED_BREAK = re.compile(r"[，、；：。！？]")
_PAIRS = (("(", ")"), ("“", "”"), ("«", "»"), ("„", "“"))
# A provisional headline keeps a question or exclamation mark, never a full stop.
_TRAILING = " .,;:–—-(\"'“”‘’«»„…"
_OUTLET_MAX_WORDS = 5

_BYLINE_MAX_WORDS = 16
# A place of one to three capitalised words, then a comma or dash, then the rest of the line.
_PLACE_THEN_DATE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*(?:\s[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*){0,2})"
    r"\s*[,–—-]\s+(?P<when>.+)$"
)
_BYLINE_TAIL = re.compile(r"\s+(?:on|updated|published|posted)\b|\s*[|•·]\s*|\s+[–—-]\s+", re.I)
_ROLE = re.compile(
    r"\s+(?:[A-Z]\w+\s+)?(?:columnist|correspondent|writer|editor|reporter|contributor|"
    r"staff)s?$",
    re.IGNORECASE,
)


def read_header(
    header: list[Line],
    opening: list[Line],
    found: Found,
    removed: list[str],
    keep_unknown: bool,
    whole_page: bool,
    agency: AgencyName,
) -> list[Line]:
    """Take date, byline and title from the lines above the article; return those to keep.

    `opening` is the article's first lines: on a whole page the headline can sit among them.
    """
    kept: list[Line] = []
    candidates: list[Line] = []
    for line in header:
        if found.take(header_facts(line, agency)):
            removed.append(line.text)
        elif keep_unknown:
            kept.append(line)
        else:
            candidates.append(line)
    if found.title is None:
        opening = [o for o in opening if not o.real]
        found.title = _pick_title(candidates, header, opening, found, whole_page, agency)
    title_line = found.title
    for line in candidates:
        if line.text == title_line:
            title_line = None  # the headline itself; a repeat of it is removed like the rest
        else:
            removed.append(line.text)
    return kept


def _pick_title(
    candidates: list[Line],
    header: list[Line],
    opening: list[Line],
    found: Found,
    whole_page: bool,
    agency: AgencyName,
) -> str | None:
    """The headline: the one a page's title line repeats, else the one nearest the article.

    Furniture left above a paste's headline (menus, prompts) is farther from the article
    than the headline, so the nearest headline-shaped line wins, never the first.
    """
    headlines = [c for c in candidates if is_headline(c)]
    page_title = header[0].text.casefold() if header else ""
    # Below the header only a strict prefix counts: a repeat of the first line is furniture.
    shorter = [o for o in opening if len(o.text) < len(page_title)]
    for line in [*headlines[1:], *shorter]:
        if is_headline(line) and page_title.startswith(line.text.casefold()):
            return line.text
    if whole_page:  # among menus and teasers, only the page title says which is the headline
        return None
    for index in reversed(range(len(headlines))):
        if index and found.take(read_signature(headlines[index], agency)):
            continue  # "Name, Outlet" under the headline is its byline
        return headlines[index].text
    return None


def is_headline(line: Line) -> bool:
    """Shaped like a headline: a few words, not ending like a sentence or a clause."""
    text = line.text.rstrip(QUOTES)
    return 2 <= line.words <= _TITLE_MAX_WORDS and not text.endswith((".", ",", ";", ":"))


def opens_with_headline(lines: list[Line], agency: AgencyName) -> bool:
    """The first line is a headline although it reads as a sentence ('Talks resume.').

    Translated pastes keep the headline's full stop. A short one-sentence first line is
    the headline when something sets it apart from the text below: a blank row the next
    lines do not share, or a first paragraph (past any date or standfirst line) much
    longer than it. A one-line lead paragraph is not set apart, and a dateline marks a lead.
    """
    if len(lines) < 2 or lines[0].heading or lines[1].heading:
        return False
    first, following = lines[0], lines[1]
    if first.words < 2 or not (first.real or first.sentence):
        return False  # a headline without a full stop is found with the other header lines
    limit = _SENTENCE_TITLE_MAX_WORDS if first.sentence else _TITLE_MAX_WORDS
    if first.words > limit or _SECOND_SENTENCE.search(first.text):
        return False
    if match_dateline(first.text, agency):
        return False
    if first.gap_after and not following.gap_after:
        return True
    lead = next((line for line in lines[1:] if line.real), None)
    return lead is not None and lead.words >= first.words * _LEAD_RATIO


def header_facts(line: Line, agency: AgencyName) -> Facts | None:
    """What a line above the article says: a date, a byline or an agency; None for others."""
    return (
        date_facts(line)
        or _place_and_date(line)
        or read_byline(line, agency)
        or _agency_facts(line, agency)
    )


def _place_and_date(line: Line) -> Facts | None:
    """'Lisbon, 4 May 2020', 'Berlin, 28.11.2024', 'Paris, le 4 mai 2020': where and when."""
    match = _PLACE_THEN_DATE.match(line.text)
    if match is None or line.heading or not is_date_line(match["when"]):
        return None
    return Facts(date=parse_date(match["when"]), dateline=match["place"])


def date_facts(line: Line) -> Facts | None:
    """A line that is only a date, with that date (None for '3 hours ago'); else None."""
    if line.heading or not is_date_line(line.text):
        return None
    return Facts(date=parse_date(line.text))


def read_byline(line: Line, agency_name: AgencyName) -> Facts | None:
    """'By A and B', 'Von A | Reuters', 'Auteur : A', 'By A, Staff Writer' -> names and agency."""
    match = BY_PREFIX.match(line.text)
    if match is None or line.words > _BYLINE_MAX_WORDS:
        return None
    names = line.text[match.end() :]
    date = None
    tail = _BYLINE_TAIL.search(names)
    if tail and any(ch.isdigit() for ch in names[tail.start() :]):
        date = parse_date(names[tail.start() :])
        names = names[: tail.start()]
    agency = agency_name(names)
    if agency:  # "Por Agencia EFE"
        return Facts(agency=agency, date=date)
    parts = [p.strip() for p in re.split(r"\s*[|/]\s*|,\s*(?=[^,]+$)", names)]
    if len(parts) > 1 and agency_name(parts[-1]):  # "By A | Reuters", "By A, Reuter"
        agency = agency_name(parts[-1])
        names = names[: names.rfind(parts[-1])].rstrip(" ,|/")
    people = tuple(_ROLE.sub("", n) for n in split_names(names))
    if not people or not all(NAME_WORD.match(w) for n in people for w in n.split()):
        return None
    return Facts(byline=people, agency=agency, date=date)


def edge_bylines(body: list[Line], agency: AgencyName) -> dict[int, Facts]:
    """Bylines standing alone at the top or foot of the text ('Auteur : A. Name'), by index."""
    edges = dict.fromkeys([*range(min(2, len(body))), *range(max(0, len(body) - 3), len(body))])
    found = {}
    for index in edges:
        line = body[index]
        facts = None if line.real or line.heading else read_byline(line, agency)
        if facts is not None:
            found[index] = facts
    return found


def read_signature(line: Line, agency: AgencyName) -> Facts | None:
    """'Ana Ruiz and Li Wei, The Daily Post': the authors, then their outlet, no 'By'."""
    names, separator, outlet = line.text.rpartition("|" if "|" in line.text else ",")
    outlet = outlet.strip()
    if not separator or not outlet or len(outlet.split()) > _OUTLET_MAX_WORDS:
        return None
    if not all(NAME_WORD.match(word) for word in outlet.split()):
        return None
    people = split_names(names)
    if not people or not all(is_person(name) for name in people):
        return None
    return Facts(byline=people, agency=agency(outlet))


def _agency_facts(line: Line, agency_name: AgencyName) -> Facts | None:
    agency = agency_name(line.text)
    return Facts(agency=agency) if agency else None


def provisional_title(lead: str, dangling: frozenset[str]) -> str | None:
    """A headline made from the lead, for a text that starts with the story.

    The lead's first sentence when it is short; else the sentence cut where a clause
    ends (a comma, a dash), or at a word, within PROVISIONAL_MAX_CHARS. Never mid-word,
    and never ending on a function word of the text's language (`dangling`: "and",
    "with", "der") or on punctuation. None when the lead has no words.
    """
    sentence = _first_sentence(" ".join(lead.split()))
    if len(sentence) > PROVISIONAL_MAX_CHARS:
        window = sentence[: PROVISIONAL_MAX_CHARS + 1]
        clauses = [m.start() for m in _CLAUSE_BREAK.finditer(window)]
        cut = next((c for c in reversed(clauses) if c >= _PROVISIONAL_MIN_CHARS), None)
        if cut is None:  # before the last function word: "... income taxes | for middle"
            words = [m.start() for m in re.finditer(r"(?<=\s)\S+", window)]
            small = [i for i in words if window[i:].split()[0].casefold() in dangling]
            cut = next((i - 1 for i in reversed(small) if i > _PROVISIONAL_MIN_CHARS), None)
        if cut is None:
            space = window.rfind(" ")
            cut = space if space > 0 else _unspaced_cut(window)
        sentence = _outside_open_quote(sentence[:cut])
    return _tidy_end(sentence, dangling) or None


def _first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence ('U.S.' and 'Mr.' do not)."""
    for match in _SENTENCE_BREAK.finditer(text):
        before = text[: match.start() + 1].split()
        word = before[-1].rstrip(".!?…") if before else ""
        abbreviation = "." in word or (len(word) <= 3 and word[:1].isupper())
        if len(before) >= _TITLE_MIN_WORDS and not abbreviation:
            return text[: match.end()].rstrip()
    return text


def _unspaced_cut(window: str) -> int:
    """Where to cut a text written without spaces (Chinese, Japanese, Thai)."""
    marks = [m.end() for m in _UNSPACED_BREAK.finditer(window)]
    return marks[-1] if marks else PROVISIONAL_MAX_CHARS


def _outside_open_quote(text: str) -> str:
    """`text` cut before a quotation or bracket that it opens and the cut left unclosed."""
    for opening, closing in _PAIRS:
        if text.count(opening) > text.count(closing) and text.rfind(opening) > 0:
            text = text[: text.rfind(opening)]
    if text.count('"') % 2 and text.rfind('"') > 0:
        text = text[: text.rfind('"')]
    return text


def _tidy_end(text: str, dangling: frozenset[str]) -> str:
    """`text` without trailing punctuation or function words, repeatedly."""
    while True:
        tidied = text.rstrip(_TRAILING)
        words = tidied.split()
        while len(words) > 1 and words[-1].casefold().strip(QUOTES) in dangling:
            words.pop()
        tidied = " ".join(words)
        if tidied == text:
            return text
        text = tidied


def same_text(text: str, title: str) -> bool:
    """The same line, quotes, full stops, spacing and case aside."""

    def key(value: str) -> str:
        return " ".join(value.strip(QUOTES + " .").split()).casefold()

    return key(text) == key(title)
