"""An article's summary: the publisher's standfirst when there is one, else the lead.

The lead is the body's first paragraph, so it is never stored twice: pages carry a
`summary` only when it says something the body does not start with, and readers of
the archive (site, feeds, export) ask summary_of() for the one to show.
"""

from __future__ import annotations

import re

from .model import Article

SUMMARY_MAX = 400
# A sentence ends at . ! ? or … (optionally closed by a quote) before a space.
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)]*(?=\s)")


def summarise(text: str | None) -> str | None:
    """`text` cut after the last whole sentence that fits in SUMMARY_MAX characters."""
    if not text:
        return None
    text = " ".join(text.split())
    if len(text) <= SUMMARY_MAX:
        return text
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text) if m.end() <= SUMMARY_MAX]
    if ends:
        return text[: ends[-1]]
    # No sentence fits: cut at a word, leaving room for the ellipsis.
    cut = text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return f"{cut}…"


def lead_paragraph(body: str) -> str | None:
    """The first paragraph of a Markdown body (headings, lists and quotes skipped)."""
    for block in body.split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("#", ">", "- ", "* ", "|", "```")):
            return " ".join(block.split())
    return None


def standfirst(description: str | None, lead: str | None) -> str | None:
    """The publisher's description as a summary, unless the lead already says it."""
    summary = summarise(description)
    if summary is None:
        return None
    start = summary.rstrip("…").casefold()
    return None if lead and " ".join(lead.split()).casefold().startswith(start) else summary


def summary_of(article: Article, body: str) -> str | None:
    """The summary to show: the stored one, else the lead paragraph cut to length."""
    return article.summary or summarise(lead_paragraph(body))
