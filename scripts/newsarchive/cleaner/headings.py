"""Body blocks: paragraphs, and the short bare lines between them that are subheadings."""

from __future__ import annotations

from ..records import Block
from .lines import QUOTES, SENTENCE_END, Line

# Headings are short: Material's own headings rarely pass 12 words.
_HEADING_MAX_WORDS = 12
_HEADING_MAX_CHARS = 90


def to_blocks(body: list[Line]) -> list[Block]:
    """Body lines -> paragraph and heading blocks."""
    blocks: list[Block] = []
    for index, line in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        if line.heading or (blocks and following is not None and _is_heading(line, following)):
            blocks.append(Block("heading", line.text))
        else:
            blocks.append(Block("paragraph", line.text))
    return blocks


def _is_heading(line: Line, following: Line) -> bool:
    """A short bare line between paragraphs, followed by a paragraph, is a subheading."""
    text = line.text.strip(QUOTES + " ")
    return (
        line.words <= _HEADING_MAX_WORDS
        and len(line.text) <= _HEADING_MAX_CHARS
        and not SENTENCE_END.search(text)
        and not text.endswith(",")
        and not following.heading
        and (following.real or following.sentence)
    )
