"""Signs of translation damage worth a human look (warnings, never errors).

Machine translation moves or drops quotation marks, and a cleaner can promote a
sentence to a heading or keep a line of page furniture. None of these is certain,
so each is a warning pointing at the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..registry import Furniture
from .safety import body_lines

HEADING_WORDS = 15
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


def paragraphs(body: str) -> Iterator[tuple[int, str]]:
    """(offset of first line, text) for each paragraph or heading outside code."""
    start, block, last = 0, [], -1
    for offset, line in body_lines(body):
        heading = _HEADING.match(line)
        # A skipped code block also ends a paragraph, hence the offset gap test.
        if block and (heading or not line.strip() or offset != last + 1):
            yield start, "\n".join(block)
            block = []
        if heading:
            yield offset, line
        elif line.strip():
            start = offset if not block else start
            block.append(line)
        last = offset
    if block:
        yield start, "\n".join(block)


def quote_problem(text: str) -> str | None:
    """Why the quotation marks in one paragraph do not pair up, or None."""
    low, left, right = text.count("„"), text.count("“"), text.count("”")
    # „ opens and “ or ” closes (German, Polish); “ opens and ” closes (English).
    if (low + left + right) % 2 or low > left + right or right > low + left:
        return (
            f"unbalanced quotation marks in this paragraph ({left} “, {right} ”, {low} „); "
            "a quote was probably lost in translation: compare with the original"
        )
    if not low:
        depth = 0
        for char in text:
            depth += {"“": 1, "”": -1}.get(char, 0)
            if depth < 0:
                return (
                    "quotation marks out of order in this paragraph (” before its “); "
                    "the quote was probably moved in translation: compare with the original"
                )
    if text.count("«") != text.count("»"):
        return (
            f"unbalanced quotation marks in this paragraph ({text.count('«')} «, "
            f"{text.count('»')} »); compare with the original"
        )
    straight = text.count('"')
    if straight % 2:
        return (
            f'odd number of " in this paragraph ({straight}); a quote was probably lost '
            "in translation: compare with the original"
        )
    return None


def heading_problem(line: str) -> str | None:
    """Why a heading looks like a sentence, or None."""
    match = _HEADING.match(line)
    if match is None:
        return None
    text = match.group(1)
    if text.endswith(".") and not text.endswith(".."):
        return "heading ends with a full stop, so it is probably a sentence; remove the '#' marks"
    words = len(text.split())
    if words > HEADING_WORDS:
        return f"heading is {words} words long, so it is probably a sentence; remove the '#' marks"
    return None


def check_damage(body: str, first_line: int, furniture: Furniture) -> Iterator[tuple[int, str]]:
    """(line, message) for each sign of translation damage in the body."""
    for offset, text in paragraphs(body):
        problem = heading_problem(text) if _HEADING.match(text) else quote_problem(text)
        if problem:
            yield first_line + offset, problem
    for offset, line in body_lines(body):
        # A heading is judged by its text, as the cleaner sees it before adding the '#' marks.
        heading = _HEADING.match(line)
        if furniture.matches(heading.group(1) if heading else line):
            shown = line.strip() if len(line.strip()) <= 60 else line.strip()[:57] + "..."
            yield (
                first_line + offset,
                (
                    f"'{shown}' is page furniture (data/furniture.yml), not article text; "
                    "delete the line"
                ),
            )
