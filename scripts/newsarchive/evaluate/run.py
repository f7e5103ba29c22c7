"""Running the extractors under evaluation: our normaliser, and trafilatura for comparison.

Our pipeline refuses an input with no date, so the stages are called first with no
contributor facts (to see whether a date is found or the input refused), then with a
placeholder date: every other field is still extracted and scored. A text with no
headline gets a provisional one made from its lead, as ingest gives it; the scores
count it as "no headline found" unless it is the headline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from .. import cleaner, readers
from ..enrich import enrich
from ..errors import NewsarchiveError
from ..overrides import Overrides
from ..registry import Registries

# Never a real answer: any field scored against it would be wrong, and date is scored apart.
PLACEHOLDER_DATE = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class Extraction:
    """What one extractor said about one input; None where it has no answer."""

    title: str | None = None
    title_provisional: bool = False  # made from the lead: the text had no headline
    date: dt.date | None = None
    byline: tuple[str, ...] = ()
    language: str | None = None
    dateline: str | None = None
    people: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    body: str = ""
    refused: str | None = None  # the one-line reason a date-less input was refused
    error: str | None = None  # the input could not be normalised at all


def run_ours(path: Path, registries: Registries) -> Extraction:
    """Our reader, cleaner and enricher on one input, as `newsarchive ingest` runs them."""
    try:
        clean = cleaner.clean(readers.read_file(path), registries)
    except NewsarchiveError as exc:
        return Extraction(error=str(exc))
    date, refused = None, None
    try:
        date = enrich(clean, Overrides(), registries).article.date
    except NewsarchiveError as exc:
        refused = str(exc)
    try:
        enriched = enrich(clean, Overrides(date=PLACEHOLDER_DATE), registries)
    except NewsarchiveError as exc:
        return Extraction(date=date, refused=refused, error=str(exc))
    article = enriched.article
    return Extraction(
        title=article.title,
        title_provisional="title" in article.provisional,
        date=date,
        byline=tuple(article.byline),
        language=article.language,
        dateline=article.dateline,
        people=tuple(article.people),
        topics=tuple(article.topics),
        body=enriched.body,
        refused=refused,
    )


def run_trafilatura(path: Path) -> Extraction:
    """trafilatura's own main text and metadata for a saved page (its defaults)."""
    document = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    if document is None:
        return Extraction(error="trafilatura found no main text")
    date = None
    if document.date:
        try:
            date = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            date = None
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    return Extraction(title=document.title, date=date, byline=authors, body=document.text or "")
