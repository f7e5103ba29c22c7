"""The cleaner's working unit: a paragraph-to-be, and how a text is cut into them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from ..punctuation import CLOSERS, SENTENCE_TERMINALS

# A paragraph of the article: a sentence of a few words, or a long run of text.
MIN_SENTENCE_WORDS = 4
LONG_WORDS = 25

WORD = re.compile(r"[^\W_][\w'’.-]*")
# A paragraph-to-be ends like a sentence in any script, or with the colon that opens a list.
SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_TERMINALS)}:][{re.escape(CLOSERS)}]*$")
QUOTES = "\"'“”‘’«»„"
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")


@dataclass(frozen=True)
class Line:
    """One paragraph-to-be: a line of a paste, a re-flowed wire paragraph or a page block."""

    text: str
    heading: bool = False  # marked as a heading by the source ('## ' from a page, '#' in .md)
    gap_after: bool = False  # a blank row follows it in the source

    @property
    def words(self) -> int:
        """How many words the line holds."""
        return len(WORD.findall(self.text))

    @property
    def sentence(self) -> bool:
        """The line ends like a sentence."""
        return bool(SENTENCE_END.search(self.text.rstrip()))

    @property
    def real(self) -> bool:
        """Article text rather than chrome: a sentence of a few words, or a long run."""
        if self.heading:
            return False
        return (self.sentence and self.words >= MIN_SENTENCE_WORDS) or self.words >= LONG_WORDS


# The registry's lookup of agency names ('AP', 'Agencia EFE' -> canonical name, or None).
AgencyName = Callable[[str], str | None]


@dataclass(frozen=True)
class Facts:
    """What one line says about the article (a date line, a byline, a dateline, a notice)."""

    date: dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    byline: tuple[str, ...] = ()
    copyright: str | None = None
    holder: str | None = None


@dataclass
class Found:
    """What the cleaner has told apart so far: for each fact the first line that gave it wins.

    Readers of lines return Facts and never write here; the cleaner folds them in, in the
    order it reads the text, so which value wins never depends on the order of the tests.
    """

    title: str | None = None
    facts: Facts = Facts()

    def take(self, facts: Facts | None) -> bool:
        """Fill the facts still empty from `facts`; True when there were facts at all."""
        if facts is None:
            return False
        self.facts = Facts(
            **{f.name: getattr(self.facts, f.name) or getattr(facts, f.name) for f in fields(Facts)}
        )
        return True


def split_lines(text: str) -> list[Line]:
    """Text -> one Line per paragraph; hard-wrapped copy is joined back into paragraphs."""
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = _wrap_width(rows)
    lines: list[Line] = []
    current: list[str] = []
    previous = ""

    def flush() -> None:
        if current:
            lines.append(Line(_join_wrapped(current)))
            current.clear()

    for row in rows:
        stripped = row.strip()
        heading = _MD_HEADING.match(stripped)
        if not stripped or heading:
            flush()
            if not stripped and lines:
                lines[-1] = replace(lines[-1], gap_after=True)
            if heading:
                lines.append(Line(heading.group(1), heading=True))
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
            and is_caps(previous) == is_caps(stripped)
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
    open_ended = sum(not SENTENCE_END.search(row) for row in long_rows)
    return max(lengths) if open_ended >= len(long_rows) / 2 else 0


def is_caps(text: str) -> bool:
    """An ALL-CAPS line (a wire headline, a shouted place name)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _join_wrapped(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        # "well-" + "known" keeps its hyphen; every other break was a space.
        text = text + part if text.endswith("-") and part[:1].islower() else f"{text} {part}"
    return text


def wordset(text: str) -> frozenset[str]:
    """The space-separated words of a vocabulary string, as a set."""
    return frozenset(text.split())


def line_key(text: str) -> str:
    """A line compared with spaces collapsed and case folded."""
    return " ".join(text.split()).casefold()


def take_out(lines: list[Line], removed: list[str], test: Callable[[Line], bool]) -> list[Line]:
    """Lines that fail `test`; the others go to `removed`, in order."""
    kept = []
    for line in lines:
        if test(line):
            removed.append(line.text)
        else:
            kept.append(line)
    return kept
