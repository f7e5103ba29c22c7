"""What passes between the pipeline stages: reader -> cleaner -> enricher.

Each stage maps one record to the next; only readers and the writer touch disk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Literal

from .model import Method


@dataclass(frozen=True)
class TranslationFacts:
    """What a page or its text says about its own translation. None means 'not said'."""

    from_lang: str | None = None  # an ISO 639-1 code, or a language name as the page gives it
    method: Method | None = None
    translator: str | None = None
    original_title: str | None = None
    original_url: str | None = None

    def over(self, other: TranslationFacts) -> TranslationFacts:
        """These facts, with gaps filled from `other` (self wins)."""
        given = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(other, **{k: v for k, v in given.items() if v is not None})


@dataclass(frozen=True)
class ImageFacts:
    """A page's lead image as the page gives it: its address, caption and credit if said."""

    url: str
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class RawArticle:
    """A decoded input. For HTML, `text` is the extracted main text with '## ' headings."""

    path: Path
    kind: Literal["text", "html"]
    text: str
    digest: str  # sha256 of the raw bytes: "the same raw content"
    title: str | None = None
    date: dt.date | None = None
    byline: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    translation: TranslationFacts | None = None  # from JSON-LD (translationOfWork, translator)
    # <link rel="alternate" hreflang>: (language, address), one of which may be the original.
    alternates: tuple[tuple[str, str], ...] = ()
    # Short paragraphs of the page with a link: (text, address); a note's "read the original".
    links: tuple[tuple[str, str], ...] = ()
    image: ImageFacts | None = None  # og:image, JSON-LD image or the lead <figure>


@dataclass(frozen=True)
class Block:
    """One body block: a paragraph or a second-level heading."""

    kind: Literal["paragraph", "heading"]
    text: str

    def markdown(self) -> str:
        return f"## {self.text}" if self.kind == "heading" else self.text


@dataclass(frozen=True)
class CleanArticle:
    """The article with page furniture removed and its parts told apart."""

    raw: RawArticle
    blocks: tuple[Block, ...]
    title: str | None = None
    date: dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    byline: tuple[str, ...] = ()
    copyright: str | None = None  # normalised: "© 2025 The Canadian Press"
    copyright_holder: str | None = None  # "The Canadian Press"
    translation: TranslationFacts | None = None  # read from a translation note in the text
    removed: tuple[str, ...] = field(default=())  # furniture, credits: never tagged

    def body(self) -> str:
        """The Markdown body as it will be written."""
        return "\n\n".join(block.markdown() for block in self.blocks)

    def lead(self) -> str | None:
        """The first paragraph, used as the summary."""
        return next((b.text for b in self.blocks if b.kind == "paragraph"), None)
