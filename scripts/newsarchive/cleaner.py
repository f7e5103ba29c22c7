"""The cleaner: RawArticle -> CleanArticle. Page furniture out, the article's parts told apart.

Steps, in order (each works on lines, never on one file's strings):
1. paragraphs: hard-wrapped wire copy is re-flowed, one-line paragraphs stay; spacing repaired;
2. copyright lines, credit trailers and furniture (furniture.yml plus the rules below) are
   taken out, anywhere in the text;
3. the article is the densest run of sentence paragraphs; the menus, link lists and footers
   of a whole-page paste lie outside it and are dropped;
4. the lines above it give the title, date and byline; date lines inside it are dropped;
5. an agency dateline is cut from the first paragraph; short bare lines become headings.
Whatever is taken out lands in CleanArticle.removed, so nothing disappears unseen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from .dates import MONTHS, is_date_line, parse_date
from .errors import RegistryError
from .readers import split_names
from .records import Block, CleanArticle, RawArticle
from .registry import DATA_DIR, Furniture


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# News agencies by the names they print, to the short name used in front matter.
AGENCIES = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "reuters": "Reuters",
    "reuter": "Reuters", "thomson reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "cnn": "CNN", "dpa": "dpa",
    "deutsche presse-agentur": "dpa", "ukrinform": "Ukrinform", "unian": "UNIAN",
    "interfax": "Interfax", "interfax-ukraine": "Interfax-Ukraine", "tass": "TASS",
    "ria novosti": "RIA Novosti", "xinhua": "Xinhua", "ansa": "ANSA", "efe": "EFE",
    "agencia efe": "EFE", "europa press": "Europa Press", "anadolu": "Anadolu", "pap": "PAP",
    "apa": "APA", "kyodo": "Kyodo", "yonhap": "Yonhap", "belga": "Belga", "anp": "ANP",
    "pti": "PTI", "ians": "IANS", "cp": "The Canadian Press",
    "the canadian press": "The Canadian Press", "canadian press": "The Canadian Press",
    "bloomberg": "Bloomberg", "upi": "UPI", "sda": "SDA", "ats": "ATS", "kna": "KNA",
    "epd": "epd", "ctk": "ČTK", "mti": "MTI", "bta": "BTA", "lusa": "Lusa", "aap": "AAP",
}  # fmt: skip

# A paragraph of the article: a sentence of a few words, or a long run of text.
_MIN_SENTENCE_WORDS = 4
_LONG_WORDS = 25
# Headings are short: Material's own headings rarely pass 12 words.
_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 90
_TITLE_MAX_WORDS = 30
# Lines this far into a page can still carry the title, date and byline.
# A paste with this many lines of non-sentences is a whole page with menus and footers.
_WHOLE_PAGE_CHROME = 20
# In a whole page, this many non-sentence lines in a row separate the article from the rest.
_BOUNDARY_RUN = 3

_WORD = re.compile(r"[^\W_][\w'’.-]*")
_SENTENCE_END = re.compile(r"[.!?…:;]['\"”’»)\]]*$")
_QUOTES = "\"'“”‘’«»„"
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")

# Spacing damage, repaired everywhere (the words themselves are never touched).
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")  # "long -term"
_SPACE_BEFORE_COMMA = re.compile(r"(?<=[\w\"”’)]) +([,.])(?=\s|$|[\"”’»)])")
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w\"”’)]) +([;:!?])(?=\s|$|[\"”’»)])")
_OPEN_QUOTE_SPACE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))([“‘]) +(?=\w)")
_CLOSE_QUOTE_SPACE = re.compile(r"(?<=[\w.,!?]) +([”’])(?=[\s,.;:!?)]|$)")
_MANY_SPACES = re.compile(r" {2,}")

# Copyright in any form: "©", "(c)", "&copy;" mangled to "& Copy", "Copyright".
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|&\s*copy;?|copyright)\s*(?:©|\(c\))?\s*"
    r"(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?\s*[,.]?\s*(?P<holder>.*)$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"\W*\ball rights reserved\b.*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\bInc)(?<!\bLtd)(?<!\bCo)\.\s+(?=[A-Z])")
_SMALL_WORDS = _wordset("a an and as at by de del der des di du for in la le of on the to und")
_HOLDER_MAX_WORDS = 10

# Credits at the foot of wire copy: "(Reporting by X; Editing by Y)", "X contributed to this report"
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced|"
    r"graphics|fact[- ]checking|translated|translation)(?:\s+(?:and|&)\s+\w+)?\s+by\b"
    r"|\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 60

# Newsletter pitches: "... delivered to your inbox", "Sign up for our newsletter".
_PROMO_PITCH = re.compile(
    r"\b(?:delivered|sent|straight|direct(?:ly)?)\b.{0,60}\b(?:in|to|into)\s+(?:your|the)\s+"
    r"(?:in-?box|mailbox|reception box|e-?mail)|\bsign(?:ing)?\s+up\s+(?:for|to)\s+(?:our|the)\b"
    r"|\bsubscribe\s+to\s+(?:our|the)\b.{0,40}\b(?:newsletter|alerts|updates)\b",
    re.IGNORECASE,
)
_PROMO_HEAD = re.compile(r"\b(?:news|newsletters?|alerts|updates|briefing|digest)\b", re.I)
_PROMO_MAX_WORDS = 40

# Photo captions and credits: "Photo: X", "... (Name/AP)", "[File: Reuters]", "© Agency / Name".
_PHOTO_CREDIT = re.compile(
    r"^(?:main\s+)?(?:photo|image|picture|foto|photograph|illustration|graphic|video)s?"
    r"(?:\s+credit)?\s*:\s*\S"
    r"|\([^()]*[^\W\d_]\s?/\s?[A-Z][^()]*\)\s*$|\[(?:file|photo|image)\b[^\]]*\]\s*$"
    r"|©\s*[^\W\d][^©.]{0,60}$",
    re.IGNORECASE,
)
_CAPTION_MAX_WORDS = 60

# Share bars and link rows: every word is a network or a share verb.
_SHARE_WORDS = _wordset(
    "share shares sharing this article story page link links url copy copied email e-mail mail "
    "print facebook twitter x whatsapp linkedin pinterest reddit messenger telegram flipboard "
    "tumblr sms comment comments save bookmark on with via the close options more show "
    "instagram youtube rss feed tweet post"
)
_SHARE_NETWORKS = _wordset(
    "share facebook twitter whatsapp linkedin pinterest reddit messenger telegram email "
    "instagram youtube tweet copy"
)

_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|від|от)\s+(?P<names>\S.*)$", re.IGNORECASE)
_BYLINE_MAX_WORDS = 16
_BYLINE_TAIL = re.compile(r"\s+(?:on|updated|published|posted)\b|\s*[|•·]\s*|\s+[–—-]\s+", re.I)
_ROLE = re.compile(
    r"\s+(?:[A-Z]\w+\s+)?(?:columnist|correspondent|writer|editor|reporter|contributor|"
    r"staff)s?$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ][\w'’.-]*|de|da|van|von|der|di|le|la|bin|al|du)$")

# Datelines: "London (AP) – ", "BERLIN, April 9 (Reuters) - ", "(CNN) -- ", "MADRID — ",
# "KYIV, Ukraine (AP) —", "SALVADOR, Feb 26 - " (wire copy without agency).
_UP = "A-ZÀ-ÖØ-ÞА-ЯІЇЄҐ"
_MONTH = "(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_WHEN = rf"(?:,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\.?\s+{_MONTH}))"
_PLACE = rf"[{_UP}][\w.'’-]*(?:\s+[{_UP}][\w.'’-]*){{0,3}}"
_PLACE_CAPS = rf"[{_UP}][{_UP}.'’-]+(?:\s+[{_UP}][{_UP}.'’-]*){{0,3}}"
_REGION = rf"(?:,\s+[{_UP}][\w.'’-]*(?:\s+[{_UP}][\w.'’-]*){{0,2}})?"
_DASH = r"\s*(?:--|[-–—‒―])\s+"
_DATELINES = [
    re.compile(
        rf"^(?:(?P<place>{_PLACE}{_REGION})(?i:{_WHEN})?\s*)?\((?P<agency>[^()]{{2,40}})\)"
        rf"(?:\s*(?:--|[-–—‒―])\s*|\s*:\s+|\s+)(?=\S)"
    ),
    re.compile(rf"^(?P<place>{_PLACE_CAPS}{_REGION})(?i:{_WHEN})?{_DASH}(?=\S)"),
    re.compile(rf"^(?P<place>{_PLACE}{_REGION})(?i:{_WHEN}){_DASH}(?=\S)"),
]


@dataclass(frozen=True)
class _Line:
    """One paragraph-to-be: a line of a paste, a re-flowed wire paragraph or a page block."""

    text: str
    heading: bool = False  # marked as a heading by the source ('## ' from a page, '#' in .md)

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text.rstrip()))

    @property
    def real(self) -> bool:
        """Article text rather than chrome: a sentence of a few words, or a long run."""
        if self.heading:
            return False
        return (self.sentence and self.words >= _MIN_SENTENCE_WORDS) or self.words >= _LONG_WORDS


@dataclass
class _Found:
    """What the cleaner has told apart so far."""

    title: str | None = None
    date: dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    byline: tuple[str, ...] = ()
    copyright: str | None = None
    holder: str | None = None


def clean(raw: RawArticle, furniture: Furniture) -> CleanArticle:
    """Separate the article from its page: furniture out, title/date/byline/dateline apart."""
    rules = _compile_furniture(tuple(furniture.lines), tuple(furniture.patterns))
    french = raw.language == "fr" or "«" in raw.text
    lines = [replace(line, text=repair_spacing(line.text, french)) for line in _split(raw.text)]
    lines = [line for line in lines if line.text]
    found = _Found(title=raw.title)
    removed: list[str] = []

    lines = _take_out(lines, removed, lambda line: _is_copyright(line, found))
    lines = _take_out_promos(lines, removed)
    lines = _take_out(lines, removed, lambda line: _is_furniture(line.text, rules))

    start = next((i for i, line in enumerate(lines) if _opens_article(line)), None)
    if start is None:  # no sentence at all (a table of figures): all of it but a headline
        start = 1 if len(lines) > 1 and _is_headline(lines[0]) else 0
    end, repeated = len(lines), frozenset[str]()
    if raw.kind == "text" and sum(not line.real for line in lines) >= _WHOLE_PAGE_CHROME:
        repeated = _repeated(lines)
        start, end = _article_span(lines, repeated)
    removed.extend(line.text for line in lines[end:])
    header, body = lines[:start], lines[start:end]
    kept_header = _read_header(header, body[:5], found, removed, keep_unknown=raw.kind == "html")
    body = _take_out(
        body, removed, lambda line: _key(line.text) in repeated or _is_date_line(line, found)
    )
    body = [*kept_header, *body]
    if found.title:
        body = _take_out(body[:3], removed, lambda line: _same(line.text, found.title)) + body[3:]
    body = _cut_dateline(body, found, removed)
    blocks = tuple(_to_blocks(body))
    return CleanArticle(
        raw=raw,
        blocks=blocks,
        title=found.title,
        date=found.date or raw.date,
        dateline=found.dateline,
        agency=found.agency or next(filter(None, map(_agency, raw.byline)), None),
        byline=found.byline or tuple(name for name in raw.byline if not _agency(name)),
        copyright=found.copyright,
        copyright_holder=found.holder,
        removed=tuple(removed),
    )


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


# --- 1. paragraphs --------------------------------------------------------------------------


def _split(text: str) -> list[_Line]:
    """Text -> one _Line per paragraph; hard-wrapped copy is joined back into paragraphs."""
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = _wrap_width(rows)
    lines: list[_Line] = []
    current: list[str] = []
    previous = ""

    def flush() -> None:
        if current:
            lines.append(_Line(_join_wrapped(current)))
            current.clear()

    for row in rows:
        stripped = row.strip()
        heading = _MD_HEADING.match(stripped)
        if not stripped or heading:
            flush()
            if heading:
                lines.append(_Line(heading.group(1), heading=True))
            previous = ""
            continue
        indented = row[:1].isspace()
        # In wrapped copy a line continues its paragraph unless it is indented, the line
        # before it stopped well short of the wrap width (a last line), or one of the two
        # is an ALL-CAPS headline.
        continues = (
            width
            and current
            and not indented
            and len(previous) >= width * 0.6
            and _is_caps(previous) == _is_caps(stripped)
        )
        if not continues:
            flush()
        current.append(stripped)
        previous = row.rstrip()
        if not width:
            flush()
    flush()
    return lines


def _wrap_width(rows: list[str]) -> int:
    """The column at which the text was hard-wrapped, or 0 when each line is a paragraph."""
    lengths = [len(row.rstrip()) for row in rows if row.strip()]
    long_rows = [row.rstrip() for row in rows if len(row.rstrip()) >= 40]
    if len(long_rows) < 3 or max(lengths) > 100:
        return 0
    open_ended = sum(not _SENTENCE_END.search(row) for row in long_rows)
    return max(lengths) if open_ended >= len(long_rows) / 2 else 0


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _join_wrapped(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        # "well-" + "known" keeps its hyphen; every other break was a space.
        text = text + part if text.endswith("-") and part[:1].islower() else f"{text} {part}"
    return text


# --- 2. copyright, credits, furniture -------------------------------------------------------


def _take_out(lines: list[_Line], removed: list[str], test: Callable[[_Line], bool]) -> list[_Line]:
    kept = []
    for line in lines:
        if test(line):
            removed.append(line.text)
        else:
            kept.append(line)
    return kept


def _is_copyright(line: _Line, found: _Found) -> bool:
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


def _take_out_promos(lines: list[_Line], removed: list[str]) -> list[_Line]:
    """A newsletter pitch goes, with the short 'Get daily news' line that heads it."""
    kept: list[_Line] = []
    for line in lines:
        if line.words <= _PROMO_MAX_WORDS and _PROMO_PITCH.search(line.text):
            head = kept[-1] if kept else None
            if head and not head.sentence and head.words <= 8 and _PROMO_HEAD.search(head.text):
                removed.append(kept.pop().text)
            removed.append(line.text)
        else:
            kept.append(line)
    return kept


@lru_cache(maxsize=8)
def _compile_furniture(
    lines: tuple[str, ...], patterns: tuple[str, ...]
) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    exact = frozenset(_furniture_key(line) for line in lines)
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise RegistryError(
                f"pattern {pattern!r} is not a valid regular expression ({exc}); fix or quote it",
                DATA_DIR / "furniture.yml",
            ) from exc
    return exact, tuple(compiled)


def _furniture_key(text: str) -> str:
    return " ".join(text.split()).strip(" .:;!|•·-–—").casefold()


def _is_furniture(text: str, rules: tuple[frozenset[str], tuple[re.Pattern[str], ...]]) -> bool:
    exact, patterns = rules
    words = len(_WORD.findall(text))
    if _furniture_key(text) in exact or any(p.search(text) for p in patterns):
        return True
    if words <= _CREDIT_MAX_WORDS and _CREDIT.search(text):
        return True
    if words <= _CAPTION_MAX_WORDS and _PHOTO_CREDIT.search(text):
        return True
    tokens = [t.strip(".,:;!?|•·()[]").lower() for t in text.split()]
    tokens = [t for t in tokens if t]
    return (
        bool(tokens)
        and len(tokens) <= 12
        and set(tokens) <= _SHARE_WORDS
        and bool(set(tokens) & _SHARE_NETWORKS)
    )


# --- 3. where the article is ----------------------------------------------------------------


def _article_span(lines: list[_Line], repeated: frozenset[str]) -> tuple[int, int]:
    """Start and end of the article in a whole-page paste: its largest block of sentences.

    Blocks are split where three or more non-sentence lines (menus, link lists, tag
    rows) stand together; a subheading or a caption between paragraphs does not split.
    """
    blocks: list[tuple[int, int, int]] = []  # (start, end, words)
    start, end, words, run = -1, -1, 0, 0
    for index, line in enumerate(lines):
        if _key(line.text) in repeated:
            continue  # printed twice (caption, teaser): page furniture, not a boundary
        if not line.real:
            run += 1
            continue
        if start < 0 or run >= _BOUNDARY_RUN:
            if start >= 0:
                blocks.append((start, end, words))
            start, words = index, 0
        words, end, run = words + line.words, index + 1, 0
    if start >= 0:
        blocks.append((start, end, words))
    best = max(blocks, key=lambda block: block[2], default=None)
    return (best[0], best[1]) if best else (0, len(lines))


def _repeated(lines: list[_Line]) -> frozenset[str]:
    """Lines printed twice or more on one page: captions, section labels, teasers."""
    counts = Counter(_key(line.text) for line in lines)
    return frozenset(text for text, count in counts.items() if count > 1)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _opens_article(line: _Line) -> bool:
    return line.real or (not line.heading and _match_dateline(line.text) is not None)


# --- 4. title, date, byline -----------------------------------------------------------------


def _read_header(
    header: list[_Line], opening: list[_Line], found: _Found, removed: list[str], keep_unknown: bool
) -> list[_Line]:
    """Take date, byline and title from the lines above the article; return those to keep.

    `opening` is the article's first lines: on a whole page the headline can sit among them.
    """
    kept: list[_Line] = []
    candidates: list[_Line] = []
    for line in header:
        if _is_date_line(line, found) or _is_byline(line, found) or _is_agency(line, found):
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


def _pick_title(candidates: list[_Line], header: list[_Line], opening: list[_Line]) -> str | None:
    """A short paste opens with its headline; a whole page names it in its first line."""
    headlines = [c for c in candidates if _is_headline(c)]
    if len(header) <= 4:
        return headlines[0].text if headlines else None
    page_title = header[0].text.casefold()
    for line in [*headlines[1:], *opening]:
        if _is_headline(line) and page_title.startswith(line.text.casefold()):
            return line.text
    return None


def _is_headline(line: _Line) -> bool:
    text = line.text.rstrip(_QUOTES)
    return 2 <= line.words <= _TITLE_MAX_WORDS and not text.endswith((".", ",", ";", ":"))


def _is_date_line(line: _Line, found: _Found) -> bool:
    if line.heading or not is_date_line(line.text):
        return False
    found.date = found.date or parse_date(line.text)
    return True


def _is_byline(line: _Line, found: _Found) -> bool:
    match = _BYLINE.match(line.text)
    if match is None or line.words > _BYLINE_MAX_WORDS:
        return False
    names = match["names"]
    tail = _BYLINE_TAIL.search(names)
    if tail and any(ch.isdigit() for ch in names[tail.start() :]):
        found.date = found.date or parse_date(names[tail.start() :])
        names = names[: tail.start()]
    agency = _agency(names)
    if agency:  # "Por Agencia EFE"
        found.agency = found.agency or agency
        return True
    parts = [p.strip() for p in re.split(r"\s*[|/]\s*|,\s*(?=[^,]+$)", names)]
    if len(parts) > 1 and _agency(parts[-1]):  # "By A | Reuters", "By A, Reuter"
        found.agency = found.agency or _agency(parts[-1])
        names = names[: names.rfind(parts[-1])].rstrip(" ,|/")
    people = [_ROLE.sub("", n) for n in split_names(names)]
    if not people or not all(_NAME_WORD.match(w) for n in people for w in n.split()):
        return False
    found.byline = found.byline or tuple(people)
    return True


def _is_agency(line: _Line, found: _Found) -> bool:
    agency = _agency(line.text)
    if agency:
        found.agency = found.agency or agency
    return agency is not None


def _agency(text: str) -> str | None:
    key = re.sub(r"^(?:agencia|agence|agentur|agenzia|agência)\s+", "", text.strip().lower())
    key = key.split("/")[0].strip(" .")
    return AGENCIES.get(key) or AGENCIES.get(text.strip().lower())


def _same(text: str, title: str) -> bool:
    def key(value: str) -> str:
        return " ".join(value.strip(_QUOTES + " .").split()).casefold()

    return key(text) == key(title)


# --- 5. dateline and headings ---------------------------------------------------------------


def _cut_dateline(body: list[_Line], found: _Found, removed: list[str]) -> list[_Line]:
    """Move 'PLACE (AGENCY) – ' from the start of the first paragraph into dateline/agency."""
    index = next((i for i, line in enumerate(body) if not line.heading), None)
    if index is None:
        return body
    text = body[index].text
    match = _match_dateline(text)
    if match is None:
        return body
    agency = match.groupdict().get("agency")
    if agency is not None:
        found.agency = _agency(agency) or agency
    if match["place"]:
        found.dateline = _place_name(match["place"])
    removed.append(match.group(0).strip())
    rest = text[match.end() :]
    return [*body[:index], replace(body[index], text=rest), *body[index + 1 :]]


def _match_dateline(text: str) -> re.Match[str] | None:
    """The dateline opening a paragraph; what follows it must be a sentence, not a headline."""
    for pattern in _DATELINES:
        match = pattern.match(text)
        if match is None or _is_caps(text[match.end() :]):
            continue
        agency = match.groupdict().get("agency")
        if agency is not None and not (_agency(agency) or re.fullmatch(r"[A-Z]{2,8}", agency)):
            continue
        return match
    return None


def _place_name(place: str) -> str:
    """'KYIV, Ukraine' -> 'Kyiv, Ukraine'; 'BUFFALO, N.Y.' -> 'Buffalo, N.Y.'."""
    parts = []
    for part in place.split(","):
        part = part.strip()
        letters = [c for c in part if c.isalpha()]
        abbreviation = "." in part and all(len(w.strip(".")) <= 2 for w in part.split("."))
        if letters and all(c.isupper() for c in letters) and len(letters) > 1 and not abbreviation:
            part = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), part)
        parts.append(part)
    return ", ".join(parts)


def _to_blocks(body: list[_Line]) -> list[Block]:
    blocks: list[Block] = []
    for index, line in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if line.heading or (blocks and following is not None and _is_heading(line, following)):
            blocks.append(Block("heading", line.text))
        else:
            blocks.append(Block("paragraph", line.text))
    return blocks


def _is_heading(line: _Line, following: _Line) -> bool:
    """A short bare line between paragraphs, followed by a paragraph, is a subheading."""
    text = line.text.strip(_QUOTES + " ")
    return (
        line.words <= _HEADING_MAX_WORDS
        and len(line.text) <= _HEADING_MAX_CHARS
        and not _SENTENCE_END.search(text)
        and not text.endswith(",")
        and not following.heading
        and (following.real or following.sentence)
    )
