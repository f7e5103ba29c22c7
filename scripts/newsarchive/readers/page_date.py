"""A saved page's publication date: its metadata, the date printed by its headline, and the
publisher's own day behind a timestamp written in UTC (timestamps.py).

Precedence: JSON-LD datePublished > a <meta> publication time > the date line printed by
the headline > a generic <meta> date > trafilatura's own find (htmldate) > the first
<time datetime>. htmldate ranks below the printed line because it may take a site's
"today" line from the page header.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree, html

from ..dates import is_date_line, is_update_line
from ..timestamps import Stamp, publisher_day, read_stamp, same_moment

_HEADLINE_MIN_WORDS = 3
# Pieces of visible text (between tags) either side of the headline that may hold its date
# line: enough to pass a byline, a standfirst or a notification prompt, not a page's header.
_NEAR_HEADLINE = 20
# Script text and no-break spaces are dropped in Python (an XPath test of every piece's
# ancestors costs a walk of the whole page), so the query asks for twice as many.
_AFTER = etree.XPath(f"following::text()[normalize-space()][position() <= {2 * _NEAR_HEADLINE}]")
_BEFORE = etree.XPath(f"preceding::text()[normalize-space()][position() <= {2 * _NEAR_HEADLINE}]")
_HIDDEN = frozenset({"script", "style", "noscript", "template"})
_IN_LINK = etree.XPath("boolean(ancestor-or-self::a)")
# Metadata fields, best first (readers/metadata.py gives them).
_META_FIRST = ("date", "published")
_META_LAST = ("meta_date",)


def page_date(tree: html.HtmlElement, meta: dict[str, Any], found: str | None) -> dt.date | None:
    """The day the page was published, by the precedence above; None when not certain.

    `found` is trafilatura's date string for the page, if it found one.
    """
    headline = headline_date(tree)
    printed = headline[0] if headline else None
    # A revision's date ('Updated ...') may be days after the first: never evidence of its day.
    local = printed if headline and not headline[1] else None
    machine = [meta.get(key) for key in (*_META_FIRST, *_META_LAST, "time")]
    ranked = [
        *(meta.get(key) for key in _META_FIRST),
        printed,
        *(meta.get(key) for key in _META_LAST),
        read_stamp(found),
        meta.get("time"),
    ]
    stamp = next((s for s in ranked if s is not None), None)
    if stamp is None:
        return None
    return publisher_day(stamp, _evidence(tree, stamp, [s for s in machine if s], local))


def headline_date(tree: html.HtmlElement) -> tuple[Stamp, bool] | None:
    """The date line printed nearest the headline (an <h1>), and whether it dates a revision.

    A first version's date line ('Published ...') wins over a nearer revision's ('Updated').
    """
    headlines = [
        (len(text), node)
        for node in tree.iter("h1")
        if len((text := " ".join(node.text_content().split())).split()) >= _HEADLINE_MIN_WORDS
    ]
    if not headlines:
        return None
    headline = max(headlines, key=lambda pair: pair[0])[1]
    before, after = _visible(reversed(_BEFORE(headline))), _visible(_AFTER(headline))
    lines = []
    for distance in range(_NEAR_HEADLINE):
        for side in (after, before):  # at equal distance, below the headline wins
            if distance < len(side):
                text, owner = side[distance]
                # A date has digits (a quick test first); one in a link dates another article.
                dated = any(char.isdigit() for char in text) and is_date_line(text)
                if dated and not _IN_LINK(owner):
                    lines.append(text)
    for line in sorted(lines, key=is_update_line):  # stable: nearest first within each kind
        stamp = read_stamp(line, printed=True)
        if stamp is not None:
            return stamp, is_update_line(line)
    return None


def _visible(pieces: Iterable[Any]) -> list[tuple[str, html.HtmlElement]]:
    """The nearest pieces of shown text, with the element holding each."""
    shown = []
    for piece in pieces:
        owner = piece.getparent()
        if piece.is_tail:
            owner = owner.getparent()
        text = " ".join(piece.split())
        if text and owner is not None and owner.tag not in _HIDDEN:
            shown.append((text, owner))
    return shown[:_NEAR_HEADLINE]


def _evidence(
    tree: html.HtmlElement, stamp: Stamp, machine: list[Stamp], printed: Stamp | None
) -> Iterator[Stamp]:
    """The page's local readings of `stamp`'s moment, best first (read only when needed)."""
    yield from machine
    for node in tree.iter("time"):
        when = read_stamp(node.get("datetime"))
        if when is None:
            continue
        yield when
        if same_moment(when, stamp):
            text = read_stamp(" ".join(node.text_content().split()), printed=True)
            if text is not None:
                yield text  # the same moment in the words the page shows
    if printed is not None:
        yield printed
