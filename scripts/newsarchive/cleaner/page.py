"""Where the article sits in a whole-page paste, among menus, link lists and footers."""

from __future__ import annotations

from collections import Counter

from .lines import Line, line_key

# A paste with this many lines of non-sentences is a whole page with menus and footers.
WHOLE_PAGE_CHROME = 20
# In a whole page, this many non-sentence lines in a row separate the article from the rest.
_BOUNDARY_RUN = 3


def article_span(lines: list[Line], repeated: frozenset[str]) -> tuple[int, int]:
    """Start and end of the article in a whole-page paste: its largest block of sentences.

    Blocks are split where three or more non-sentence lines (menus, link lists, tag
    rows) stand together; a subheading or a caption between paragraphs does not split.
    """
    blocks: list[tuple[int, int, int]] = []  # (start, end, words)
    start, end, words, run = -1, -1, 0, 0
    for index, line in enumerate(lines):
        if line_key(line.text) in repeated:
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


def repeated_lines(lines: list[Line]) -> frozenset[str]:
    """Lines printed twice or more on one page: captions, section labels, teasers."""
    counts = Counter(line_key(line.text) for line in lines)
    return frozenset(text for text, count in counts.items() if count > 1)
