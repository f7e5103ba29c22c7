"""A page's main text as blocks: '## heading' and paragraph strings, and whether it is prose.

The input is trafilatura's XML body (p, head, list/item, quote, table/row/cell, div, with
hi, ref, del and lb inside), which also carries plain HTML tags when trafilatura falls
back to readability, or an HTML fragment from a page's JSON-LD articleBody. Every piece of
text lands in some block: text beside a nested block (a div's loose lines) is a paragraph
of its own, a quote's closing attribution stays with its last paragraph, and a line break
ends a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from lxml import etree, html

from ..punctuation import ends_sentence
from .metadata import clean_text

# Inside a paragraph: formatting, links, images, and the HTML inline tags readability keeps.
# Any other tag (p, div, head, item, quote, table, h2, li, blockquote ...) starts a block.
_INLINE = frozenset(
    {"hi", "ref", "del", "graphic", "span", "a", "b", "strong", "i", "em", "u", "s", "sub",
     "sup", "small", "big", "font", "mark", "abbr", "cite", "q", "time"}
)  # fmt: skip
_BREAKS = frozenset({"lb", "br"})
_HEADINGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})
_ROWS = frozenset({"row", "tr"})
_CELLS = frozenset({"cell", "td", "th"})
_CELL_SEPARATOR = " | "
_QUOTES = frozenset({"quote", "blockquote"})

# A block ending like a sentence must be this long to count as prose, not a label.
_SENTENCE_CHARS = 30
# Longer blocks are running text whatever their punctuation (a Thai paragraph, a list
# item, a paragraph whose site leaves off the full stop); menu labels and links are shorter.
_RUN_WORDS = 12
_RUN_CHARS = 100  # scripts written without spaces between words, spaces aside
_WORD = re.compile(r"\w+")
_HTML_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b", re.IGNORECASE)


def body_blocks(root: etree._Element) -> list[str]:
    """trafilatura's XML body (or an HTML fragment) -> heading and paragraph strings, in order."""
    blocks: list[str] = []
    parts: list[str] = []

    def flush(heading: bool) -> None:
        text = clean_text("".join(parts))
        parts.clear()
        if text:
            blocks.append(f"## {text}" if heading else text)

    def walk(element: etree._Element, heading: bool) -> None:
        """Add the element's own text and its children's; its tail is the caller's."""
        if not isinstance(element.tag, str):  # a comment or processing instruction
            return
        block = element.tag not in _INLINE
        if block:
            flush(heading)  # the text so far belongs to the enclosing block
        if element.tag in _ROWS and _is_data_row(element):
            blocks.extend(_row_line(element))
            return
        inner = heading or element.tag in _HEADINGS
        after_block = False  # the text being gathered follows a nested block
        parts.append(element.text or "")
        for child in element:
            if child.tag in _BREAKS:
                # A break inside a heading is layout; elsewhere it ends a paragraph.
                if inner:
                    parts.append(" ")
                else:
                    flush(inner)
                after_block = False
            else:
                walk(child, inner)
                after_block = after_block or child.tag not in _INLINE
            parts.append(child.tail or "")
        if element.tag in _QUOTES and after_block and blocks and not blocks[-1].startswith("## "):
            # '— the mayor, to reporters' after a quote's paragraphs is part of the quote.
            attribution = clean_text("".join(parts))
            if attribution:
                blocks[-1] = f"{blocks[-1]} {attribution}"
                parts.clear()
        if block:
            flush(inner)

    walk(root, False)
    return blocks


def _is_data_row(row: etree._Element) -> bool:
    """A row of a data table: cells of inline text only. Layout tables hold paragraphs."""
    cells = [child for child in row if child.tag in _CELLS]
    return len(cells) == len(row) and all(
        descendant.tag in _INLINE or descendant.tag in _BREAKS
        for cell in cells
        for descendant in cell.iterdescendants()
    )


def _row_line(row: etree._Element) -> list[str]:
    """A data row as one line, its cells joined by ' | '; an empty row is no line."""
    cells = [clean_text(_inline_text(cell)) for cell in row]
    line = _CELL_SEPARATOR.join(cell for cell in cells if cell)
    return [line] if line else []


def _inline_text(element: etree._Element) -> str:
    """An element's text with its inline children's, word parts unsplit ('142<sup>e</sup>')."""
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if child.tag in _BREAKS else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def text_blocks(text: str) -> list[str]:
    """Blocks of a text field that may hold HTML (a JSON-LD articleBody): lines or tags."""
    if _HTML_TAG.search(text):
        return body_blocks(html.fragment_fromstring(text, create_parent="div"))
    return [line for line in map(clean_text, text.splitlines()) if line]


def is_prose(block: str) -> bool:
    """Article text rather than a label, link or menu: a sentence, or a long run of text."""
    if block.startswith("## "):
        return False
    return (
        (len(block) >= _SENTENCE_CHARS and ends_sentence(block))
        or len(block.split()) >= _RUN_WORDS
        or sum(not char.isspace() for char in block) >= _RUN_CHARS
    )


def word_bag(blocks: Iterable[str]) -> Counter[str]:
    """The blocks' words, case-folded, each counted as often as it occurs."""
    return Counter(word for block in blocks for word in _WORD.findall(block.casefold()))


def word_count(blocks: Iterable[str]) -> int:
    """Words in the blocks; a run of unspaced script counts as one."""
    return sum(len(_WORD.findall(block)) for block in blocks)
