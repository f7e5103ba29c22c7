"""A translation beside its original, paragraph by paragraph, for the article page.

Both bodies are cut into Markdown blocks (paragraphs, headings, lists: text between blank
lines), aligned by align.py, and each block converted by the build's shared converter, so
the original is made as safe as any article (safe_markdown). The template shows the
translation, the original or both from the same rows (templates/na-original.html).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..align import align
from ..frontmatter import split
from ..registry import Languages
from .catalog import Entry
from .converter import ConvertedPage

_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class AlignedRow:
    """One row: the translation's blocks and the original's, as HTML; '' for a side alone."""

    translation: str
    original: str


@dataclass(frozen=True)
class OriginalView:
    """What the page says about the original, and the aligned rows."""

    language: str  # the original's code, for lang=""
    name: str  # its language's name, 'German'
    translation_language: str
    translation_name: str
    title: str | None  # the headline in the original (the article's translation block)
    rows: list[AlignedRow]


def blocks(markdown: str) -> list[str]:
    """The body's blocks: text between blank lines, in order."""
    return [block.strip("\n") for block in _BLANK.split(markdown) if block.strip()]


def original_view(
    entry: Entry, page: ConvertedPage, docs_dir: Path, languages: Languages
) -> OriginalView | None:
    """The aligned view of an article (rendered, so page.markdown holds its body) and its
    original; None for an article without one."""
    translation = entry.article.translation
    if entry.original is None or translation is None or page.markdown is None:
        return None
    original_text = (docs_dir / entry.original).read_text(encoding="utf-8")
    ours, theirs = blocks(page.markdown), blocks(split(original_text)[1])
    convert = page.converter.fragment
    rows = [
        AlignedRow(
            "\n".join(convert(ours[i]) for i in row.translation),
            "\n".join(convert(theirs[j]) for j in row.original),
        )
        for row in align(ours, theirs)
    ]
    language = entry.article.language
    return OriginalView(
        language=translation.from_,
        name=languages.name_of(translation.from_),
        translation_language=language,
        translation_name=languages.name_of(language),
        title=translation.original_title,
        rows=rows,
    )
